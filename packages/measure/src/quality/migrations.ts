import type { Migration } from "@uplift/core";

/**
 * Tables of the code-quality guardrails (docs/measure-quality.md), applied after the records and
 * Git tables. `quality_landings` and `quality_reverts` are rebuilt per repository by
 * `uplift measure quality git`; `sarif_analyses` / `sarif_findings` are written by
 * `uplift measure import sarif`, one analysis per file and scope (commit or PR), replaced on re-import.
 */
export const qualityMigrations: readonly Migration[] = [
  {
    id: "measure/0010_quality",
    sql: `
-- One row per first-parent commit (a landing: PR merge, squash or direct push) of the analysed branch.
CREATE TABLE quality_landings (
  repo text NOT NULL,
  sha text NOT NULL,
  landed_at timestamptz NOT NULL,
  author text NOT NULL,
  lines_added integer NOT NULL,
  lines_reworked integer NOT NULL,
  -- whether the history analysed reaches 21 days past the landing (rework window observed whole)
  window_closed boolean NOT NULL,
  PRIMARY KEY (repo, sha)
);

-- Commits that revert another ("This reverts commit X"), each with the landings involved.
CREATE TABLE quality_reverts (
  repo text NOT NULL,
  revert_sha text NOT NULL,
  reverted_sha text NOT NULL,
  revert_landing text,
  reverted_landing text,
  reverted_at timestamptz NOT NULL,
  PRIMARY KEY (repo, revert_sha, reverted_sha)
);
CREATE INDEX quality_reverts_landing ON quality_reverts (repo, reverted_landing);

-- GitHub revert PRs (attributes.reverts_pr, set by the GitHub import), found without a scan of prs
CREATE INDEX prs_reverts_pr ON prs ((attributes->>'reverts_pr')) WHERE attributes ? 'reverts_pr';

CREATE TABLE sarif_analyses (
  id bigserial PRIMARY KEY,
  repo text NOT NULL,
  -- exactly one of commit_sha / pr_number names what was analysed (a PR: its head)
  commit_sha text,
  pr_number integer,
  -- the commit whose analysis decides what is new: a PR's base, a merge commit's first parent
  -- (NULL: only the tool's own baselineState can tell)
  base_sha text,
  tool text NOT NULL,
  file text NOT NULL,
  imported_at timestamptz NOT NULL DEFAULT now(),
  results integer NOT NULL,
  CHECK ((commit_sha IS NULL) <> (pr_number IS NULL))
);
CREATE UNIQUE INDEX sarif_analyses_scope ON sarif_analyses (repo, coalesce(commit_sha, ''), coalesce(pr_number, -1), tool);

CREATE TABLE sarif_findings (
  analysis_id bigint NOT NULL REFERENCES sarif_analyses (id) ON DELETE CASCADE,
  fingerprint text NOT NULL,
  rule_id text NOT NULL,
  level text NOT NULL CHECK (level IN ('error', 'warning', 'note', 'none')),
  security_severity double precision,
  path text,
  start_line integer,
  baseline_state text,
  occurrences integer NOT NULL DEFAULT 1,
  PRIMARY KEY (analysis_id, fingerprint)
);
`,
  },
];
