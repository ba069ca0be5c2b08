import { entryOf } from "./entry.js";
import { STATE_CODES, UNMAPPED_STATE, type WorkItemFact, type WorkItemFacts } from "./flow-facts.js";
import { FLOW_GROUPABLE, flowGrouping } from "./flow-groups.js";
import { FLOW_SOURCE } from "./flow-time.js";
import { sortedGroups } from "./grouping.js";
import { ALL_GROUP, type MetricDefinition, type MetricRow, type ResolvedOptions } from "./types.js";
import { weekBounds } from "./window-span.js";

const DAY_MS = 86_400_000;

const definition =
  "Flow load (WIP): the average number of work items in active or waiting over the period = Σ item-hours in active or " +
  "waiting / hours of the period. Period = the window (--from/--to; else the first day any item started to the last day " +
  "of any transition or resolution in the data), the week inside it under --group-by week. Items without transitions are " +
  "in progress from created_at to resolved_at; an item still in progress counts up to the end of the period. Items " +
  `with an unmapped status are left out (excluded: unmapped_status). n = distinct items in progress. ${FLOW_SOURCE}`;

/** Calls `visit(from, to)` for each stretch of time the item spent in active or waiting. */
export function forEachWipInterval(
  facts: WorkItemFacts,
  item: WorkItemFact,
  openEnd: number,
  visit: (from: number, to: number) => void,
): void {
  if (item.count === 0) {
    visit(item.created, Number.isNaN(item.resolved) ? openEnd : item.resolved);
    return;
  }
  let since = Number.NaN;
  const end = item.first + item.count;
  for (let k = item.first; k < end; k++) {
    const s = facts.state[k] as number;
    const t = facts.at[k] as number;
    const wip = s === STATE_CODES.active || s === STATE_CODES.waiting;
    if (wip && Number.isNaN(since)) since = t;
    else if (!wip && !Number.isNaN(since)) {
      visit(since, t);
      since = Number.NaN;
    }
  }
  if (!Number.isNaN(since)) visit(since, openEnd);
}

function hasUnmapped(facts: WorkItemFacts, item: WorkItemFact): boolean {
  for (let k = item.first; k < item.first + item.count; k++)
    if (facts.state[k] === UNMAPPED_STATE) return true;
  return false;
}

/** The period: the window when bounded, else whole UTC days from the first start to the last event. */
export function loadPeriod(facts: WorkItemFacts, options: ResolvedOptions): [number, number] | undefined {
  let lo = options.fromMs;
  let hi = options.toMs;
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) {
    let min = Number.POSITIVE_INFINITY;
    let max = Number.NEGATIVE_INFINITY;
    for (const item of facts.items) {
      if (item.created < min && item.count === 0) min = item.created;
      if (item.count > 0 && (facts.at[item.first] as number) < min) min = facts.at[item.first] as number;
      const last = item.count > 0 ? (facts.at[item.first + item.count - 1] as number) : item.created;
      if (last > max) max = last;
      if (item.resolved > max) max = item.resolved;
    }
    if (!Number.isFinite(min)) return undefined;
    if (!Number.isFinite(lo)) lo = Math.floor(min / DAY_MS) * DAY_MS;
    if (!Number.isFinite(hi)) hi = (Math.floor(max / DAY_MS) + 1) * DAY_MS;
  }
  return hi > lo ? [lo, hi] : undefined;
}

interface Load {
  ms: number;
  items: number;
  lastItem: number;
  periodMs: number;
  unmapped: number;
}

/** flow_load: average WIP over the period. */
export const flowLoad: MetricDefinition = {
  name: "flow_load",
  unit: "items",
  definition,
  groupable: FLOW_GROUPABLE,
  compute(inputs, options) {
    const groups = new Map<string, Load>();
    const facts = inputs.workItems;
    const period = facts ? loadPeriod(facts, options) : undefined;
    if (facts && period) {
      const [lo, hi] = period;
      const groupOf = flowGrouping(options);
      const make = (periodMs: number) => (): Load => ({
        ms: 0,
        items: 0,
        lastItem: -1,
        periodMs,
        unmapped: 0,
      });
      facts.items.forEach((item, i) => {
        if (hasUnmapped(facts, item)) {
          const group = groupOf(item, Math.max(lo, Math.min(item.created, hi - 1)));
          if (group !== undefined) entryOf(groups, group, make(hi - lo)).unmapped++;
          return;
        }
        forEachWipInterval(facts, item, hi, (from, to) => {
          let a = Math.max(from, lo);
          const b = Math.min(to, hi);
          while (a < b) {
            // under --group-by week each week is its own period; otherwise the whole interval at once
            const [weekStart, weekEnd] = options.byWeek ? weekBounds(a) : [lo, hi];
            const pieceEnd = Math.min(b, weekEnd);
            const group = groupOf(item, a);
            if (group !== undefined) {
              const load = entryOf(groups, group, make(Math.min(weekEnd, hi) - Math.max(weekStart, lo)));
              load.ms += pieceEnd - a;
              if (load.lastItem !== i) {
                load.lastItem = i;
                load.items++;
              }
            }
            a = pieceEnd;
          }
        });
      });
    }
    if (!options.grouped && !groups.has(ALL_GROUP))
      groups.set(ALL_GROUP, {
        ms: 0,
        items: 0,
        lastItem: -1,
        periodMs: period ? period[1] - period[0] : 0,
        unmapped: 0,
      });
    return sortedGroups(groups).map(
      ([group, load]): MetricRow => ({
        name: "flow_load",
        group,
        value: load.periodMs > 0 ? load.ms / load.periodMs : null,
        unit: "items",
        n: load.items,
        wip_hours: load.ms / 3_600_000,
        period_hours: load.periodMs / 3_600_000,
        excluded: load.unmapped > 0 ? { unmapped_status: load.unmapped } : {},
        definition,
      }),
    );
  },
};
