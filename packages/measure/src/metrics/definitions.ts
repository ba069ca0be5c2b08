import { METRICS } from "./registry.js";
import type { GroupBy, MetricDefinition, MetricDirection } from "./types.js";

/** A metric's definition as plain data (CLI, API `/api/measure/definitions`, experiment guardrails). */
export interface MetricDefinitionInfo {
  name: string;
  unit: string;
  definition: string;
  groupable: GroupBy[];
  /** Which way is better; null when the metric states none (a volume such as prs_per_developer_week). */
  direction: MetricDirection | null;
  /** Relative non-inferiority margin (0.10 = may not worsen by more than 10 %); null when not a guardrail. */
  non_inferiority_margin: number | null;
}

/** The metric's direction: its own, else lower for durations (hours), else none. */
export function metricDirection(metric: MetricDefinition): MetricDirection | null {
  return metric.direction ?? (metric.unit === "hours" ? "lower_is_better" : null);
}

/** Every registered metric's definition, in report order. */
export function metricDefinitions(): MetricDefinitionInfo[] {
  return METRICS.map((metric) => ({
    name: metric.name,
    unit: metric.unit,
    definition: metric.definition,
    groupable: [...metric.groupable],
    direction: metricDirection(metric),
    non_inferiority_margin: metric.non_inferiority_margin ?? null,
  }));
}
