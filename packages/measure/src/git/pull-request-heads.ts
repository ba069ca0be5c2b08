import { type CommitNode, toCommitNode } from "./commit-node.js";
import type { DetectedPullRequest } from "./detect-pull-requests.js";
import { runGit, streamGit } from "./git-command.js";
import type { IdentityTable } from "./identity.js";
import { LOG_FORMAT, parseGitLog } from "./log-stream.js";

/**
 * Refs that keep a PR's own commits after a squash: GitHub's `refs/pull/N/head` and GitLab's
 * `refs/merge-requests/N/head` (in mirror clones), or the common fetch refspecs that copy
 * them under `refs/remotes/origin/pr/N` and `refs/remotes/origin/merge-requests/N`.
 */
const HEAD_REF =
  /^refs\/(?:pull\/(\d+)\/head|merge-requests\/(\d+)\/head|remotes\/origin\/(?:pr|merge-requests)\/(\d+))$/;

/** PR number → head commit SHA, from the refs of {@link HEAD_REF}. */
export async function pullRequestHeads(repoPath: string): Promise<Map<number, string>> {
  const { stdout } = await runGit(repoPath, [
    "for-each-ref",
    "--format=%(objectname) %(refname)",
    "refs/pull",
    "refs/merge-requests",
    "refs/remotes/origin/pr",
    "refs/remotes/origin/merge-requests",
  ]);
  const heads = new Map<number, string>();
  for (const line of stdout.split("\n")) {
    const [sha, ref] = line.split(" ");
    const match = ref ? HEAD_REF.exec(ref) : null;
    const number = match ? Number(match[1] ?? match[2] ?? match[3]) : Number.NaN;
    if (sha && Number.isInteger(number)) heads.set(number, sha);
  }
  return heads;
}

/**
 * For squash-merged PRs whose head ref is still in the clone, replaces the squash commit by
 * the PR's original commits (`git rev-list <head> ^<branch tip>`), so that the first commit
 * time and the commit count come from them. Reads only commits not on the branch, without
 * diffs, in one `git log`. Returns how many PRs got their commits this way.
 */
export async function addSquashedCommits(
  repoPath: string,
  tip: string,
  pullRequests: DetectedPullRequest[],
  identities: IdentityTable,
  branch: string,
  config: readonly string[],
): Promise<number> {
  const squashes = pullRequests.filter(
    (pr) => (pr.kind === "github-squash" || pr.kind === "gitlab-squash") && pr.evidence?.number !== undefined,
  );
  if (squashes.length === 0) return 0;
  const heads = await pullRequestHeads(repoPath);
  const wanted = squashes.filter((pr) => heads.has(pr.evidence?.number as number));
  if (wanted.length === 0) return 0;

  const starts = [...new Set(wanted.map((pr) => heads.get(pr.evidence?.number as number) as string))];
  const git = streamGit(repoPath, ["log", "--encoding=UTF-8", `--format=${LOG_FORMAT}`, "--stdin", "--"], {
    config,
    input: `${starts.join("\n")}\n^${tip}\n`,
  });
  const unmerged = new Map<string, CommitNode>();
  for await (const raw of parseGitLog(git.stdout)) {
    unmerged.set(raw.sha, toCommitNode(raw, identities, branch));
  }
  await git.done;

  let found = 0;
  for (const pr of wanted) {
    const commits = reachable(unmerged, heads.get(pr.evidence?.number as number) as string);
    if (commits.length === 0) continue;
    pr.commits = commits;
    pr.commitsFromHeadRef = true;
    found++;
  }
  return found;
}

function reachable(graph: ReadonlyMap<string, CommitNode>, start: string): CommitNode[] {
  const seen = new Set<string>();
  const found: CommitNode[] = [];
  const stack = [start];
  while (stack.length > 0) {
    const sha = stack.pop() as string;
    const node = graph.get(sha);
    if (!node || seen.has(sha)) continue;
    seen.add(sha);
    found.push(node);
    stack.push(...node.parents);
  }
  return found;
}
