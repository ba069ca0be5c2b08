import { entryOf } from "./entry.js";
import type { WorkItemFact } from "./flow-facts.js";
import { FLOW_GROUPABLE, flowGrouping } from "./flow-groups.js";
import { flowSummaries } from "./flow-summary.js";
import { FLOW_SOURCE, FLOW_START } from "./flow-time.js";
import { countExclusion, type Exclusions, inWindow, sortedGroups } from "./grouping.js";
import { quantileOfSorted } from "./summary.js";
import { ALL_GROUP, type MetricDefinition, type MetricRow } from "./types.js";

const definition =
  "Flow efficiency: active time / flow time, pooled over the items done in the window (sum of hours in active states " +
  "divided by the sum of their flow times), so long items weigh by their length; also the median of the items' own " +
  `ratios (median_item_efficiency) and the hours in active and waiting. ${FLOW_START} Items without transitions have ` +
  `no time per state (excluded: no_transitions); unmapped_status and zero or negative flow times are excluded too. ${FLOW_SOURCE}`;

interface Totals {
  active: number;
  waiting: number;
  flow: number;
  ratios: number[];
  excluded: Exclusions;
}

/** flow_efficiency: Σ active hours / Σ flow time hours of the items done. */
export const flowEfficiency: MetricDefinition = {
  name: "flow_efficiency",
  unit: "ratio",
  definition,
  groupable: FLOW_GROUPABLE,
  direction: "higher_is_better",
  compute(inputs, options) {
    const groups = new Map<string, Totals>();
    const make = (): Totals => ({ active: 0, waiting: 0, flow: 0, ratios: [], excluded: {} });
    const facts = inputs.workItems;
    if (facts) {
      const summary = flowSummaries(facts);
      const groupOf = flowGrouping(options);
      for (let i = 0; i < facts.items.length; i++) {
        const item = facts.items[i] as WorkItemFact;
        const done = summary.done[i] as number;
        if (Number.isNaN(done) || !inWindow(options, done)) continue;
        const group = groupOf(item, done);
        if (group === undefined) continue;
        const totals = entryOf(groups, group, make);
        const flowHours = (done - (summary.start[i] as number)) / 3_600_000;
        const active = summary.activeHours[i] as number;
        if (item.count === 0) {
          countExclusion(totals.excluded, "no_transitions");
          continue;
        }
        if (summary.unmapped[i]) {
          countExclusion(totals.excluded, "unmapped_status");
          continue;
        }
        if (!(flowHours > 0)) {
          countExclusion(totals.excluded, "zero_or_negative_flow_time");
          continue;
        }
        totals.active += active;
        totals.waiting += summary.waitingHours[i] as number;
        totals.flow += flowHours;
        totals.ratios.push(active / flowHours);
      }
    }
    if (!options.grouped && !groups.has(ALL_GROUP)) groups.set(ALL_GROUP, make());
    return sortedGroups(groups).map(([group, t]): MetricRow => {
      const sorted = Float64Array.from(t.ratios).sort();
      return {
        name: "flow_efficiency",
        group,
        value: t.flow > 0 ? t.active / t.flow : null,
        unit: "ratio",
        n: t.ratios.length,
        median_item_efficiency: sorted.length ? quantileOfSorted(sorted, 0.5) : null,
        active_hours: t.active,
        waiting_hours: t.waiting,
        flow_hours: t.flow,
        excluded: t.excluded,
        definition,
      };
    });
  },
};
