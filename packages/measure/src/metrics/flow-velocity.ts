import { entryOf } from "./entry.js";
import type { WorkItemFact } from "./flow-facts.js";
import { FLOW_GROUPABLE, flowGrouping } from "./flow-groups.js";
import { flowSummaries } from "./flow-summary.js";
import { FLOW_SOURCE } from "./flow-time.js";
import { inWindow, sortedGroups } from "./grouping.js";
import { ALL_GROUP, type MetricDefinition, type MetricRow } from "./types.js";
import { daysIn, effectivePeriod, weekBounds } from "./window-span.js";

const definition =
  "Flow velocity: work items done per week = items done / (days / 7). days = UTC days of the window (--from/--to, else " +
  "the first to the last done item in the data), the week's days inside it under --group-by week. n = items done. " +
  FLOW_SOURCE;

/** flow_velocity: items done per week. */
export const flowVelocity: MetricDefinition = {
  name: "flow_velocity",
  unit: "items/week",
  definition,
  groupable: FLOW_GROUPABLE,
  direction: "higher_is_better",
  compute(inputs, options) {
    const groups = new Map<string, { count: number; anchor: number }>();
    let min = Number.POSITIVE_INFINITY;
    let max = Number.NEGATIVE_INFINITY;
    const facts = inputs.workItems;
    if (facts) {
      const summary = flowSummaries(facts);
      const groupOf = flowGrouping(options);
      for (let i = 0; i < facts.items.length; i++) {
        const item = facts.items[i] as WorkItemFact;
        const done = summary.done[i] as number;
        if (Number.isNaN(done) || !inWindow(options, done)) continue;
        if (done < min) min = done;
        if (done > max) max = done;
        const group = groupOf(item, done);
        if (group === undefined) continue;
        entryOf(groups, group, () => ({ count: 0, anchor: done })).count++;
      }
    }
    if (!options.grouped && !groups.has(ALL_GROUP)) groups.set(ALL_GROUP, { count: 0, anchor: Number.NaN });
    const period = effectivePeriod(options.fromMs, options.toMs, Number.isFinite(min) ? [min, max] : []);
    return sortedGroups(groups).map(([group, entry]): MetricRow => {
      let days = period ? daysIn(period[0], period[1]) : 0;
      if (options.byWeek && period) {
        const [start, end] = weekBounds(entry.anchor);
        days = daysIn(Math.max(start, period[0]), Math.min(end, period[1]));
      }
      return {
        name: "flow_velocity",
        group,
        value: days > 0 ? (entry.count / days) * 7 : null,
        unit: "items/week",
        n: entry.count,
        days,
        definition,
      };
    });
  },
};
