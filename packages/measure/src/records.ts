import { z } from "zod";

/**
 * The records every measure connector produces and every metric reads. One shape per kind,
 * whatever the source (CSV, local Git, GitHub, GitLab); times are instants (ISO 8601 with an
 * offset or Z, stored as timestamptz) and the author's UTC offset is kept where the source has it.
 * Extra source columns go to `attributes`, never dropped.
 */
const instant = z.iso.datetime({ offset: true });
const attributes = z.record(z.string(), z.unknown()).default({});

export const pullRequestSchema = z.object({
  /** Unique per source, e.g. "github:acme/web#12", "gitlab:grp/api!7", "git:web@<sha>", or the CSV id. */
  id: z.string().min(1),
  source: z.string().min(1).default("csv"),
  repo: z.string().min(1),
  number: z.number().int().nonnegative().optional(),
  /** Canonical developer login after identity resolution. */
  author: z.string().min(1),
  title: z.string().default(""),
  created_at: instant,
  merged_at: instant.optional(),
  closed_at: instant.optional(),
  first_commit_at: instant.optional(),
  first_review_at: instant.optional(),
  approved_at: instant.optional(),
  additions: z.number().int().nonnegative().optional(),
  deletions: z.number().int().nonnegative().optional(),
  changed_files: z.number().int().nonnegative().optional(),
  commits: z.number().int().nonnegative().optional(),
  review_comments: z.number().int().nonnegative().optional(),
  draft: z.boolean().default(false),
  author_is_bot: z.boolean().default(false),
  base_branch: z.string().optional(),
  /** The commit that landed the change on the base branch (merge, squash or rebase). */
  merge_sha: z.string().optional(),
  attributes,
});
export type PullRequest = z.output<typeof pullRequestSchema>;

export const deploymentSchema = z.object({
  id: z.string().min(1),
  source: z.string().min(1).default("csv"),
  repo: z.string().min(1),
  service: z.string().optional(),
  environment: z.string().min(1),
  sha: z.string().min(1),
  finished_at: instant,
  status: z.enum(["success", "failure", "error", "cancelled", "in_progress"]),
  attributes,
});
export type Deployment = z.output<typeof deploymentSchema>;

export const incidentSchema = z.object({
  id: z.string().min(1),
  source: z.string().min(1).default("csv"),
  service: z.string().min(1),
  started_at: instant,
  resolved_at: instant.optional(),
  /** Explicit link to the deployment that caused it; otherwise linked by service and time window. */
  deployment_id: z.string().optional(),
  attributes,
});
export type Incident = z.output<typeof incidentSchema>;

/** Assistant telemetry per user per day (e.g. GitHub Copilot usage metrics, IDE plugin events). */
export const telemetryDaySchema = z.object({
  user: z.string().min(1),
  date: z.iso.date(),
  source: z.string().min(1).default("csv"),
  shown: z.number().int().nonnegative(),
  accepted: z.number().int().nonnegative(),
  lines_suggested: z.number().int().nonnegative().optional(),
  lines_accepted: z.number().int().nonnegative().optional(),
  attributes,
});
export type TelemetryDay = z.output<typeof telemetryDaySchema>;

/** One answer of one respondent to one survey item (Likert scale value). */
export const surveyAnswerSchema = z.object({
  survey: z.string().min(1).default("default"),
  respondent: z.string().min(1),
  item: z.string().min(1),
  value: z.number(),
  submitted_at: instant.optional(),
  attributes,
});
export type SurveyAnswer = z.output<typeof surveyAnswerSchema>;

export const developerSchema = z.object({
  login: z.string().min(1),
  team: z.string().min(1),
  role: z.string().optional(),
  start_date: z.iso.date().optional(),
  /** Other identities of the same person (Git emails, GitHub/GitLab logins, survey ids). */
  aliases: z.array(z.string().min(1)).default([]),
  attributes,
});
export type Developer = z.output<typeof developerSchema>;

/** A commit from local Git history, used for PR cycle time and DORA lead time. */
export const commitSchema = z.object({
  repo: z.string().min(1),
  sha: z.string().min(7),
  parents: z.array(z.string()).default([]),
  author: z.string().min(1),
  author_email: z.string().default(""),
  authored_at: instant,
  /** Author's UTC offset in minutes at commit time (e.g. +120 for +02:00). */
  author_tz_offset_min: z.number().int().default(0),
  committed_at: instant,
  subject: z.string().default(""),
  additions: z.number().int().nonnegative().optional(),
  deletions: z.number().int().nonnegative().optional(),
});
export type Commit = z.output<typeof commitSchema>;
