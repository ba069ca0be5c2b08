import type { FlowItemType, FlowState } from "../workitems/flow-mapping.js";

/** Flow states as numbers in typed arrays; UNMAPPED_STATE for a status no mapping names. */
export const STATE_CODES: Readonly<Record<FlowState, number>> = { new: 0, active: 1, waiting: 2, done: 3 };
export const STATE_NAMES: readonly FlowState[] = ["new", "active", "waiting", "done"];
export const UNMAPPED_STATE = 255;

/** The assignee of work nobody was assigned to (a group like any other). */
export const UNASSIGNED = "(unassigned)";

/** The fields of a work item the Flow metrics read; times as epoch ms (NaN = absent). */
export interface WorkItemFact {
  id: string;
  /** Canonical login of the assignee, or "(unassigned)". */
  assignee: string;
  /** The source's team, when it names one (else the assignee's team from `developers`). */
  team: string | undefined;
  /** Project or repository (`--group-by repo`). */
  project: string;
  /** The source's item type, and its Flow item type (undefined: unmapped, reported). */
  type: string;
  flowType: FlowItemType | undefined;
  created: number;
  resolved: number;
  /** This item's transitions are `[first, first + count)` of the arrays of {@link WorkItemFacts}. */
  first: number;
  count: number;
}

/**
 * Work items with their transitions in columns (5M transitions as objects would cost ~1 GB):
 * item i's transitions are at `at[items[i].first …]`, in time order, each with its Flow state.
 */
export interface WorkItemFacts {
  items: readonly WorkItemFact[];
  at: Float64Array;
  /** The Flow state entered (STATE_CODES), UNMAPPED_STATE when the status is unmapped. */
  state: Uint8Array;
  /** Source status names (`from`, `to`) — loaded only for `--explain`. */
  from?: readonly string[] | undefined;
  to?: readonly string[] | undefined;
}
