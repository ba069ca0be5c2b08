import type { Store } from "@uplift/core";
import { explainMetric, metricDefinitions, metricsReport, parseGroupBy } from "@uplift/measure";
import type { MeasureService } from "@uplift/server";

/**
 * The server's engineering metrics over @uplift/measure: the same report as
 * `uplift measure metrics --json` (metricsReport checks the bounds and metric names).
 */
export function createMeasureService(store: Store): MeasureService {
  return {
    metrics: async (query) =>
      metricsReport(store, {
        from: query.from,
        to: query.to,
        groupBy: parseGroupBy(query.groupBy, "group_by"),
        metrics: query.metrics,
      }),
    definitions: async () => ({ definitions: metricDefinitions() }),
    explain: async ({ metric, query, group, limit }) => {
      const explanation = await explainMetric(
        store,
        metric,
        { from: query.from, to: query.to, groupBy: parseGroupBy(query.groupBy, "group_by") },
        group,
      );
      const records = [...explanation.records].sort((a, b) => (b.at ?? "").localeCompare(a.at ?? ""));
      return {
        name: explanation.name,
        unit: explanation.unit,
        definition: explanation.definition,
        values: explanation.values,
        records: records.slice(0, limit),
        total_records: records.length,
      };
    },
  };
}
