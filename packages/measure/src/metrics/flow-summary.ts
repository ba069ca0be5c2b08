import { STATE_CODES, UNMAPPED_STATE, type WorkItemFacts } from "./flow-facts.js";

const ACTIVE = STATE_CODES.active;
const WAITING = STATE_CODES.waiting;
const DONE = STATE_CODES.done;

/** Per item (same index as `facts.items`): when work started and finished, and time per state. */
export interface FlowSummaries {
  /** First entry into active or waiting; `created` when the item never entered either (see startFromCreated). */
  start: Float64Array;
  /** 1 when `start` is the creation time (no transitions, or straight from new to done). */
  startFromCreated: Uint8Array;
  /** Last entry into done when the item is done now; `resolved_at` for items without transitions; NaN when open. */
  done: Float64Array;
  /** Hours spent in active and in waiting between start and done (NaN without transitions). */
  activeHours: Float64Array;
  waitingHours: Float64Array;
  /** 1 when one of the item's statuses is unmapped: its values are excluded (`unmapped_status`). */
  unmapped: Uint8Array;
}

const HOUR_MS = 3_600_000;
const cache = new WeakMap<WorkItemFacts, FlowSummaries>();

/**
 * Walks each item's transitions once (computed once per report, shared by the five Flow
 * metrics). An item starts new at creation; each transition enters the Flow state of its `to`
 * status. Time in a state runs until the next transition; an item is done when its last
 * transition entered done (a reopened item is open again).
 */
export function flowSummaries(facts: WorkItemFacts): FlowSummaries {
  const cached = cache.get(facts);
  if (cached) return cached;
  const n = facts.items.length;
  const out: FlowSummaries = {
    start: new Float64Array(n),
    startFromCreated: new Uint8Array(n),
    done: new Float64Array(n),
    activeHours: new Float64Array(n),
    waitingHours: new Float64Array(n),
    unmapped: new Uint8Array(n),
  };
  const { at, state } = facts;
  for (let i = 0; i < n; i++) {
    const item = facts.items[i] as (typeof facts.items)[number];
    if (item.count === 0) {
      out.start[i] = item.created;
      out.startFromCreated[i] = 1;
      out.done[i] = item.resolved;
      out.activeHours[i] = Number.NaN;
      out.waitingHours[i] = Number.NaN;
      continue;
    }
    let start = Number.NaN;
    let doneAt = Number.NaN;
    let active = 0;
    let waiting = 0;
    let current = STATE_CODES.new;
    let since = item.created;
    let unmapped = 0;
    const end = item.first + item.count;
    for (let k = item.first; k < end; k++) {
      const t = at[k] as number;
      const next = state[k] as number;
      if (current === ACTIVE) active += t - since;
      else if (current === WAITING) waiting += t - since;
      if (next === UNMAPPED_STATE) unmapped = 1;
      if ((next === ACTIVE || next === WAITING) && Number.isNaN(start)) start = t;
      doneAt = next === DONE ? t : Number.NaN;
      current = next;
      since = t;
    }
    out.unmapped[i] = unmapped;
    out.done[i] = doneAt;
    if (Number.isNaN(start)) {
      start = item.created;
      out.startFromCreated[i] = 1;
    }
    out.start[i] = start;
    out.activeHours[i] = active / HOUR_MS;
    out.waitingHours[i] = waiting / HOUR_MS;
  }
  cache.set(facts, out);
  return out;
}
