import { countExclusion, type Exclusions, sortedGroups } from "./grouping.js";
import { type DistributionSummary, quantileOfRun, summarize, summarizeSorted } from "./summary.js";
import { ALL_GROUP, type MetricRow } from "./types.js";

/** Shared by every row that excluded nothing (an author-week report has hundreds of thousands). */
const NONE_EXCLUDED: Exclusions = Object.freeze({}) as Exclusions;

/** Collects the values of one distribution metric per group, with exclusions counted per group. */
export class GroupedValues {
  readonly #groups = new Map<string, { values: number[]; excluded: Exclusions | undefined }>();
  /** Exclusions that belong to no group (e.g. a unit outside the experiment under `arm`). */
  readonly ungrouped: Exclusions = {};

  #group(group: string) {
    let entry = this.#groups.get(group);
    if (!entry) {
      entry = { values: [], excluded: undefined };
      this.#groups.set(group, entry);
    }
    return entry;
  }

  add(group: string | undefined, value: number): void {
    if (group === undefined) countExclusion(this.ungrouped, "no_group");
    else this.#group(group).values.push(value);
  }

  exclude(group: string | undefined, reason: string): void {
    if (group === undefined) {
      countExclusion(this.ungrouped, reason);
      return;
    }
    const entry = this.#group(group);
    entry.excluded ??= {};
    countExclusion(entry.excluded, reason);
  }

  /** One row per group with values (or exclusions); ungrouped output always has its "all" row. */
  rows(
    base: { name: string; unit: string; definition: string },
    logFloor: number,
    grouped: boolean,
  ): MetricRow[] {
    if (!grouped && !this.#groups.has(ALL_GROUP)) this.#group(ALL_GROUP);
    return sortedGroups(this.#groups).map(([group, { values, excluded }]) =>
      distributionRow(base, group, summarize(values, logFloor), excluded ?? NONE_EXCLUDED),
    );
  }
}

/** A distribution metric's row: `value` is the median. */
export function distributionRow(
  base: { name: string; unit: string; definition: string },
  group: string,
  summary: DistributionSummary,
  excluded: Exclusions,
): MetricRow {
  return {
    name: base.name,
    group,
    value: summary.median,
    unit: base.unit,
    n: summary.n,
    median: summary.median,
    p75: summary.p75,
    p90: summary.p90,
    mean: summary.mean,
    mean_log: summary.mean_log,
    excluded,
    definition: base.definition,
  };
}

/**
 * `distributionRow` of the run `sorted[start..end)`, already in ascending order, with the numbers
 * of `summarizeSorted` written straight into the row: an author-week report builds 2.4M rows, and
 * a summary object per row (six more boxed numbers) is a sixth of its garbage.
 */
export function distributionRowOfRun(
  base: { name: string; unit: string; definition: string },
  group: string,
  sorted: Float64Array,
  start: number,
  end: number,
  logFloor: number,
  excluded: Exclusions,
): MetricRow {
  const n = end - start;
  if (n <= 0) return distributionRow(base, group, summarizeSorted(sorted, start, end, logFloor), excluded);
  let sum = 0;
  let sumLog = 0;
  for (let i = start; i < end; i++) {
    const value = sorted[i] as number;
    sum += value;
    sumLog += Math.log(Math.max(value, logFloor));
  }
  const median = quantileOfRun(sorted, start, n, 0.5);
  return {
    name: base.name,
    group,
    value: median,
    unit: base.unit,
    n,
    median,
    p75: quantileOfRun(sorted, start, n, 0.75),
    p90: quantileOfRun(sorted, start, n, 0.9),
    mean: sum / n,
    mean_log: sumLog / n,
    excluded,
    definition: base.definition,
  };
}
