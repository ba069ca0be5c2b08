import { earliest, isBotAccount, toInstant } from "../github/time.js";
import { type PullRequest, pullRequestSchema } from "../records.js";
import type {
  ApprovalsPayload,
  DiffPayload,
  MergeRequestPayload,
  MrCommitPayload,
  NotePayload,
} from "./payloads.js";

export interface MergeRequestParts {
  mr: MergeRequestPayload;
  commits: readonly MrCommitPayload[];
  notes: readonly NotePayload[];
  /** Undefined when the instance does not expose approvals. */
  approvals: ApprovalsPayload | undefined;
  diffs: readonly DiffPayload[];
}

const APPROVED = /^approved this merge request/i;
const REVIEW_REQUESTED = /^requested review from /i;
/** GitLab service accounts: `bot: true`, or names like "renovate-bot", "project_42_bot_3f9a". */
const BOT_NAME = /(^|[-_])bot([-_]|$)/i;

/**
 * Maps a GitLab merge request to a PR record (docs/measure-forge.md, "GitLab → prs"):
 * `first_commit_at` is the earliest commit author date; `approved_at` the first "approved this
 * merge request" system note by someone else; `first_review_at` the earlier of that and the first
 * human comment by someone other than the author; diff stats count the `+`/`-` lines of the
 * diffs. Pure: no I/O.
 */
export function mapMergeRequest(project: string, parts: MergeRequestParts): PullRequest {
  const { mr, commits, notes, approvals, diffs } = parts;
  const author = mr.author?.username ?? "ghost";
  const isBot = (u: { username: string; bot?: boolean | undefined } | null | undefined) =>
    u !== null &&
    u !== undefined &&
    (isBotAccount(u.username, undefined, u.bot) || BOT_NAME.test(u.username));
  const byOthers = notes.filter((n) => n.author && n.author.username !== author && !isBot(n.author));
  const approvalNotes = byOthers.filter((n) => n.system && APPROVED.test(n.body));
  const comments = byOthers.filter((n) => !n.system);
  const approvedAt = earliest(approvalNotes.map((n) => n.created_at));
  const mergedAt = toInstant(mr.merged_at);
  const stats = diffStats(diffs);
  return pullRequestSchema.parse({
    id: `gitlab:${project}!${mr.iid}`,
    source: "gitlab",
    repo: project,
    number: mr.iid,
    author,
    title: mr.title,
    created_at: toInstant(mr.created_at),
    merged_at: mergedAt,
    closed_at:
      mr.state === "merged" || mr.state === "closed" ? toInstant(mr.closed_at ?? mr.merged_at) : undefined,
    first_commit_at: earliest(commits.map((c) => c.authored_date)),
    first_review_at: earliest([approvedAt, ...comments.map((n) => n.created_at)]),
    approved_at: approvedAt,
    additions: stats.complete ? stats.additions : undefined,
    deletions: stats.complete ? stats.deletions : undefined,
    changed_files: diffs.length,
    commits: commits.length,
    review_comments: comments.filter((n) => n.type === "DiffNote").length,
    draft: mr.draft ?? mr.work_in_progress ?? false,
    author_is_bot: isBot(mr.author),
    base_branch: mr.target_branch,
    merge_sha: mergedAt ? (mr.merge_commit_sha ?? mr.squash_commit_sha ?? undefined) : undefined,
    attributes: {
      url: mr.web_url,
      source_branch: mr.source_branch,
      labels: mr.labels,
      state: mr.state,
      reviewers: mr.reviewers.map((r) => r.username),
      approved_by: approvals?.approved_by.map((a) => a.user.username),
      approvals_available: approvals !== undefined,
      first_review_requested_at: earliest(
        notes.filter((n) => n.system && REVIEW_REQUESTED.test(n.body)).map((n) => n.created_at),
      ),
      first_comment_at: earliest(comments.map((n) => n.created_at)),
      user_notes_count: mr.user_notes_count,
      changes_count: mr.changes_count ?? undefined,
      diff_stats_complete: stats.complete,
      commit_author_emails: [
        ...new Set(commits.map((c) => c.author_email).filter((e): e is string => Boolean(e))),
      ],
    },
  });
}

/** Lines added and removed in unified diffs; incomplete when GitLab left a diff out (too large, collapsed). */
function diffStats(diffs: readonly DiffPayload[]): {
  additions: number;
  deletions: number;
  complete: boolean;
} {
  let additions = 0;
  let deletions = 0;
  let complete = true;
  for (const d of diffs) {
    if (d.too_large || d.collapsed) complete = false;
    for (const line of d.diff.split("\n")) {
      if (line.startsWith("+++ ") || line.startsWith("--- ")) continue;
      if (line.startsWith("+")) additions += 1;
      else if (line.startsWith("-")) deletions += 1;
    }
  }
  return { additions, deletions, complete };
}
