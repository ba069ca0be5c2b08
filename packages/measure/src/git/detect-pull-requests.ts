import type { CommitNode } from "./commit-node.js";
import type { PrEvidence, PrKind } from "./pr-evidence.js";

/** A PR found in the first-parent history of a branch. */
export interface DetectedPullRequest {
  kind: PrKind;
  evidence: PrEvidence | undefined;
  /** The commit that landed it: the merge, the squash commit, or the last rebased commit. */
  landing: CommitNode;
  /**
   * The PR's own commits: for a merge, `git rev-list <merged parents> ^<first parent>`; for a
   * squash, the squash commit; for a rebase, the rebased run.
   */
  commits: CommitNode[];
  /** True when `commits` are a squashed PR's original commits, read from its head ref (refs/pull/N/head). */
  commitsFromHeadRef?: boolean;
  /** Lines changed by the PR as it landed (a merge: its diff against the first parent). */
  additions: number;
  deletions: number;
  changedFiles: number | undefined;
}

export interface PullRequestDetection {
  pullRequests: DetectedPullRequest[];
  /** First-parent commits walked. */
  mainline: number;
  /** First-parent commits that landed without any PR evidence (direct pushes, unrecognised). */
  direct: number;
  /** First-parent merges that are not PRs (merged tags, syncs of the branch with itself). */
  otherMerges: number;
}

/** Rebased commits landed together share one committer time (GitHub: exactly; allow a second). */
const SAME_LANDING_MS = 1_000;

/**
 * Walks the first-parent chain from `tip` (within `graph`, the commits of this walk) oldest
 * first and finds the PRs that landed on it. A merge's PR commits are found by marking, in
 * that order, everything reachable from each first-parent commit: the merged parents' commits
 * not yet marked are exactly `git rev-list <merged> ^<first parent>` (commits outside `graph`
 * were imported before, so they count as reachable already). Linear cost in the walk's size.
 *
 * Rebase merges carry no number; a run of at least two consecutive first-parent commits with
 * one committer and one committer time, at least one of them committed by someone other than
 * its author (GitHub "Rebase and merge", a maintainer applying a series), counts as one PR. A
 * single rebased commit cannot be told from a direct push and counts as direct.
 */
export function detectPullRequests(
  graph: ReadonlyMap<string, CommitNode>,
  tip: string,
): PullRequestDetection {
  const mainline = firstParentChain(graph, tip);
  const reached = new Set<string>();
  const pullRequests: DetectedPullRequest[] = [];
  let direct = 0;
  let otherMerges = 0;
  let run: CommitNode[] = [];

  const flushRun = () => {
    if (run.length >= 2 && run.some((commit) => commit.author.login !== commit.committer.login)) {
      pullRequests.push(rebasePullRequest(run));
    } else {
      direct += run.length;
    }
    run = [];
  };

  for (const commit of mainline) {
    reached.add(commit.sha);
    if (commit.parents.length > 1) {
      flushRun();
      const merged = collectNew(graph, commit.parents.slice(1), reached);
      if (commit.evidence) pullRequests.push(mergePullRequest(commit, merged));
      else otherMerges++;
    } else if (commit.evidence) {
      flushRun();
      pullRequests.push(landedAs(commit, [commit], commit.files));
    } else {
      const last = run[run.length - 1];
      if (
        last &&
        !(
          last.committer === commit.committer &&
          Math.abs(commit.committedMs - last.committedMs) <= SAME_LANDING_MS
        )
      ) {
        flushRun();
      }
      run.push(commit);
    }
  }
  flushRun();
  return { pullRequests, mainline: mainline.length, direct, otherMerges };
}

/** The first-parent chain from `tip` back to the first commit outside `graph`, oldest first. */
export function firstParentChain(graph: ReadonlyMap<string, CommitNode>, tip: string): CommitNode[] {
  const chain: CommitNode[] = [];
  for (let node = graph.get(tip); node; node = node.parents[0] ? graph.get(node.parents[0]) : undefined) {
    chain.push(node);
  }
  return chain.reverse();
}

/** Commits reachable from `starts` within `graph` and not in `reached`; marks them reached. */
function collectNew(
  graph: ReadonlyMap<string, CommitNode>,
  starts: string[],
  reached: Set<string>,
): CommitNode[] {
  const found: CommitNode[] = [];
  const stack = [...starts];
  while (stack.length > 0) {
    const sha = stack.pop() as string;
    if (reached.has(sha)) continue;
    const node = graph.get(sha);
    if (!node) continue;
    reached.add(sha);
    found.push(node);
    for (const parent of node.parents) if (!reached.has(parent)) stack.push(parent);
  }
  return found;
}

function mergePullRequest(merge: CommitNode, merged: CommitNode[]): DetectedPullRequest {
  return landedAs(merge, merged, merge.files);
}

function rebasePullRequest(run: CommitNode[]): DetectedPullRequest {
  const landing = run[run.length - 1] as CommitNode;
  const pr = landedAs(landing, run, undefined);
  pr.kind = "rebase";
  pr.evidence = undefined;
  pr.additions = run.reduce((sum, commit) => sum + commit.additions, 0);
  pr.deletions = run.reduce((sum, commit) => sum + commit.deletions, 0);
  return pr;
}

function landedAs(
  landing: CommitNode,
  commits: CommitNode[],
  changedFiles: number | undefined,
): DetectedPullRequest {
  return {
    kind: landing.evidence?.kind ?? "rebase",
    evidence: landing.evidence,
    landing,
    commits,
    additions: landing.additions,
    deletions: landing.deletions,
    changedFiles,
  };
}
