import { GroupedValues } from "./duration-rows.js";
import { entryOf } from "./entry.js";
import type { WorkItemFact } from "./flow-facts.js";
import { FLOW_GROUPABLE, flowGrouping } from "./flow-groups.js";
import { flowSummaries } from "./flow-summary.js";
import { inWindow } from "./grouping.js";
import { measureSpan } from "./span.js";
import { DURATION_LOG_FLOOR_HOURS } from "./summary.js";
import type { MetricDefinition, MetricRow } from "./types.js";

export const FLOW_SOURCE =
  "Work items with their status transitions; statuses map to Flow states new/active/waiting/done and item types to " +
  "feature/defect/risk/debt (built-in defaults, Jira status categories, or a reviewed mapping file: uplift measure statuses export|import). " +
  "An item is done when its last transition entered done (items without transitions: at resolved_at); a value belongs to the week " +
  "it was done (UTC). author = assignee, team = the item's team (else the assignee's), repo = project.";

export const FLOW_START =
  "Start = the first transition into active or waiting (work started, not the item's creation: backlog time is not flow " +
  "time); an item that never entered either (no transitions, or straight from new to done) starts at created_at, counted as start_from_created.";

const definition =
  `Flow time (Flow Framework, Kersten 2018): hours from start to done, for items done in the window. ${FLOW_START} ` +
  `Items with an unmapped status are excluded (unmapped_status); a done before the start is excluded (negative_span). ${FLOW_SOURCE}`;

/** flow_time: work start → done, hours, distribution per group. */
export const flowTime: MetricDefinition = {
  name: "flow_time",
  unit: "hours",
  definition,
  groupable: FLOW_GROUPABLE,
  compute(inputs, options) {
    const values = new GroupedValues();
    const fromCreated = new Map<string, number>();
    const facts = inputs.workItems;
    if (facts) {
      const summary = flowSummaries(facts);
      const groupOf = flowGrouping(options);
      for (let i = 0; i < facts.items.length; i++) {
        const item = facts.items[i] as WorkItemFact;
        const done = summary.done[i] as number;
        if (Number.isNaN(done) || !inWindow(options, done)) continue;
        const group = groupOf(item, done);
        if (summary.unmapped[i]) {
          values.exclude(group, "unmapped_status");
          continue;
        }
        const span = measureSpan(summary.start[i] as number, done);
        if (typeof span === "string") {
          values.exclude(group, span);
          continue;
        }
        values.add(group, span);
        if (group !== undefined && summary.startFromCreated[i])
          fromCreated.set(group, entryOf(fromCreated, group, () => 0) + 1);
      }
    }
    const base = { name: "flow_time", unit: "hours", definition };
    return values
      .rows(base, DURATION_LOG_FLOOR_HOURS, options.grouped)
      .map((row): MetricRow => ({ ...row, start_from_created: fromCreated.get(row.group) ?? 0 }));
  },
};
