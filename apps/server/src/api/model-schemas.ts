import { z } from "zod";

/**
 * `GET /api/models`: the model registry (`uplift model list`) — registered versions with their
 * eval against the baseline side by side, the gate decisions (passed or not) and the routes of
 * experiment arms to models.
 */

export const modelMetricComparisonSchema = z
  .object({
    metric: z.string(),
    n: z.number().int(),
    base: z.number().nullable(),
    tuned: z.number().nullable(),
    difference: z.number().nullable(),
    ci: z.tuple([z.number(), z.number()]).nullable(),
  })
  .meta({ id: "ModelMetricComparison" });

export const gateCheckSchema = z
  .object({
    metric: z.string(),
    role: z.enum(["primary", "guardrail"]),
    rule: z.string(),
    ok: z.boolean(),
    skipped: z.boolean(),
    reason: z.string(),
  })
  .meta({ id: "GateCheck" });

export const modelVersionSchema = z
  .object({
    name: z.string(),
    version: z.number().int(),
    model: z.string(),
    endpoint: z.string(),
    baseline_model: z.string(),
    primary_metric: z.string(),
    registered_at: z.string(),
    n_paired: z.number().int(),
    metrics: z.array(modelMetricComparisonSchema),
  })
  .meta({ id: "ModelVersion" });

export const gateDecisionSchema = z
  .object({
    id: z.number().int(),
    name: z.string(),
    passed: z.boolean(),
    model: z.string(),
    baseline_model: z.string(),
    primary_metric: z.string(),
    decided_at: z.string(),
    n_paired: z.number().int(),
    checks: z.array(gateCheckSchema),
    metrics: z.array(modelMetricComparisonSchema),
  })
  .meta({ id: "GateDecision" });

export const modelRouteSchema = z
  .object({ experiment: z.string(), arm: z.string(), model_name: z.string(), updated_at: z.string() })
  .meta({ id: "ModelRoute" });

export const modelsResponseSchema = z
  .object({
    models: z.array(modelVersionSchema),
    decisions: z.array(gateDecisionSchema),
    routes: z.array(modelRouteSchema),
  })
  .meta({ id: "ModelsResponse" });

export type ModelMetricComparison = z.output<typeof modelMetricComparisonSchema>;
export type ModelsResponse = z.output<typeof modelsResponseSchema>;
