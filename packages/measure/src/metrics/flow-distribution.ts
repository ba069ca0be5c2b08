import { FLOW_ITEM_TYPES, type FlowItemType } from "../workitems/flow-mapping.js";
import { entryOf } from "./entry.js";
import type { WorkItemFact } from "./flow-facts.js";
import { FLOW_GROUPABLE, flowGrouping } from "./flow-groups.js";
import { flowSummaries } from "./flow-summary.js";
import { FLOW_SOURCE } from "./flow-time.js";
import { inWindow, sortedGroups } from "./grouping.js";
import { ALL_GROUP, type MetricDefinition, type MetricRow } from "./types.js";

const definition =
  "Flow distribution: the share of items done in the window by Flow item type (feature, defect, risk, debt); value = " +
  "the feature share, shares and counts give all four (they add up to 1 and n). Items whose type is unmapped are " +
  `excluded (unmapped_type). ${FLOW_SOURCE}`;

type Counts = Record<FlowItemType, number>;

/** flow_distribution: shares of done items by Flow item type. */
export const flowDistribution: MetricDefinition = {
  name: "flow_distribution",
  unit: "share",
  definition,
  groupable: FLOW_GROUPABLE,
  compute(inputs, options) {
    const groups = new Map<string, { counts: Counts; unmapped: number }>();
    const make = () => ({ counts: { feature: 0, defect: 0, risk: 0, debt: 0 }, unmapped: 0 });
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
        const entry = entryOf(groups, group, make);
        if (item.flowType === undefined) entry.unmapped++;
        else entry.counts[item.flowType]++;
      }
    }
    if (!options.grouped && !groups.has(ALL_GROUP)) groups.set(ALL_GROUP, make());
    return sortedGroups(groups).map(([group, { counts, unmapped }]): MetricRow => {
      const n = FLOW_ITEM_TYPES.reduce((sum, type) => sum + counts[type], 0);
      const shares = Object.fromEntries(
        FLOW_ITEM_TYPES.map((type) => [type, n > 0 ? counts[type] / n : null]),
      );
      return {
        name: "flow_distribution",
        group,
        value: n > 0 ? counts.feature / n : null,
        unit: "share",
        n,
        shares,
        counts: { ...counts },
        excluded: unmapped > 0 ? { unmapped_type: unmapped } : {},
        definition,
      };
    });
  },
};
