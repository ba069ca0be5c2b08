import { StatsInputError } from "../errors.js";
import { assertFiniteArray } from "../input-checks.js";

/**
 * Arithmetic mean, with one refinement pass: m + Σ(xᵢ − m)/n (as R's `mean`), which removes most of
 * the rounding error of the plain sum.
 */
export function mean(x: readonly number[]): number {
  assertFiniteArray(x, "mean: x");
  const n = x.length;
  let sum = 0;
  for (const v of x) sum += v;
  const m = sum / n;
  let correction = 0;
  for (const v of x) correction += v - m;
  return m + correction / n;
}

/** Unbiased sample variance Σ(xᵢ − x̄)²/(n − 1), two-pass with the compensated formula of Chan, Golub & LeVeque (1983). */
export function variance(x: readonly number[]): number {
  assertFiniteArray(x, "variance: x", 2);
  const m = mean(x);
  let squares = 0;
  let sum = 0;
  for (const v of x) {
    const d = v - m;
    squares += d * d;
    sum += d;
  }
  return (squares - (sum * sum) / x.length) / (x.length - 1);
}

/** Sample standard deviation √variance(x). */
export function standardDeviation(x: readonly number[]): number {
  return Math.sqrt(variance(x));
}

/** Geometric mean exp(mean(log xᵢ)); every value must be > 0 (log outcomes such as merge hours). */
export function geometricMean(x: readonly number[]): number {
  assertFiniteArray(x, "geometricMean: x");
  const logs = x.map((v, i) => {
    if (!(v > 0)) throw new StatsInputError(`geometricMean: x[${i}] = ${v}; all values must be > 0`);
    return Math.log(v);
  });
  return Math.exp(mean(logs));
}
