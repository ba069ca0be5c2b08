import type { Migration } from "@uplift/core";

/**
 * Schema changes of @uplift/experiment, ids "experiment/NNNN_name", applied by the CLI's
 * composition root. `experiment_assignments` is what @uplift/measure joins to group metrics by arm;
 * a unit keeps its row (and arm) after it leaves: intention to treat. `experiment_analyses` holds
 * the analyses saved for the HTML report (one per metric, replaced when re-analysed);
 * `experiment_feedback` the saved survey and telemetry analyses (one of each kind).
 */
export const experimentMigrations: readonly Migration[] = [
  {
    id: "experiment/0001_experiments_assignments",
    sql: `
CREATE TABLE experiments (
  name text PRIMARY KEY,
  arms text[] NOT NULL,
  seed bigint NOT NULL,
  unit_column text NOT NULL,
  stratify jsonb NOT NULL,
  balance_columns text[] NOT NULL DEFAULT '{}',
  rerandomize integer NOT NULL DEFAULT 1,
  ramp_up_days integer NOT NULL DEFAULT 14,
  starts_at timestamptz NOT NULL,
  design jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE experiment_assignments (
  experiment text NOT NULL REFERENCES experiments (name) ON DELETE CASCADE,
  unit text NOT NULL,
  arm text NOT NULL,
  stratum text NOT NULL,
  batch integer NOT NULL DEFAULT 0,
  assigned_at timestamptz NOT NULL,
  left_at timestamptz,
  PRIMARY KEY (experiment, unit)
);
CREATE INDEX experiment_assignments_arm ON experiment_assignments (experiment, arm);
`,
  },
  {
    id: "experiment/0002_analyses",
    sql: `
CREATE TABLE experiment_analyses (
  experiment text NOT NULL REFERENCES experiments (name) ON DELETE CASCADE,
  metric text NOT NULL,
  role text NOT NULL,
  report jsonb NOT NULL,
  unit_means jsonb NOT NULL,
  weekly jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (experiment, metric)
);
`,
  },
  {
    id: "experiment/0003_feedback",
    sql: `
CREATE TABLE experiment_feedback (
  experiment text NOT NULL REFERENCES experiments (name) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN ('survey', 'telemetry')),
  report jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (experiment, kind)
);
`,
  },
];
