import { runGit, streamGit } from "./git-command.js";

/** A commit a deployment shipped, with the times lead time is measured from. */
export interface ShippedCommit {
  sha: string;
  authoredAt: string;
  committedAt: string;
}

/** One range to read: `git rev-list <sha> ^<previous>`. */
export interface ShippedRange {
  sha: string;
  previous: string;
}

/** `git log` ranges read at once by {@link shippedCommitsByGitLog}. */
const GIT_CONCURRENCY = 4;

/** Each range by its own `git log <sha> --not <previous>` (a few at a time): cheap for a few ranges. */
export async function shippedCommitsByGitLog(
  repoPath: string,
  ranges: readonly ShippedRange[],
): Promise<ShippedCommit[][]> {
  const out: ShippedCommit[][] = ranges.map(() => []);
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < ranges.length; i = next++) {
      const range = ranges[i] as ShippedRange;
      const { stdout } = await runGit(repoPath, [
        "log",
        "--format=%H%x00%P%x00%aI%x00%cI",
        range.sha,
        "--not",
        range.previous,
        "--",
      ]);
      out[i] = stdout
        .split("\n")
        .map(parseLine)
        .filter((node): node is GraphNode => node !== undefined)
        .map(({ sha, authoredAt, committedAt }) => ({ sha, authoredAt, committedAt }));
    }
  };
  await Promise.all(Array.from({ length: GIT_CONCURRENCY }, worker));
  return out;
}

interface GraphNode extends ShippedCommit {
  parents: string[];
}

/**
 * All ranges from one `git log` of the deployed commits' ancestry (no diffs), computed in
 * memory: for ranges in deployment order that move forward, "ancestors of this SHA minus
 * ancestors of the previous one" reuses the previous range's ancestor set, so the whole
 * history is walked about once. A range whose previous SHA is not the last one walked
 * (a rollback, a skipped deployment) recomputes that set. Same result as rev-list per range.
 */
export async function shippedCommitsByGraph(
  repoPath: string,
  ranges: readonly ShippedRange[],
): Promise<ShippedCommit[][]> {
  const starts = [...new Set(ranges.flatMap((range) => [range.sha, range.previous]))];
  const graph = await readGraph(repoPath, starts);
  let ancestorsOf: string | undefined;
  let ancestors = new Set<string>();
  return ranges.map((range) => {
    if (ancestorsOf !== range.previous) {
      ancestors = walk(graph, [range.previous], new Set());
      ancestorsOf = range.previous;
    }
    let previousReached = false;
    const shipped = walk(graph, [range.sha], ancestors, (sha) => {
      if (sha === range.previous) previousReached = true;
    });
    const commits = [...shipped].map((sha) => {
      const { authoredAt, committedAt } = graph.get(sha) as GraphNode;
      return { sha, authoredAt, committedAt };
    });
    if (previousReached) {
      // The previous SHA is an ancestor: ancestors(sha) = ancestors(previous) ∪ shipped.
      for (const sha of shipped) ancestors.add(sha);
      ancestorsOf = range.sha;
    }
    return commits;
  });
}

/** SHAs reachable from `starts` in `graph` without going through `stop`; `onStop` sees each stop SHA met. */
function walk(
  graph: ReadonlyMap<string, GraphNode>,
  starts: readonly string[],
  stop: Set<string>,
  onStop?: (sha: string) => void,
): Set<string> {
  const found = new Set<string>();
  const stack = [...starts];
  while (stack.length > 0) {
    const sha = stack.pop() as string;
    if (stop.has(sha)) {
      onStop?.(sha);
      continue;
    }
    if (found.has(sha)) continue;
    const node = graph.get(sha);
    if (!node) continue;
    found.add(sha);
    for (const parent of node.parents) stack.push(parent);
  }
  return found;
}

async function readGraph(repoPath: string, starts: readonly string[]): Promise<Map<string, GraphNode>> {
  const git = streamGit(repoPath, ["log", "--format=%H%x00%P%x00%aI%x00%cI", "--stdin", "--"], {
    input: `${starts.join("\n")}\n`,
  });
  const graph = new Map<string, GraphNode>();
  let rest = "";
  git.stdout.setEncoding("utf8");
  for await (const chunk of git.stdout as AsyncIterable<string>) {
    const lines = (rest + chunk).split("\n");
    rest = lines.pop() ?? "";
    for (const line of lines) {
      const node = parseLine(line);
      if (node) graph.set(node.sha, node);
    }
  }
  const last = parseLine(rest);
  if (last) graph.set(last.sha, last);
  await git.done;
  return graph;
}

function parseLine(line: string): GraphNode | undefined {
  const [sha, parents, authoredAt, committedAt] = line.split("\0");
  if (!sha || parents === undefined || !authoredAt || !committedAt) return undefined;
  return { sha, parents: parents ? parents.split(" ") : [], authoredAt, committedAt };
}
