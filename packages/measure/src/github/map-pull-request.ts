import { revertedGitHubPr } from "../quality/revert-message.js";
import { type PullRequest, pullRequestSchema } from "../records.js";
import type { PullCommitPayload, PullPayload, ReviewPayload, TimelineEventPayload } from "./payloads.js";
import { earliest, isBotAccount, toInstant } from "./time.js";

/** A pull request and the sub-resources the connector reads for it. */
export interface PullParts {
  pull: PullPayload;
  commits: readonly PullCommitPayload[];
  reviews: readonly ReviewPayload[];
  timeline: readonly TimelineEventPayload[];
}

/**
 * Maps a GitHub pull request to a record (docs/measure-forge.md, "GitHub → prs"):
 * `first_commit_at` is the earliest commit author date (kept through rebases), `first_review_at`
 * the first submitted review by someone other than the author and not a bot, `approved_at` the
 * first such approval; timeline facts (ready for review, review requests, reopenings, force
 * pushes) go to `attributes`. Pure: no I/O.
 */
export function mapPullRequest(repo: string, parts: PullParts): PullRequest {
  const { pull, commits, reviews, timeline } = parts;
  const author = pull.user?.login ?? "ghost";
  const human = (login: string | undefined, type?: string) =>
    login !== undefined && login !== author && !isBotAccount(login, type);
  const submitted = reviews.filter((r) => r.state !== "PENDING" && r.submitted_at);
  const byHumans = submitted.filter((r) => human(r.user?.login, r.user?.type));
  const events = (name: string) => timeline.filter((e) => e.event === name);
  const requested = events("review_requested");
  const mergedAt = toInstant(pull.merged_at);
  const closedAt = pull.state === "closed" ? toInstant(pull.closed_at ?? pull.merged_at) : undefined;

  return pullRequestSchema.parse({
    id: `github:${repo}#${pull.number}`,
    source: "github",
    repo,
    number: pull.number,
    author,
    title: pull.title,
    created_at: toInstant(pull.created_at),
    merged_at: mergedAt,
    closed_at: closedAt,
    first_commit_at: earliest(commits.map((c) => c.commit.author?.date)),
    first_review_at: earliest(byHumans.map((r) => r.submitted_at)),
    approved_at: earliest(byHumans.filter((r) => r.state === "APPROVED").map((r) => r.submitted_at)),
    additions: pull.additions,
    deletions: pull.deletions,
    changed_files: pull.changed_files,
    commits: pull.commits ?? commits.length,
    review_comments: pull.review_comments,
    draft: pull.draft ?? false,
    author_is_bot: isBotAccount(author, pull.user?.type),
    base_branch: pull.base.ref,
    merge_sha: mergedAt ? (pull.merge_commit_sha ?? undefined) : undefined,
    attributes: {
      url: pull.html_url,
      head_branch: pull.head.ref,
      labels: pull.labels.map((l) => l.name),
      author_association: pull.author_association,
      comments: pull.comments,
      ready_for_review_at: earliest(events("ready_for_review").map((e) => e.created_at)),
      was_draft:
        (pull.draft ?? false) || events("ready_for_review").length + events("convert_to_draft").length > 0,
      first_review_requested_at: earliest(requested.map((e) => e.created_at)),
      review_requests: requested.length,
      requested_reviewers: unique(
        requested.map(
          (e) =>
            e.requested_reviewer?.login ?? (e.requested_team ? `team:${e.requested_team.slug}` : undefined),
        ),
      ),
      reviewers: unique(byHumans.map((r) => r.user?.login)),
      approvals: byHumans.filter((r) => r.state === "APPROVED").length,
      changes_requested: byHumans.filter((r) => r.state === "CHANGES_REQUESTED").length,
      first_bot_review_at: earliest(
        submitted.filter((r) => isBotAccount(r.user?.login, r.user?.type)).map((r) => r.submitted_at),
      ),
      first_comment_at: earliest(
        events("commented")
          .filter((e) => human(e.actor?.login ?? e.user?.login, e.actor?.type ?? e.user?.type))
          .map((e) => e.created_at),
      ),
      reopened: events("reopened").length,
      force_pushes: events("head_ref_force_pushed").length,
      commit_author_emails: unique(commits.map((c) => c.commit.author?.email ?? undefined)),
      // a revert PR made by GitHub's "Revert" button: its body starts "Reverts owner/repo#N"
      reverts_pr: revertedGitHubPr(pull.body),
    },
  });
}

function unique(values: readonly (string | null | undefined)[]): string[] {
  return [...new Set(values.filter((v): v is string => typeof v === "string" && v !== ""))];
}
