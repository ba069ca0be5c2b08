import { z } from "zod";

/**
 * The parts of GitHub REST payloads the connector reads (API version 2022-11-28). `z.object`
 * drops every other field, so the HTTP cache keeps only these. Shapes: docs.github.com/rest.
 */
const user = z.object({ login: z.string(), type: z.string().default("User") });
const nullableUser = user.nullable().optional();
const label = z.object({ name: z.string() });

export const repositorySchema = z.object({ full_name: z.string(), default_branch: z.string().optional() });

/** `GET /repos/{owner}/{repo}/issues` item; `pull_request` is present for pull requests. */
export const issueSchema = z.object({
  number: z.number().int(),
  title: z.string(),
  user: nullableUser,
  labels: z.array(z.union([label, z.string()])).default([]),
  state: z.string(),
  state_reason: z.string().nullable().optional(),
  created_at: z.string(),
  updated_at: z.string(),
  closed_at: z.string().nullable().optional(),
  body: z.string().nullable().optional(),
  html_url: z.string().optional(),
  pull_request: z.object({ merged_at: z.string().nullable().optional() }).optional(),
});
export type IssuePayload = z.infer<typeof issueSchema>;

/** `GET /repos/{owner}/{repo}/pulls/{pull_number}`. */
export const pullSchema = z.object({
  number: z.number().int(),
  title: z.string(),
  user: nullableUser,
  state: z.string(),
  draft: z.boolean().optional(),
  created_at: z.string(),
  updated_at: z.string(),
  closed_at: z.string().nullable().optional(),
  merged_at: z.string().nullable().optional(),
  merge_commit_sha: z.string().nullable().optional(),
  html_url: z.string().optional(),
  body: z.string().nullable().optional(),
  labels: z.array(label).default([]),
  base: z.object({ ref: z.string() }),
  head: z.object({ ref: z.string(), sha: z.string() }),
  author_association: z.string().optional(),
  requested_reviewers: z.array(user).default([]),
  commits: z.number().int().nonnegative().optional(),
  additions: z.number().int().nonnegative().optional(),
  deletions: z.number().int().nonnegative().optional(),
  changed_files: z.number().int().nonnegative().optional(),
  review_comments: z.number().int().nonnegative().optional(),
  comments: z.number().int().nonnegative().optional(),
});
export type PullPayload = z.infer<typeof pullSchema>;

const gitPerson = z.object({
  name: z.string().nullable().optional(),
  email: z.string().nullable().optional(),
  date: z.string(),
});

/** `GET /repos/{owner}/{repo}/pulls/{pull_number}/commits` item. */
export const pullCommitSchema = z.object({
  sha: z.string(),
  commit: z.object({ author: gitPerson.nullable(), committer: gitPerson.nullable() }),
  author: nullableUser,
});
export type PullCommitPayload = z.infer<typeof pullCommitSchema>;

/** `GET /repos/{owner}/{repo}/pulls/{pull_number}/reviews` item (`submitted_at` absent while PENDING). */
export const reviewSchema = z.object({
  id: z.number(),
  user: nullableUser,
  state: z.string(),
  submitted_at: z.string().nullable().optional(),
});
export type ReviewPayload = z.infer<typeof reviewSchema>;

/** `GET /repos/{owner}/{repo}/issues/{issue_number}/timeline` item; only events with a time are kept. */
export const timelineEventSchema = z.object({
  event: z.string().optional(),
  created_at: z.string().nullable().optional(),
  submitted_at: z.string().nullable().optional(),
  actor: nullableUser,
  user: nullableUser,
  requested_reviewer: nullableUser,
  requested_team: z.object({ slug: z.string() }).nullable().optional(),
  state: z.string().optional(),
});
export type TimelineEventPayload = z.infer<typeof timelineEventSchema>;

/** `GET /repos/{owner}/{repo}/deployments` item. */
export const deploymentSchema = z.object({
  id: z.number().int(),
  sha: z.string(),
  ref: z.string(),
  task: z.string().optional(),
  environment: z.string(),
  original_environment: z.string().optional(),
  created_at: z.string(),
  updated_at: z.string().optional(),
  creator: nullableUser,
  description: z.string().nullable().optional(),
  payload: z.unknown().optional(),
  production_environment: z.boolean().optional(),
  transient_environment: z.boolean().optional(),
});
export type DeploymentPayload = z.infer<typeof deploymentSchema>;

/** `GET /repos/{owner}/{repo}/deployments/{id}/statuses` item. */
export const deploymentStatusSchema = z.object({
  id: z.number(),
  state: z.string(),
  created_at: z.string(),
  environment: z.string().optional(),
});
export type DeploymentStatusPayload = z.infer<typeof deploymentStatusSchema>;

/** `GET /repos/{owner}/{repo}/releases` item. */
export const releaseSchema = z.object({
  id: z.number().int(),
  tag_name: z.string(),
  name: z.string().nullable().optional(),
  target_commitish: z.string().optional(),
  draft: z.boolean(),
  prerelease: z.boolean().default(false),
  created_at: z.string(),
  published_at: z.string().nullable().optional(),
  author: nullableUser,
  html_url: z.string().optional(),
});
export type ReleasePayload = z.infer<typeof releaseSchema>;

/** `GET /repos/{owner}/{repo}/commits/{ref}`: the sha a tag points at. */
export const commitOfRefSchema = z.object({ sha: z.string() });

/** `GET /orgs/{org}/copilot/metrics/reports/users-1-day?day=YYYY-MM-DD`. */
export const copilotReportLinksSchema = z.object({
  download_links: z.array(z.string()),
  report_day: z.string(),
});

const copilotCounts = {
  code_generation_activity_count: z.number().int().nonnegative().default(0),
  code_acceptance_activity_count: z.number().int().nonnegative().default(0),
  loc_suggested_to_add_sum: z.number().int().nonnegative().default(0),
  loc_added_sum: z.number().int().nonnegative().default(0),
  user_initiated_interaction_count: z.number().int().nonnegative().default(0),
};

/** One NDJSON line of the per-user daily report (Copilot usage metrics, "user-level schema"). */
export const copilotUserDaySchema = z.object({
  day: z.string(),
  user_login: z.string(),
  user_id: z.union([z.number(), z.string()]).optional(),
  ...copilotCounts,
  loc_deleted_sum: z.number().int().nonnegative().default(0),
  used_chat: z.boolean().optional(),
  used_agent: z.boolean().optional(),
  totals_by_feature: z.array(z.object({ feature: z.string(), ...copilotCounts })).default([]),
  totals_by_ide: z.array(z.object({ ide: z.string() })).default([]),
});
export type CopilotUserDayPayload = z.infer<typeof copilotUserDaySchema>;
