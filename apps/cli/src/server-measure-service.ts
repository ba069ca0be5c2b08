import { InputError, type Store } from "@uplift/core";
import { GROUP_KEYS, type GroupBy, METRICS, metricsReport } from "@uplift/measure";
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
        groupBy: groupKeys(query.groupBy),
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

function groupKeys(keys: string[] | undefined): GroupBy[] | undefined {
  if (keys === undefined) return undefined;
  for (const key of keys) {
    if (!(GROUP_KEYS as readonly string[]).includes(key))
      throw new InputError(`group_by ${keys.join(",")}: "${key}" is not one of ${GROUP_KEYS.join(", ")}`);
  }
  if (new Set(keys).size !== keys.length)
    throw new InputError(`group_by ${keys.join(",")}: a key is repeated`);
  return keys as GroupBy[];
}
