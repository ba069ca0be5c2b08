import { StringDecoder } from "node:string_decoder";
import { UnavailableError } from "@uplift/core";

/**
 * `git log` arguments for {@link parsePatchLog}: the first-parent history oldest first, each
 * landing's whole change (a merge against its first parent) as a zero-context patch with renames.
 */
export function patchLogArgs(tip: string, exclude?: string): string[] {
  return [
    "log",
    "--first-parent",
    "--reverse",
    "-p",
    "--unified=0",
    "-M",
    "--diff-merges=first-parent",
    "--no-ext-diff",
    "--no-textconv",
    "--no-color",
    "--encoding=UTF-8",
    "--format=%x1e%H%x00%aN%x00%aE%x00%cI",
    tip,
    ...(exclude ? ["--not", exclude] : []),
    "--",
  ];
}

/** One file of a landing's patch; paths as git prints them (quoted when unusual), null = /dev/null. */
export interface PatchFile {
  oldPath: string | null;
  newPath: string | null;
  binary: boolean;
  /** Hunks as flat triples: old start (1-based), old count, new count. */
  hunks: number[];
}

export interface PatchCommit {
  sha: string;
  authorName: string;
  authorEmail: string;
  /** Committer date (ISO 8601 with offset): when the change landed on the branch. */
  committedAt: string;
  files: PatchFile[];
}

const HUNK = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/;

/**
 * Parses `git log` output of {@link patchLogArgs} chunk by chunk, yielding each commit when the
 * next starts. Hunk bodies are skipped by count (a removed line reading "--- a/x" is content,
 * not a header), so only one commit's file list is held in memory.
 */
export async function* parsePatchLog(chunks: AsyncIterable<Buffer | string>): AsyncGenerator<PatchCommit> {
  const decoder = new StringDecoder("utf8");
  const parser = new PatchParser();
  let rest = "";
  for await (const chunk of chunks) {
    const text = rest + (typeof chunk === "string" ? chunk : decoder.write(chunk));
    const lines = text.split("\n");
    rest = lines.pop() ?? "";
    for (const line of lines) {
      const done = parser.line(line);
      if (done) yield done;
    }
  }
  rest += decoder.end();
  if (rest) {
    const done = parser.line(rest);
    if (done) yield done;
  }
  const last = parser.end();
  if (last) yield last;
}

class PatchParser {
  #commit: PatchCommit | undefined;
  #file: PatchFile | undefined;
  /** Lines of the current hunk body still to skip. */
  #skip = 0;

  line(line: string): PatchCommit | undefined {
    if (this.#skip > 0) {
      // "\ No newline at end of file" follows a body line and is not counted
      if (!line.startsWith("\\")) this.#skip--;
      return undefined;
    }
    if (line.startsWith("\x1e")) {
      const finished = this.#commit;
      const [sha, authorName, authorEmail, committedAt] = line.slice(1).split("\0");
      if (!sha || committedAt === undefined) {
        throw new UnavailableError(`git log header not understood: ${JSON.stringify(line.slice(0, 80))}`);
      }
      this.#commit = {
        sha,
        authorName: authorName ?? "",
        authorEmail: authorEmail ?? "",
        committedAt,
        files: [],
      };
      this.#file = undefined;
      return finished;
    }
    if (!this.#commit) return undefined;
    if (line.startsWith("diff --git ")) {
      this.#file = { oldPath: null, newPath: null, binary: false, hunks: [] };
      this.#commit.files.push(this.#file);
      const paths = splitDiffPaths(line.slice("diff --git ".length));
      if (paths) [this.#file.oldPath, this.#file.newPath] = paths;
      return undefined;
    }
    const file = this.#file;
    if (!file) return undefined;
    if (line.startsWith("@@")) {
      const match = HUNK.exec(line);
      if (!match) throw new UnavailableError(`git hunk header not understood: ${JSON.stringify(line)}`);
      const oldCount = match[2] === undefined ? 1 : Number(match[2]);
      const newCount = match[4] === undefined ? 1 : Number(match[4]);
      file.hunks.push(Number(match[1]), oldCount, newCount);
      this.#skip = oldCount + newCount;
    } else if (line.startsWith("--- ")) {
      file.oldPath = stripPrefix(line.slice(4), "a/");
    } else if (line.startsWith("+++ ")) {
      file.newPath = stripPrefix(line.slice(4), "b/");
    } else if (line.startsWith("rename from ")) {
      file.oldPath = line.slice("rename from ".length);
    } else if (line.startsWith("rename to ")) {
      file.newPath = line.slice("rename to ".length);
    } else if (line.startsWith("new file mode")) {
      file.oldPath = null;
    } else if (line.startsWith("deleted file mode")) {
      file.newPath = null;
    } else if (line.startsWith("Binary files ")) {
      file.binary = true;
    }
    return undefined;
  }

  end(): PatchCommit | undefined {
    const last = this.#commit;
    this.#commit = undefined;
    return last;
  }
}

/** "a/x b/y" of a `diff --git` line (unquoted paths without " b/" inside; otherwise the ---/+++ lines decide). */
function splitDiffPaths(rest: string): [string, string] | undefined {
  if (rest.startsWith('"')) return undefined;
  const middle = rest.indexOf(" b/");
  if (!rest.startsWith("a/") || middle < 0 || rest.indexOf(" b/", middle + 1) >= 0) return undefined;
  return [rest.slice(2, middle), rest.slice(middle + 3)];
}

function stripPrefix(path: string, prefix: string): string | null {
  if (path === "/dev/null") return null;
  if (path.startsWith(`"${prefix}`)) return `"${path.slice(prefix.length + 1)}`;
  return path.startsWith(prefix) ? path.slice(prefix.length) : path;
}
