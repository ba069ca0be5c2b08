import type { Migration } from "@uplift/core";

/**
 * Schema changes of @uplift/upkeep, ids "upkeep/NNNN_name", applied by the CLI's composition root.
 * A campaign has one row per repository (`upkeep_campaign_repos`) whose `state` and `checkpoint`
 * are what a resumed job reads after a crash; every model attempt and every step are kept
 * (`upkeep_campaign_attempts`, `upkeep_campaign_events`).
 */
export const upkeepMigrations: readonly Migration[] = [
  {
    id: "upkeep/0001_campaigns",
    sql: `
CREATE TABLE upkeep_campaigns (
  id text PRIMARY KEY,
  name text NOT NULL UNIQUE,
  kind text NOT NULL,
  source jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE upkeep_campaign_repos (
  campaign_id text NOT NULL REFERENCES upkeep_campaigns (id) ON DELETE CASCADE,
  repo text NOT NULL,
  path text NOT NULL,
  ecosystem text,
  targets jsonb NOT NULL,
  state text NOT NULL,
  checkpoint jsonb NOT NULL DEFAULT '{}',
  plan jsonb,
  result jsonb,
  branch text,
  pr_url text,
  pr_number integer,
  pushed_sha text,
  model_lines integer NOT NULL DEFAULT 0,
  total_lines integer NOT NULL DEFAULT 0,
  merged_without_edits boolean,
  started_at timestamptz,
  finished_at timestamptz,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (campaign_id, repo)
);
CREATE TABLE upkeep_campaign_attempts (
  campaign_id text NOT NULL,
  repo text NOT NULL,
  attempt integer NOT NULL,
  model text NOT NULL,
  prompt text NOT NULL,
  reasoning text NOT NULL,
  patch text NOT NULL,
  applied boolean NOT NULL,
  tests_passed boolean NOT NULL,
  output text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (campaign_id, repo, attempt),
  FOREIGN KEY (campaign_id, repo) REFERENCES upkeep_campaign_repos (campaign_id, repo) ON DELETE CASCADE
);
CREATE TABLE upkeep_campaign_events (
  id bigserial PRIMARY KEY,
  campaign_id text NOT NULL,
  repo text NOT NULL,
  step text NOT NULL,
  detail jsonb NOT NULL DEFAULT '{}',
  at timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (campaign_id, repo) REFERENCES upkeep_campaign_repos (campaign_id, repo) ON DELETE CASCADE
);
CREATE INDEX upkeep_campaign_events_repo ON upkeep_campaign_events (campaign_id, repo, id);
`,
  },
];
