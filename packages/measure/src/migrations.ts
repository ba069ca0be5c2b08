import type { Migration } from "@uplift/core";
import { gitMigrations } from "./git/migrations.js";
import { qualityMigrations } from "./quality/migrations.js";
import { workItemMigrations } from "./workitems/migrations.js";

/**
 * Tables of @uplift/measure. `prs` and `deployments` have exactly the fields of
 * `pullRequestSchema` / `deploymentSchema` as columns (snake_case, `attributes` jsonb), so that
 * every connector writes them with `insertRows(tx, "prs", columns, rows, { onConflict: id })`.
 */
const recordMigrations: readonly Migration[] = [
  {
    id: "measure/0001_records",
    sql: `
CREATE TABLE prs (
  id text PRIMARY KEY,
  source text NOT NULL DEFAULT 'csv',
  repo text NOT NULL,
  number integer,
  author text NOT NULL,
  title text NOT NULL DEFAULT '',
  created_at timestamptz NOT NULL,
  merged_at timestamptz,
  closed_at timestamptz,
  first_commit_at timestamptz,
  first_review_at timestamptz,
  approved_at timestamptz,
  additions integer,
  deletions integer,
  changed_files integer,
  commits integer,
  review_comments integer,
  draft boolean NOT NULL DEFAULT false,
  author_is_bot boolean NOT NULL DEFAULT false,
  base_branch text,
  merge_sha text,
  attributes jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX prs_merged_at ON prs (merged_at);
CREATE INDEX prs_author ON prs (author);
CREATE INDEX prs_repo_merge_sha ON prs (repo, merge_sha);

CREATE TABLE deployments (
  id text PRIMARY KEY,
  source text NOT NULL DEFAULT 'csv',
  repo text NOT NULL,
  service text,
  environment text NOT NULL,
  sha text NOT NULL,
  finished_at timestamptz NOT NULL,
  status text NOT NULL,
  attributes jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX deployments_finished_at ON deployments (finished_at);
CREATE INDEX deployments_repo_sha ON deployments (repo, sha);

CREATE TABLE incidents (
  id text PRIMARY KEY,
  source text NOT NULL DEFAULT 'csv',
  service text NOT NULL,
  started_at timestamptz NOT NULL,
  resolved_at timestamptz,
  deployment_id text,
  attributes jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX incidents_started_at ON incidents (started_at);

CREATE TABLE telemetry_days (
  "user" text NOT NULL,
  date date NOT NULL,
  source text NOT NULL DEFAULT 'csv',
  shown integer NOT NULL,
  accepted integer NOT NULL,
  lines_suggested integer,
  lines_accepted integer,
  attributes jsonb NOT NULL DEFAULT '{}',
  PRIMARY KEY ("user", date, source)
);
CREATE INDEX telemetry_days_date ON telemetry_days (date);

CREATE TABLE survey_answers (
  survey text NOT NULL,
  respondent text NOT NULL,
  item text NOT NULL,
  value double precision NOT NULL,
  submitted_at timestamptz,
  attributes jsonb NOT NULL DEFAULT '{}',
  PRIMARY KEY (survey, respondent, item)
);

CREATE TABLE developers (
  login text PRIMARY KEY,
  team text NOT NULL,
  role text,
  start_date date,
  aliases text[] NOT NULL DEFAULT '{}',
  attributes jsonb NOT NULL DEFAULT '{}'
);

-- One person across Git emails, GitHub/GitLab logins and survey ids. alias is stored lower-case
-- (matching is case-insensitive); every login maps to itself once a developer row names it.
CREATE TABLE identities (
  alias text PRIMARY KEY,
  login text NOT NULL,
  source text NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX identities_login ON identities (login);

CREATE TABLE import_cursors (
  connector text NOT NULL,
  scope text NOT NULL,
  cursor jsonb NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (connector, scope)
);

-- The data-quality report of each import: rows read, written, skipped by reason, and anomalies
-- (negative or missing spans) that metrics will exclude.
CREATE TABLE import_runs (
  id bigserial PRIMARY KEY,
  connector text NOT NULL,
  kind text NOT NULL,
  scope text NOT NULL,
  started_at timestamptz NOT NULL,
  finished_at timestamptz NOT NULL,
  rows_read integer NOT NULL,
  rows_written integer NOT NULL,
  skipped jsonb NOT NULL DEFAULT '{}',
  anomalies jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX import_runs_finished_at ON import_runs (finished_at);
`,
  },
];

/** Every migration of @uplift/measure, in id order. */
export const measureMigrations: readonly Migration[] = [
  ...recordMigrations,
  ...gitMigrations,
  ...workItemMigrations,
  ...qualityMigrations,
];
