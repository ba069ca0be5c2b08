import type { Migration } from "@uplift/core";

/**
 * The model registry (docs/tune.md): versions registered by `model promote` when the gate
 * passes, every gate decision (passed or not, for the dashboard), and the routes that send an
 * experiment arm's developers to a model through the gateway.
 */
export const MODEL_REGISTRY_MIGRATION: Migration = {
  id: "tune/0001_model_registry",
  sql: `
CREATE TABLE tune_model_versions (
  name text NOT NULL,
  version integer NOT NULL,
  model text NOT NULL,
  endpoint text NOT NULL,
  baseline_model text NOT NULL,
  primary_metric text NOT NULL,
  scores jsonb NOT NULL,
  comparison jsonb NOT NULL,
  decision_id integer NOT NULL,
  registered_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (name, version)
);

CREATE TABLE tune_gate_decisions (
  id serial PRIMARY KEY,
  name text NOT NULL,
  passed boolean NOT NULL,
  model text NOT NULL,
  baseline_model text NOT NULL,
  primary_metric text NOT NULL,
  decision jsonb NOT NULL,
  decided_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX tune_gate_decisions_name ON tune_gate_decisions (name, decided_at);

CREATE TABLE tune_model_routes (
  experiment text NOT NULL,
  arm text NOT NULL,
  model_name text NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (experiment, arm)
);
`,
};
