import { getJson } from "./client.js";

/** Mirrors ModelsResponse of apps/server/src/api/model-schemas.ts. */
export interface ModelMetricComparison {
  metric: string;
  n: number;
  base: number | null;
  tuned: number | null;
  difference: number | null;
  ci: [number, number] | null;
}

export interface ModelVersion {
  name: string;
  version: number;
  model: string;
  endpoint: string;
  baseline_model: string;
  primary_metric: string;
  registered_at: string;
  n_paired: number;
  metrics: ModelMetricComparison[];
}

export interface GateCheck {
  metric: string;
  role: "primary" | "guardrail";
  rule: string;
  ok: boolean;
  skipped: boolean;
  reason: string;
}

export interface GateDecision {
  id: number;
  name: string;
  passed: boolean;
  model: string;
  baseline_model: string;
  primary_metric: string;
  decided_at: string;
  n_paired: number;
  checks: GateCheck[];
  metrics: ModelMetricComparison[];
}

export interface ModelRoute {
  experiment: string;
  arm: string;
  model_name: string;
  updated_at: string;
}

export interface ModelsResponse {
  models: ModelVersion[];
  decisions: GateDecision[];
  routes: ModelRoute[];
}

export const listModels = (token: string, signal?: AbortSignal) =>
  getJson<ModelsResponse>("/api/models", token, signal);
