import { distributionRow, distributionRowOfRun } from "./duration-rows.js";
import { countExclusion, type Exclusions } from "./grouping.js";
import { sortFloat64 } from "./sort-float64.js";
import { summarizeSorted } from "./summary.js";
import { ALL_GROUP, type MetricRow } from "./types.js";

/** Shared by every row that excluded nothing (an author-week report has hundreds of thousands). */
const NONE_EXCLUDED: Exclusions = Object.freeze({}) as Exclusions;

/** Runs up to this long are sorted in place by insertion; longer ones by `sortFloat64`. */
const INSERTION_SORT_MAX = 24;

/**
 * The values of one distribution metric per numbered group (see `prGroupIndex`): values and
 * their groups in two typed arrays, sorted once by (group, value) into one buffer whose runs are
 * summarised in place. Same rows as `GroupedValues`, without an array or map entry per group.
 */
export class IndexedValues {
  readonly #names: readonly string[];
  readonly #values: Float64Array;
  readonly #groups: Int32Array;
  #length = 0;
  readonly #counts: Int32Array;
  /** Groups with a value or an exclusion: they get a row. */
  readonly #touched: Uint8Array;
  readonly #excluded: (Exclusions | undefined)[];

  /** `capacity`: the most values that will be added (e.g. the number of PRs). */
  constructor(names: readonly string[], capacity: number) {
    this.#names = names;
    this.#values = new Float64Array(capacity);
    this.#groups = new Int32Array(capacity);
    this.#counts = new Int32Array(names.length);
    this.#touched = new Uint8Array(names.length);
    this.#excluded = new Array(names.length);
  }

  /** Adds a value to group `group` (−1: no group, dropped as `GroupedValues` drops it). */
  add(group: number, value: number): void {
    if (group < 0) return;
    this.#values[this.#length] = value;
    this.#groups[this.#length] = group;
    this.#length++;
    this.#counts[group] = (this.#counts[group] as number) + 1;
    this.#touched[group] = 1;
  }

  exclude(group: number, reason: string): void {
    if (group < 0) return;
    this.#touched[group] = 1;
    let excluded = this.#excluded[group];
    if (excluded === undefined) {
      excluded = {};
      this.#excluded[group] = excluded;
    }
    countExclusion(excluded, reason);
  }

  /** One row per group with values or exclusions, by group name; ungrouped output always has its "all" row. */
  rows(
    base: { name: string; unit: string; definition: string },
    logFloor: number,
    grouped: boolean,
  ): MetricRow[] {
    const groupCount = this.#names.length;
    // counting sort by group, then each group's run sorted by value
    const starts = new Int32Array(groupCount + 1);
    for (let g = 0; g < groupCount; g++) starts[g + 1] = (starts[g] as number) + (this.#counts[g] as number);
    const next = starts.slice(0, groupCount);
    const sorted = new Float64Array(this.#length);
    for (let i = 0; i < this.#length; i++) {
      const group = this.#groups[i] as number;
      const at = next[group] as number;
      next[group] = at + 1;
      sorted[at] = this.#values[i] as number;
    }
    const rows: MetricRow[] = [];
    for (let g = 0; g < groupCount; g++) {
      if (this.#touched[g] === 0) continue;
      const start = starts[g] as number;
      const end = starts[g + 1] as number;
      sortRun(sorted, start, end);
      rows.push(
        distributionRowOfRun(
          base,
          this.#names[g] as string,
          sorted,
          start,
          end,
          logFloor,
          this.#excluded[g] ?? NONE_EXCLUDED,
        ),
      );
    }
    if (!grouped && rows.length === 0)
      rows.push(distributionRow(base, ALL_GROUP, summarizeSorted(sorted, 0, 0, logFloor), NONE_EXCLUDED));
    return rows;
  }
}

/** Sorts `values[start..end)` ascending in place. */
function sortRun(values: Float64Array, start: number, end: number): void {
  if (end - start > INSERTION_SORT_MAX) {
    sortFloat64(values.subarray(start, end));
    return;
  }
  for (let i = start + 1; i < end; i++) {
    const value = values[i] as number;
    let j = i - 1;
    while (j >= start && (values[j] as number) > value) {
      values[j + 1] = values[j] as number;
      j--;
    }
    values[j + 1] = value;
  }
}
