import { STATE_NAMES, UNMAPPED_STATE, type WorkItemFact, type WorkItemFacts } from "./flow-facts.js";
import { flowGrouping } from "./flow-groups.js";
import { forEachWipInterval, loadPeriod } from "./flow-load.js";
import { flowSummaries } from "./flow-summary.js";
import { inWindow } from "./grouping.js";
import { measureSpan } from "./span.js";
import type { MetricInputs, ResolvedOptions } from "./types.js";

/** The Flow metric names `--explain` drills into. */
export const FLOW_METRIC_NAMES = [
  "flow_time",
  "flow_velocity",
  "flow_load",
  "flow_efficiency",
  "flow_distribution",
] as const;

/** One work item behind a Flow value (same shape as ExplainRecord), with its transitions. */
export interface FlowExplainRecord {
  record: string;
  group: string | null;
  at: string;
  value: number | null;
  excluded: string | null;
  [detail: string]: unknown;
}

const iso = (ms: number) => (Number.isNaN(ms) ? null : new Date(ms).toISOString());

/** "2025-03-03T09:00:00.000Z To Do → In Progress (active); …": the transitions behind a value. */
export function describeTransitions(facts: WorkItemFacts, item: WorkItemFact): string {
  const parts: string[] = [];
  for (let k = item.first; k < item.first + item.count; k++) {
    const state = facts.state[k] as number;
    const name = state === UNMAPPED_STATE ? "unmapped" : STATE_NAMES[state];
    parts.push(`${iso(facts.at[k] as number)} ${facts.from?.[k] || "∅"} → ${facts.to?.[k] ?? "?"} (${name})`);
  }
  return parts.join("; ");
}

/**
 * The work items behind a Flow metric in the window: each item's contribution (hours, 1 done
 * item, WIP hours, active share, its Flow item type) or why it was excluded, with its start,
 * done, time per state and every transition. Pure; same rules as the metrics.
 */
export function explainFlowRecords(
  name: string,
  inputs: MetricInputs,
  options: ResolvedOptions,
): FlowExplainRecord[] {
  const facts = inputs.workItems;
  if (!facts) return [];
  const summary = flowSummaries(facts);
  const groupOf = flowGrouping(options);
  const out: FlowExplainRecord[] = [];
  const period = name === "flow_load" ? loadPeriod(facts, options) : undefined;
  facts.items.forEach((item, i) => {
    const start = summary.start[i] as number;
    const done = summary.done[i] as number;
    let anchor = done;
    let result: number | string;
    if (name === "flow_load") {
      if (!period) return;
      let wipMs = 0;
      forEachWipInterval(facts, item, period[1], (a, b) => {
        const lo = Math.max(a, period[0]);
        const hi = Math.min(b, period[1]);
        if (hi > lo) wipMs += hi - lo;
      });
      if (wipMs === 0) return;
      anchor = Math.max(start, period[0]);
      result = wipMs / 3_600_000;
    } else {
      if (Number.isNaN(done) || !inWindow(options, done)) return;
      const flowHours = measureSpan(start, done);
      if (name === "flow_time") result = summary.unmapped[i] ? "unmapped_status" : flowHours;
      else if (name === "flow_velocity") result = 1;
      else if (name === "flow_distribution") result = item.flowType === undefined ? "unmapped_type" : 1;
      else if (item.count === 0) result = "no_transitions";
      else if (summary.unmapped[i]) result = "unmapped_status";
      else if (typeof flowHours === "string" || flowHours <= 0) result = "zero_or_negative_flow_time";
      else result = (summary.activeHours[i] as number) / flowHours;
    }
    out.push({
      record: item.id,
      group: groupOf(item, anchor) ?? null,
      at: iso(anchor) as string,
      value: typeof result === "number" ? result : null,
      excluded: typeof result === "string" ? result : null,
      type: item.type,
      flow_type: item.flowType ?? null,
      assignee: item.assignee,
      project: item.project,
      created_at: iso(item.created),
      start_at: iso(start),
      start_from_created: summary.startFromCreated[i] === 1,
      done_at: iso(done),
      active_hours: Number.isNaN(summary.activeHours[i] as number) ? null : summary.activeHours[i],
      waiting_hours: Number.isNaN(summary.waitingHours[i] as number) ? null : summary.waitingHours[i],
      transitions: describeTransitions(facts, item),
    });
  });
  return out;
}
