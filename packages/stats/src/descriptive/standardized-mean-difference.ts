import { StatsInputError } from "../errors.js";
import { assertFiniteArray } from "../input-checks.js";
import { mean, variance } from "./moments.js";

/**
 * Standardized mean difference (x̄ − ȳ)/√((s²ₓ + s²ᵧ)/2), the covariate-balance measure of
 * Austin (2009, Stat Med 28:3083–3107) and Morgan & Rubin (2012, Ann Stat 40:1263–1282): the
 * difference in means in units of the average within-group standard deviation, so it does not
 * shrink with the sample size as a p-value does. |d| < 0.1 is the usual threshold for "balanced".
 * Each sample needs at least 2 values; throws when both are constant (the scale is 0).
 * @example standardizedMeanDifference(treatedPrePeriodHours, controlPrePeriodHours)
 */
export function standardizedMeanDifference(x: readonly number[], y: readonly number[]): number {
  assertFiniteArray(x, "standardizedMeanDifference: x", 2);
  assertFiniteArray(y, "standardizedMeanDifference: y", 2);
  const scale = Math.sqrt((variance(x) + variance(y)) / 2);
  if (!(scale > 0)) {
    throw new StatsInputError("standardizedMeanDifference: both samples are constant, the scale is 0");
  }
  return (mean(x) - mean(y)) / scale;
}
