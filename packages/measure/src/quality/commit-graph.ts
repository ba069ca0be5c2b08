import { StringDecoder } from "node:string_decoder";
import { revertedCommits } from "./revert-message.js";

/** `git log` arguments for {@link readCommitGraph}: every commit of the branch, with its whole message. */
export function graphLogArgs(tip: string, exclude?: string): string[] {
  return [
    "log",
    "--no-color",
    "--encoding=UTF-8",
    "--format=%x1e%H%x00%P%x00%cI%x00%B%x00",
    tip,
    ...(exclude ? ["--not", exclude] : []),
    "--",
  ];
}

/** A commit whose message says it reverts another ("This reverts commit X"). */
export interface RevertClaim {
  revertSha: string;
  /** As written in the message: full or abbreviated. */
  revertedRef: string;
  committedAt: string;
}

export interface CommitGraph {
  parents: Map<string, string[]>;
  reverts: RevertClaim[];
}

const FIELDS = 4;

/** Reads the branch's commit graph and the revert claims of every commit (messages are not kept). */
export async function readCommitGraph(chunks: AsyncIterable<Buffer | string>): Promise<CommitGraph> {
  const decoder = new StringDecoder("utf8");
  const parents = new Map<string, string[]>();
  const reverts: RevertClaim[] = [];
  let text = "";
  const consume = () => {
    let at = 0;
    for (;;) {
      const start = text.indexOf("\x1e", at);
      if (start < 0) break;
      const fields: string[] = [];
      let cursor = start + 1;
      for (let f = 0; f < FIELDS; f++) {
        const nul = text.indexOf("\0", cursor);
        if (nul < 0) break;
        fields.push(text.slice(cursor, nul));
        cursor = nul + 1;
      }
      if (fields.length < FIELDS) break;
      const [sha, parentList, committedAt, body] = fields as [string, string, string, string];
      parents.set(sha, parentList ? parentList.split(" ") : []);
      if (body.includes("This reverts commit")) {
        for (const revertedRef of revertedCommits(body))
          reverts.push({ revertSha: sha, revertedRef, committedAt });
      }
      at = cursor;
    }
    text = text.slice(at);
  };
  for await (const chunk of chunks) {
    text += typeof chunk === "string" ? chunk : decoder.write(chunk);
    consume();
  }
  text += decoder.end();
  consume();
  return { parents, reverts };
}

/**
 * The landing of every commit: the first-parent commit of the branch that brought it in (itself
 * for a first-parent commit; the merge for a commit of a merged branch). Walks the first-parent
 * chain oldest first; each merge claims the commits reachable from its other parents that no
 * earlier landing claimed, so every commit gets the first landing that contained it.
 */
export function landingsOf(graph: ReadonlyMap<string, readonly string[]>, tip: string): Map<string, string> {
  const chain: string[] = [];
  for (let sha: string | undefined = tip; sha !== undefined && graph.has(sha); sha = graph.get(sha)?.[0]) {
    chain.push(sha);
  }
  const landing = new Map<string, string>();
  for (let i = chain.length - 1; i >= 0; i--) {
    const fp = chain[i] as string;
    landing.set(fp, fp);
    const stack = (graph.get(fp) ?? []).slice(1);
    while (stack.length > 0) {
      const sha = stack.pop() as string;
      if (landing.has(sha) || !graph.has(sha)) continue;
      landing.set(sha, fp);
      for (const parent of graph.get(sha) ?? []) if (!landing.has(parent)) stack.push(parent);
    }
  }
  return landing;
}

/** A full SHA for a possibly abbreviated one (undefined when unknown or ambiguous). */
export function resolveSha(graph: ReadonlyMap<string, unknown>, ref: string): string | undefined {
  if (graph.has(ref)) return ref;
  if (ref.length >= 40) return undefined;
  let found: string | undefined;
  for (const sha of graph.keys()) {
    if (sha.startsWith(ref)) {
      if (found !== undefined) return undefined;
      found = sha;
    }
  }
  return found;
}
