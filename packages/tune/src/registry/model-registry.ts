import { NotFoundError, type Queryable, type Store } from "@uplift/core";
import type { EvalComparison } from "../compare/compare-evals.js";
import type { EvalScores } from "../eval/run-eval.js";
import type { GateDecision } from "./promotion-gate.js";

/** A registered model version (`uplift model list`). */
export interface ModelVersion {
  name: string;
  version: number;
  /** The model id the eval ran (what an endpoint serves, or the GGUF file name). */
  model: string;
  endpoint: string;
  baseline_model: string;
  primary_metric: string;
  scores: EvalScores;
  comparison: EvalComparison;
  registered_at: string;
  decision_id: number;
}

/** One run of the promotion gate, passed or not. */
export interface StoredGateDecision {
  id: number;
  name: string;
  passed: boolean;
  model: string;
  baseline_model: string;
  primary_metric: string;
  decision: GateDecision & { comparison: EvalComparison };
  decided_at: string;
}

/** An experiment arm routed to a registered model (`uplift model route`). */
export interface ModelRoute {
  experiment: string;
  arm: string;
  model_name: string;
  updated_at: string;
}

export interface PromotionInput {
  name: string;
  model: string;
  endpoint: string;
  baselineModel: string;
  scores: EvalScores;
  comparison: EvalComparison;
  decision: GateDecision;
}

/** The model registry over the store (tables of migration tune/0001). */
export class ModelRegistry {
  constructor(private readonly store: Store) {}

  /**
   * Records a gate decision and, only when it passed, registers the next version of `name` —
   * in one transaction, so a version never exists without the decision that allowed it.
   */
  async recordDecision(input: PromotionInput): Promise<{ decisionId: number; version: number | undefined }> {
    return this.store.transaction(async (tx) => {
      const { rows } = await tx.query<{ id: number }>(
        `INSERT INTO tune_gate_decisions (name, passed, model, baseline_model, primary_metric, decision)
         VALUES ($1, $2, $3, $4, $5, $6::jsonb) RETURNING id`,
        [
          input.name,
          input.decision.passed,
          input.model,
          input.baselineModel,
          input.decision.primary,
          JSON.stringify({ ...input.decision, comparison: input.comparison }),
        ],
      );
      const decisionId = (rows[0] as { id: number }).id;
      if (!input.decision.passed) return { decisionId, version: undefined };
      const version = await nextVersion(tx, input.name);
      await tx.query(
        `INSERT INTO tune_model_versions
           (name, version, model, endpoint, baseline_model, primary_metric, scores, comparison, decision_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8::jsonb, $9)`,
        [
          input.name,
          version,
          input.model,
          input.endpoint,
          input.baselineModel,
          input.decision.primary,
          JSON.stringify(input.scores),
          JSON.stringify(input.comparison),
          decisionId,
        ],
      );
      return { decisionId, version };
    });
  }

  /** Every registered version, newest first within each name. */
  async versions(): Promise<ModelVersion[]> {
    const { rows } = await this.store.query<ModelVersion & { registered_at: Date }>(
      `SELECT name, version, model, endpoint, baseline_model, primary_metric, scores, comparison, decision_id, registered_at
       FROM tune_model_versions ORDER BY name, version DESC`,
    );
    return rows.map((r) => ({ ...r, registered_at: new Date(r.registered_at).toISOString() }));
  }

  /** The newest version of `name`, or undefined. */
  async latest(name: string): Promise<ModelVersion | undefined> {
    return (await this.versions()).find((v) => v.name === name);
  }

  /** Gate decisions, newest first (at most `limit`). */
  async decisions(limit = 100): Promise<StoredGateDecision[]> {
    const { rows } = await this.store.query<StoredGateDecision & { decided_at: Date }>(
      `SELECT id, name, passed, model, baseline_model, primary_metric, decision, decided_at
       FROM tune_gate_decisions ORDER BY decided_at DESC, id DESC LIMIT $1`,
      [limit],
    );
    return rows.map((r) => ({ ...r, decided_at: new Date(r.decided_at).toISOString() }));
  }

  /** Routes an experiment arm to a registered model (replacing the arm's previous route). */
  async setRoute(experiment: string, arm: string, modelName: string): Promise<ModelRoute> {
    if (!(await this.latest(modelName)))
      throw new NotFoundError(`model ${modelName} is not registered`, {
        hint: "register it with uplift model promote (uplift model list shows the registry)",
      });
    const { rows } = await this.store.query<ModelRoute & { updated_at: Date }>(
      `INSERT INTO tune_model_routes (experiment, arm, model_name) VALUES ($1, $2, $3)
       ON CONFLICT (experiment, arm) DO UPDATE SET model_name = EXCLUDED.model_name, updated_at = now()
       RETURNING experiment, arm, model_name, updated_at`,
      [experiment, arm, modelName],
    );
    const row = rows[0] as ModelRoute & { updated_at: Date };
    return { ...row, updated_at: new Date(row.updated_at).toISOString() };
  }

  /** Every route, by experiment and arm. */
  async routes(): Promise<ModelRoute[]> {
    const { rows } = await this.store.query<ModelRoute & { updated_at: Date }>(
      "SELECT experiment, arm, model_name, updated_at FROM tune_model_routes ORDER BY experiment, arm",
    );
    return rows.map((r) => ({ ...r, updated_at: new Date(r.updated_at).toISOString() }));
  }
}

async function nextVersion(tx: Queryable, name: string): Promise<number> {
  const { rows } = await tx.query<{ v: number }>(
    "SELECT COALESCE(max(version), 0)::int + 1 AS v FROM tune_model_versions WHERE name = $1",
    [name],
  );
  return (rows[0] as { v: number }).v;
}
