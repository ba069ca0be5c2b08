import { StatsInputError } from "../errors.js";
import { regularizedBeta } from "../special/incomplete-beta.js";

function assertDfs(df1: number, df2: number, fn: string): void {
  if (!(df1 > 0 && df2 > 0) || !Number.isFinite(df1) || !Number.isFinite(df2)) {
    throw new StatsInputError(`${fn} needs finite degrees of freedom > 0, got df1=${df1}, df2=${df2}`);
  }
}

/**
 * F distribution function P(F <= x) = I_{d₁x/(d₁x+d₂)}(d₁/2, d₂/2) (A&S 26.6.2), or the survival
 * function P(F > x) when `lowerTail` is false; both tails computed without cancellation.
 */
export function fCdf(x: number, df1: number, df2: number, lowerTail = true): number {
  assertDfs(df1, df2, "fCdf");
  if (Number.isNaN(x)) return Number.NaN;
  if (x <= 0) return lowerTail ? 0 : 1;
  if (x === Number.POSITIVE_INFINITY) return lowerTail ? 1 : 0;
  const z = df1 * x;
  const pair = regularizedBeta(z / (z + df2), df1 / 2, df2 / 2, df2 / (z + df2));
  return lowerTail ? pair.lower : pair.upper;
}
