import { entryOf } from "./entry.js";
import { groupOf, inWindow, sortedGroups } from "./grouping.js";
import { isProductionSuccess } from "./production.js";
import { ALL_GROUP, type MetricDefinition, type MetricRow } from "./types.js";
import { daysIn, effectivePeriod, weekBounds } from "./window-span.js";

const definition =
  "Successful production deployments per day: deployments / days. Production = environment in the production list " +
  "(default production, prod; case-insensitive), status success; a deployment belongs to the day it finished (UTC). " +
  "days = UTC days of the window (--from/--to, else first to last production deployment in the data), the week's days " +
  "inside it under --group-by week. Also per_week (= per day × 7) and days_with_deploy. --group-by repo groups by repository.";

/** deployment_frequency (DORA). */
export const deploymentFrequency: MetricDefinition = {
  name: "deployment_frequency",
  unit: "deployments/day",
  definition,
  groupable: ["repo", "week"],
  compute(inputs, options) {
    const groups = new Map<string, { count: number; days: Set<number>; anchor: number }>();
    const anchors: number[] = [];
    for (const deployment of inputs.deployments) {
      if (!isProductionSuccess(deployment, options) || !inWindow(options, deployment.finished)) continue;
      const group = groupOf(options, { repo: deployment.repo }, deployment.finished) as string;
      const entry = entryOf(groups, group, () => ({
        count: 0,
        days: new Set(),
        anchor: deployment.finished,
      }));
      entry.count++;
      entry.days.add(Math.floor(deployment.finished / 86_400_000));
      anchors.push(deployment.finished);
    }
    if (!options.grouped && !groups.has(ALL_GROUP))
      groups.set(ALL_GROUP, { count: 0, days: new Set(), anchor: Number.NaN });
    const period = effectivePeriod(options.fromMs, options.toMs, anchors);
    return sortedGroups(groups).map(([group, entry]): MetricRow => {
      let days = period ? daysIn(period[0], period[1]) : 0;
      if (options.byWeek && period) {
        const [start, end] = weekBounds(entry.anchor);
        days = daysIn(Math.max(start, period[0]), Math.min(end, period[1]));
      }
      const perDay = days > 0 ? entry.count / days : null;
      return {
        name: "deployment_frequency",
        group,
        value: perDay,
        unit: "deployments/day",
        n: entry.count,
        per_week: perDay === null ? null : perDay * 7,
        days,
        days_with_deploy: entry.days.size,
        definition,
      };
    });
  },
};
