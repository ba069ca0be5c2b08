import { normalQuantile } from "../distributions/normal.js";
import { StatsInputError } from "../errors.js";
import { assertOpenProbability } from "../input-checks.js";

/**
 * Quantile of bootstrap replicates by interpolation on the normal-quantile scale between order
 * statistics (Davison & Hinkley 1997, eq. 5.8; R boot's `norm.inter`): with R replicates and
 * (R + 1)α = k + f, t*₍ₖ₎ + [Φ⁻¹(α) − Φ⁻¹(k/(R+1))]/[Φ⁻¹((k+1)/(R+1)) − Φ⁻¹(k/(R+1))]·(t*₍ₖ₊₁₎ − t*₍ₖ₎);
 * the extreme order statistic when k = 0 or k = R.
 * @param sorted replicates in ascending order (non-finite values removed)
 */
export function bootstrapQuantile(sorted: Float64Array | readonly number[], alpha: number): number {
  const r = sorted.length;
  if (r === 0) throw new StatsInputError("bootstrapQuantile: no finite bootstrap replicates");
  const rk = (r + 1) * alpha;
  const k = Math.trunc(rk);
  if (k === rk && k >= 1 && k <= r) return sorted[k - 1] as number;
  if (k <= 0) return sorted[0] as number;
  if (k >= r) return sorted[r - 1] as number;
  const zAlpha = normalQuantile(alpha);
  const zk = normalQuantile(k / (r + 1));
  const zk1 = normalQuantile((k + 1) / (r + 1));
  const tk = sorted[k - 1] as number;
  const tk1 = sorted[k] as number;
  return tk + ((zAlpha - zk) / (zk1 - zk)) * (tk1 - tk);
}

/** Finite replicates, sorted ascending. */
export function sortedFinite(replicates: ArrayLike<number>): Float64Array {
  return Float64Array.from(Array.from(replicates).filter((v) => Number.isFinite(v))).sort();
}

/**
 * Bootstrap percentile interval [t*_{(1−c)/2}, t*_{(1+c)/2}] (Efron 1979), with `bootstrapQuantile`.
 * Same numbers as R's `boot.ci(type = "perc")` given the same replicates.
 */
export function percentileInterval(replicates: ArrayLike<number>, confLevel = 0.95): [number, number] {
  assertOpenProbability(confLevel, "percentileInterval: confLevel");
  const sorted = sortedFinite(replicates);
  return [bootstrapQuantile(sorted, (1 - confLevel) / 2), bootstrapQuantile(sorted, (1 + confLevel) / 2)];
}
