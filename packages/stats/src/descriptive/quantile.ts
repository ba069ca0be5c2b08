import { assertFiniteArray, assertProbability } from "../input-checks.js";

/** A sorted copy (ascending). */
export function sortedCopy(x: readonly number[]): number[] {
  return Array.from(Float64Array.from(x).sort());
}

/** Type-7 quantile of already sorted values: h = (n − 1)p, x[⌊h⌋] + (h − ⌊h⌋)(x[⌊h⌋+1] − x[⌊h⌋]). */
export function quantileSorted(sorted: readonly number[], p: number): number {
  const n = sorted.length;
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const below = sorted[lo] as number;
  if (lo + 1 >= n) return below;
  const above = sorted[lo + 1] as number;
  // min() keeps the result monotone in p across order statistics despite rounding.
  return Math.min(above, below + (h - lo) * (above - below));
}

/**
 * Sample quantile, Hyndman & Fan (1996) definition 7 (R's default `quantile(type = 7)`):
 * linear interpolation between order statistics at h = (n − 1)p.
 * @example quantile([1, 2, 3, 4], 0.5) // 2.5
 */
export function quantile(x: readonly number[], p: number): number {
  assertFiniteArray(x, "quantile: x");
  assertProbability(p, "quantile: p");
  return quantileSorted(sortedCopy(x), p);
}

/** Several type-7 quantiles with one sort. */
export function quantiles(x: readonly number[], ps: readonly number[]): number[] {
  assertFiniteArray(x, "quantiles: x");
  for (const p of ps) assertProbability(p, "quantiles: p");
  const sorted = sortedCopy(x);
  return ps.map((p) => quantileSorted(sorted, p));
}

/** Median (type-7 quantile at ½: the middle value, or the mean of the two middle values). */
export function median(x: readonly number[]): number {
  return quantile(x, 0.5);
}
