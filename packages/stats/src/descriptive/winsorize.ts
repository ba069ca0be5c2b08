import { StatsInputError } from "../errors.js";
import { assertFiniteArray } from "../input-checks.js";
import { quantileSorted, sortedCopy } from "./quantile.js";

/**
 * Winsorize: clamp every value to [q(p), q(1 − p)], the type-7 sample quantiles (the definition of
 * DescTools::Winsorize and of `pmin(pmax(x, quantile(x, p)), quantile(x, 1 - p))` in R).
 * Order is preserved. 0 <= p < 0.5.
 * @example winsorize(prMergeHours, 0.05) // caps the 5 % most extreme on each side
 */
export function winsorize(x: readonly number[], p: number): number[] {
  assertFiniteArray(x, "winsorize: x");
  if (!(p >= 0 && p < 0.5)) throw new StatsInputError(`winsorize: p must be in [0, 0.5), got ${p}`);
  const sorted = sortedCopy(x);
  const low = quantileSorted(sorted, p);
  const high = quantileSorted(sorted, 1 - p);
  return x.map((v) => Math.min(Math.max(v, low), high));
}
