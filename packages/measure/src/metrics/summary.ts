/** The distribution every duration (and size) metric reports (DESIGN: n, median, p75, p90, mean of the log). */
export interface DistributionSummary {
  n: number;
  median: number | null;
  p75: number | null;
  p90: number | null;
  mean: number | null;
  /** Mean of ln(max(x, floor)): the log-scale centre the experiment analysis uses. */
  mean_log: number | null;
}

/** Durations under one minute count as one minute in `mean_log` only (ln 0 is −∞). */
export const DURATION_LOG_FLOOR_HOURS = 1 / 60;

/**
 * Summarises values with type-7 quantiles (linear interpolation, as R's default and PostgreSQL's
 * `percentile_cont`). `logFloor` bounds the values inside the log of `mean_log` from below.
 * @example summarize([1, 2, 3, 4], 1 / 60) // { n: 4, median: 2.5, p75: 3.25, p90: 3.7, mean: 2.5, … }
 */
export function summarize(values: readonly number[], logFloor: number): DistributionSummary {
  const n = values.length;
  if (n === 0) return { n, median: null, p75: null, p90: null, mean: null, mean_log: null };
  // author-week reports summarise hundreds of thousands of small groups: a typed array only pays off when large
  const sorted = n > 32 ? Float64Array.from(values).sort() : [...values].sort(ascending);
  return summarizeSorted(sorted, 0, n, logFloor);
}

/**
 * `summarize` of the run `sorted[start..end)`, already in ascending order: grouped reports sort
 * every group's values in one buffer and summarise each run in place (no array per group).
 */
export function summarizeSorted(
  sorted: ArrayLike<number>,
  start: number,
  end: number,
  logFloor: number,
): DistributionSummary {
  const n = end - start;
  if (n <= 0) return { n: 0, median: null, p75: null, p90: null, mean: null, mean_log: null };
  let sum = 0;
  let sumLog = 0;
  for (let i = start; i < end; i++) {
    const value = sorted[i] as number;
    sum += value;
    sumLog += Math.log(Math.max(value, logFloor));
  }
  return {
    n,
    median: quantileOfRun(sorted, start, n, 0.5),
    p75: quantileOfRun(sorted, start, n, 0.75),
    p90: quantileOfRun(sorted, start, n, 0.9),
    mean: sum / n,
    mean_log: sumLog / n,
  };
}

const ascending = (a: number, b: number) => a - b;

/** Type-7 quantile of sorted values (Hyndman & Fan 1996; as @uplift/stats `quantile`, R and `percentile_cont`). */
export function quantileOfSorted(sorted: ArrayLike<number>, p: number): number {
  return quantileOfRun(sorted, 0, sorted.length, p);
}

/** Type-7 quantile of the sorted run of `n` values starting at `start`. */
export function quantileOfRun(sorted: ArrayLike<number>, start: number, n: number, p: number): number {
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const below = sorted[start + lo] as number;
  if (lo + 1 >= n) return below;
  const above = sorted[start + lo + 1] as number;
  return Math.min(above, below + (h - lo) * (above - below));
}
