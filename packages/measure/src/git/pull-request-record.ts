import { type PullRequest, pullRequestSchema } from "../records.js";
import type { CommitNode } from "./commit-node.js";
import type { DetectedPullRequest } from "./detect-pull-requests.js";

/** The `prs.id` of a PR found in Git: "git:<repo>#<N>", or "git:<repo>@<sha>" without a number. */
export function gitPullRequestId(repo: string, pr: DetectedPullRequest): string {
  const number = pr.evidence?.number;
  return number === undefined ? `git:${repo}@${pr.landing.sha}` : `git:${repo}#${number}`;
}

/**
 * The `prs` record of a detected PR. Git alone cannot know when a PR was opened: `created_at`
 * is the earliest evidence it has, the first commit's author time (a GitHub/GitLab import of
 * the same PR has the real one); `attributes.created_at_from` says which evidence was used:
 * - "first_commit": the earliest author time of the PR's commits (merges, rebases, and
 *   squashes whose head ref is in the clone);
 * - "landing_commit": only the landing commit is known (a squash without its head ref, whose
 *   author time GitHub sets to the merge time; a merge that brought no new commit). Then
 *   `first_commit_at` is left empty and created → merged spans mean nothing.
 * `merged_at` is the landing commit's committer time. Returns a string (the reason) when the
 * landing commit's time is not valid.
 */
export function toPullRequestRecord(
  pr: DetectedPullRequest,
  repo: string,
  branch: string,
): PullRequest | string {
  const { landing, evidence } = pr;
  if (landing.problem) return `${landing.sha}: ${landing.problem}`;
  const squash = pr.kind === "github-squash" || pr.kind === "gitlab-squash";
  const own = squash && !pr.commitsFromHeadRef ? [] : pr.commits;
  const first = earliestAuthored(own);
  const created = first ?? landing;
  const author = squash
    ? landing.author
    : (earliestAuthored(own.filter((c) => c.parents.length < 2)) ?? landing).author;
  const mergedBy = pr.kind === "rebase" ? landing.committer : landing.author;
  const commits = pr.commitsFromHeadRef ? pr.commits.length : (evidence?.listedCommits ?? pr.commits.length);
  return pullRequestSchema.parse({
    id: gitPullRequestId(repo, pr),
    source: "git",
    repo,
    ...(evidence?.number === undefined ? {} : { number: evidence.number }),
    author: author.login,
    title: evidence?.title || (pr.commits[0] ?? landing).subject,
    created_at: created.authoredAt,
    merged_at: landing.committedAt,
    // As GitHub and GitLab report a merged PR: closed when merged.
    closed_at: landing.committedAt,
    ...(first ? { first_commit_at: first.authoredAt } : {}),
    additions: pr.additions,
    deletions: pr.deletions,
    ...(pr.changedFiles === undefined ? {} : { changed_files: pr.changedFiles }),
    commits,
    author_is_bot: author.isBot,
    base_branch: branch,
    merge_sha: landing.sha,
    attributes: {
      kind: pr.kind,
      created_at_from: first ? "first_commit" : "landing_commit",
      ...(pr.commitsFromHeadRef ? { commits_from: "head_ref" } : {}),
      author_key: author.key,
      author_name: author.name,
      author_email: author.email,
      created_at_tz_offset_min: created.authorTzOffsetMin,
      merged_by: mergedBy.login,
      ...(evidence?.sourceBranch ? { source_branch: evidence.sourceBranch } : {}),
      ...(evidence?.targetBranch ? { target_branch: evidence.targetBranch } : {}),
      ...(evidence?.reference ? { reference: evidence.reference } : {}),
    },
  });
}

/** The commit with the earliest valid author time, if any. */
function earliestAuthored(commits: readonly CommitNode[]): CommitNode | undefined {
  let best: CommitNode | undefined;
  for (const commit of commits) {
    if (commit.problem) continue;
    if (!best || commit.authoredMs < best.authoredMs) best = commit;
  }
  return best;
}
