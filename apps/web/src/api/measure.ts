import { getJson } from "./client.js";

/** Mirrors MetricsReport / MetricDefinitions of apps/server/src/api/measure-schemas.ts. */
export interface MetricRow {
  name: string;
  group: string;
  value: number | null;
  unit: string;
  n: number;
  median?: number | null;
  p75?: number | null;
  p90?: number | null;
  [extra: string]: unknown;
}

export interface MetricsReport {
  window: { from: string | null; to: string | null };
  group_by: string | null;
  experiment?: string;
  metrics: MetricRow[];
  skipped: { name: string; reason: string }[];
}

export interface MetricDefinition {
  name: string;
  unit: string;
  definition: string;
  groupable: string[];
  /** Which way is better (null: the metric states none); guardrails also carry their margin. */
  direction?: "lower_is_better" | "higher_is_better" | null;
  non_inferiority_margin?: number | null;
}

export interface MetricsFilter {
  from?: string;
  to?: string;
  group_by?: string;
}

export function getMetrics(
  token: string,
  filter: MetricsFilter,
  signal?: AbortSignal,
): Promise<MetricsReport> {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filter)) if (value) params.set(key, value);
  const query = params.toString();
  return getJson<MetricsReport>(`/api/measure/metrics${query ? `?${query}` : ""}`, token, signal);
}

export const getMetricDefinitions = (token: string, signal?: AbortSignal) =>
  getJson<{ definitions: MetricDefinition[] }>("/api/measure/definitions", token, signal);

/** One record behind a metric value (e.g. a PR): what it contributed, or why it was excluded. */
export interface ExplainRecord {
  record: string;
  group: string | null;
  at: string | null;
  value: number | null;
  excluded: string | null;
  [detail: string]: unknown;
}

/** Mirrors MetricExplanation of apps/server/src/api/measure-schemas.ts. */
export interface MetricExplanation {
  name: string;
  unit: string;
  definition: string;
  values: MetricRow[];
  records: ExplainRecord[];
  total_records: number;
}

/** `GET /api/measure/explain`: the records behind one group's value (`--explain METRIC --group G`). */
export function getMetricExplanation(
  token: string,
  query: MetricsFilter & { metric: string; group?: string; limit?: number },
  signal?: AbortSignal,
): Promise<MetricExplanation> {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query))
    if (value !== undefined && value !== "") params.set(key, String(value));
  return getJson<MetricExplanation>(`/api/measure/explain?${params.toString()}`, token, signal);
}
