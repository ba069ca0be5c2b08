import { spawn } from "node:child_process";
import { createInterface } from "node:readline";

/** A commit as an instruction record: its message asks for the change, its diff is the answer. */
export interface CommitPair {
  commit: string;
  message: string;
  diff: string;
}

/** Diffs larger than this are data migrations or vendored drops, not instructive changes. */
export const MAX_DIFF_BYTES = 64 * 1024;
/** Messages shorter than this ("wip", "fix") do not describe the change. */
export const MIN_MESSAGE_CHARS = 12;

const MARK = "\u0001UPLIFT-COMMIT\u0001";

export type CommitSkip = "merge_or_empty" | "short_message" | "large_diff";

/**
 * Streams the most recent `limit` non-merge commits of a repository as (message, diff) pairs
 * (`git log -p`, no colour, no external diff, renames detected), read line by line so a long
 * history never sits in memory at once. `onSkip` counts commits left out and why.
 */
export async function* commitPairs(
  root: string,
  limit: number,
  onSkip: (reason: CommitSkip) => void,
): AsyncGenerator<CommitPair> {
  const child = spawn(
    "git",
    [
      "log",
      "--no-merges",
      `-n${limit}`,
      "-p",
      "-M",
      "--no-color",
      "--no-ext-diff",
      `--format=${MARK}%H%n%B%n${MARK}`,
    ],
    { cwd: root, stdio: ["ignore", "pipe", "pipe"] },
  );
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const exited = new Promise<number>((resolve) => child.on("close", (code) => resolve(code ?? 1)));
  let current: { commit: string; message: string[]; diff: string[]; diffBytes: number } | undefined;
  let inMessage = false;
  const finish = function* (): Generator<CommitPair> {
    if (!current) return;
    const message = current.message.join("\n").trim();
    const diff = current.diff.join("\n").trim();
    if (!diff) onSkip("merge_or_empty");
    else if (message.length < MIN_MESSAGE_CHARS) onSkip("short_message");
    else if (current.diffBytes > MAX_DIFF_BYTES) onSkip("large_diff");
    else yield { commit: current.commit, message, diff: `${diff}\n` };
    current = undefined;
  };
  const lines = createInterface({ input: child.stdout, crlfDelay: Number.POSITIVE_INFINITY });
  for await (const line of lines) {
    if (line.startsWith(MARK)) {
      if (inMessage) {
        inMessage = false;
        continue;
      }
      yield* finish();
      current = { commit: line.slice(MARK.length), message: [], diff: [], diffBytes: 0 };
      inMessage = true;
      continue;
    }
    if (!current) continue;
    if (inMessage) current.message.push(line);
    else if (current.diffBytes <= MAX_DIFF_BYTES) {
      current.diff.push(line);
      current.diffBytes += line.length + 1;
    } else current.diffBytes += line.length + 1;
  }
  yield* finish();
  const code = await exited;
  // an empty repository (no commits yet) has no history to read, which is not an error
  if (code !== 0 && !/does not have any commits/.test(stderr))
    throw new Error(`git log in ${root} failed (exit ${code}): ${stderr.trim().split("\n")[0]}`);
}
