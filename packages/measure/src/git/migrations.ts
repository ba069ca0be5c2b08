import type { Migration } from "@uplift/core";

/**
 * Tables of the local Git connector, applied after "measure/0001_records" (which creates `prs`
 * and `deployments`). `commits` has exactly the fields of `commitSchema`; `deployment_commits`
 * holds the commits each successful production deployment shipped (DORA lead time);
 * `git_deployment_links` makes linking incremental. The import's cursor is a row of
 * `import_cursors` (connector "git", scope "<repo>:<branch>").
 */
export const gitMigrations: readonly Migration[] = [
  {
    id: "measure/0002_git",
    sql: `
CREATE TABLE commits (
  repo text NOT NULL,
  sha text NOT NULL,
  parents text[] NOT NULL DEFAULT '{}',
  author text NOT NULL,
  author_email text NOT NULL DEFAULT '',
  authored_at timestamptz NOT NULL,
  author_tz_offset_min integer NOT NULL DEFAULT 0,
  committed_at timestamptz NOT NULL,
  subject text NOT NULL DEFAULT '',
  additions integer,
  deletions integer,
  PRIMARY KEY (repo, sha)
);
CREATE INDEX commits_repo_authored_at ON commits (repo, authored_at);

CREATE TABLE deployment_commits (
  deployment_id text NOT NULL,
  repo text NOT NULL,
  sha text NOT NULL,
  authored_at timestamptz NOT NULL,
  committed_at timestamptz NOT NULL,
  PRIMARY KEY (deployment_id, sha)
);
CREATE INDEX deployment_commits_repo_sha ON deployment_commits (repo, sha);

CREATE TABLE git_deployment_links (
  deployment_id text PRIMARY KEY,
  repo text NOT NULL,
  sha text NOT NULL,
  resolved_sha text,
  previous_deployment_id text,
  previous_sha text,
  status text NOT NULL CHECK (status IN ('linked', 'unknown_sha', 'no_baseline')),
  commits integer NOT NULL DEFAULT 0,
  linked_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX git_deployment_links_repo ON git_deployment_links (repo);
`,
  },
];
