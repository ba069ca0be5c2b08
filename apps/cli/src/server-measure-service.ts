import type { Store } from "@uplift/core";
import { METRICS, metricsReport, parseGroupBy } from "@uplift/measure";
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
    definitions: async () => ({
      definitions: METRICS.map(({ name, unit, definition, groupable }) => ({
        name,
        unit,
        definition,
        groupable: [...groupable],
      })),
    }),
  };
}
