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
