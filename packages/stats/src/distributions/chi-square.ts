import { StatsInputError } from "../errors.js";
import { regularizedGamma } from "../special/incomplete-gamma.js";

function assertDf(df: number, fn: string): void {
  if (!(df > 0) || !Number.isFinite(df))
    throw new StatsInputError(`${fn} needs finite degrees of freedom > 0, got ${df}`);
}

/** Chi-square distribution function P(X <= x) = P(ν/2, x/2), the regularized lower incomplete gamma (A&S 26.4.19). */
export function chiSquareCdf(x: number, df: number): number {
  assertDf(df, "chiSquareCdf");
  if (Number.isNaN(x)) return Number.NaN;
  if (x <= 0) return 0;
  return regularizedGamma(df / 2, x / 2).lower;
}

/** Chi-square survival function P(X > x) = Q(ν/2, x/2), computed directly (accurate for p-values down to ~1e-300). */
export function chiSquareSf(x: number, df: number): number {
  assertDf(df, "chiSquareSf");
  if (Number.isNaN(x)) return Number.NaN;
  if (x <= 0) return 1;
  return regularizedGamma(df / 2, x / 2).upper;
}
