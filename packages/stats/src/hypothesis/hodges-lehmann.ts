import { normalQuantile } from "../distributions/normal.js";
import { StatsInputError } from "../errors.js";
import { assertFiniteArray, assertOpenProbability } from "../input-checks.js";
import { continuityCorrection } from "./mann-whitney.js";
import { midRanks, tieCorrection } from "./ranks.js";
import type { Alternative } from "./t-test-from-estimate.js";
import { wilcoxonCdf, wilcoxonQuantile } from "./wilcoxon-distribution.js";

export interface HodgesLehmannOptions {
  /** Default 0.95. */
  confLevel?: number;
  alternative?: Alternative;
  /** Continuity correction when the interval comes from the normal approximation. Default true. */
  correct?: boolean;
  /** Exact interval; default: both samples < 50 values and no ties. Ignored with ties. */
  exact?: boolean;
}

export interface HodgesLehmannResult {
  /** Median of the nₓ·nᵧ pairwise differences xᵢ − yⱼ (Hodges & Lehmann 1963). */
  estimate: number;
  /** Interval for the location shift; one side ±Infinity for a one-sided alternative. */
  confidenceInterval: [number, number];
  /** Confidence level achieved; lower than requested only when the exact distribution cannot reach it (as R). */
  confLevel: number;
  method: "exact" | "normal";
}

/** Pairwise-difference count above which the O(nₓnᵧ) memory becomes unreasonable. */
const MAX_DIFFERENCES = 20_000_000;

/**
 * Hodges–Lehmann estimate of the shift between x and y, with the confidence interval obtained by
 * inverting the Wilcoxon rank-sum test (Bauer 1972), as R's `wilcox.test(x, y, conf.int = TRUE)`:
 * exact — order statistics k and nₓnᵧ + 1 − k of the pairwise differences, k = qwilcox(α/2) (at least 1);
 * normal — the shifts d at which the continuity-corrected, tie-corrected z statistic of x − d vs y
 * crosses ±z_{1−α/2}. Those crossings are always pairwise differences, so they are located exactly
 * (R finds them with `uniroot`, to `tol.root`).
 * Memory O(nₓnᵧ); for arms of developers (hundreds) that is small.
 */
export function hodgesLehmann(
  x: readonly number[],
  y: readonly number[],
  options: HodgesLehmannOptions = {},
): HodgesLehmannResult {
  assertFiniteArray(x, "hodgesLehmann: x");
  assertFiniteArray(y, "hodgesLehmann: y");
  const { confLevel = 0.95, alternative = "two-sided", correct = true } = options;
  assertOpenProbability(confLevel, "hodgesLehmann: confLevel");
  const nx = x.length;
  const ny = y.length;
  if (nx * ny > MAX_DIFFERENCES) {
    throw new StatsInputError(
      `hodgesLehmann: ${nx}×${ny} pairwise differences exceed ${MAX_DIFFERENCES}; aggregate to one value per unit (e.g. per developer) first`,
    );
  }
  const diffs = new Float64Array(nx * ny);
  let p = 0;
  for (const xi of x) for (const yj of y) diffs[p++] = xi - yj;
  diffs.sort();
  const mid = diffs.length >> 1;
  const estimate =
    diffs.length % 2 === 1
      ? (diffs[mid] as number)
      : ((diffs[mid - 1] as number) + (diffs[mid] as number)) / 2;
  const hasTies = midRanks([...x, ...y]).tieSizes.length !== nx + ny;
  const exact = (options.exact ?? (nx < 50 && ny < 50)) && !hasTies;
  const alpha = 1 - confLevel;
  if (exact) {
    const mn = nx * ny;
    const at = (oneBased: number): number => diffs[oneBased - 1] as number;
    let achievedAlpha: number;
    let confidenceInterval: [number, number];
    if (alternative === "two-sided") {
      const qu = Math.max(1, wilcoxonQuantile(alpha / 2, nx, ny));
      achievedAlpha = 2 * wilcoxonCdf(qu - 1, nx, ny);
      confidenceInterval = [at(qu), at(mn - qu + 1)];
    } else {
      const qu = Math.max(1, wilcoxonQuantile(alpha, nx, ny));
      achievedAlpha = wilcoxonCdf(qu - 1, nx, ny);
      confidenceInterval =
        alternative === "greater"
          ? [at(qu), Number.POSITIVE_INFINITY]
          : [Number.NEGATIVE_INFINITY, at(mn - qu + 1)];
    }
    const level = achievedAlpha - alpha > alpha / 2 ? 1 - achievedAlpha : confLevel;
    return { estimate, confidenceInterval, confLevel: level, method: "exact" };
  }
  const root = normalApproximationRoot(x, y, diffs, alternative, correct);
  let confidenceInterval: [number, number];
  if (alternative === "two-sided") {
    const z = normalQuantile(alpha / 2, false);
    confidenceInterval = [root(z), root(-z)];
  } else if (alternative === "greater") {
    confidenceInterval = [root(normalQuantile(alpha, false)), Number.POSITIVE_INFINITY];
  } else {
    confidenceInterval = [Number.NEGATIVE_INFINITY, root(normalQuantile(alpha))];
  }
  return { estimate, confidenceInterval, confLevel, method: "normal" };
}

/**
 * For the normal approximation: a function zq ↦ the shift d where z(d) − zq changes sign, z(d) the
 * corrected statistic of (x − d, y). z is a non-increasing step function of d, constant between
 * consecutive distinct pairwise differences, so the sign change sits at one of them; found by
 * bisection over the sorted differences, evaluating z at interval midpoints.
 */
function normalApproximationRoot(
  x: readonly number[],
  y: readonly number[],
  sortedDiffs: Float64Array,
  alternative: Alternative,
  correct: boolean,
): (zq: number) => number {
  const nx = x.length;
  const ny = y.length;
  const n = nx + ny;
  const distinct: number[] = [];
  for (const d of sortedDiffs)
    if (distinct.length === 0 || d !== distinct[distinct.length - 1]) distinct.push(d);
  const zAt = (d: number): number => {
    const { ranks, tieSizes } = midRanks([...x.map((v) => v - d), ...y]);
    let rankSumX = 0;
    for (let i = 0; i < nx; i++) rankSumX += ranks[i] as number;
    const centred = rankSumX - (nx * (nx + 1)) / 2 - (nx * ny) / 2;
    const sigma = Math.sqrt(((nx * ny) / 12) * (n + 1 - tieCorrection(tieSizes) / (n * (n - 1))));
    if (!(sigma > 0))
      throw new StatsInputError("hodgesLehmann: all values are tied; no interval can be computed");
    return (centred - continuityCorrection(centred, alternative, correct)) / sigma;
  };
  const lowest = distinct[0] as number;
  const highest = distinct[distinct.length - 1] as number;
  const zLowest = zAt(lowest);
  const zHighest = zAt(highest);
  return (zq: number): number => {
    if (zLowest - zq <= 0) return lowest;
    if (zHighest - zq >= 0) return highest;
    // Interval j = (distinct[j], distinct[j+1]), the last one (highest, ∞) where z − zq < 0 is known;
    // find the first interval with z − zq < 0: the crossing is its left end.
    let lo = 0;
    let hi = distinct.length - 1;
    while (lo < hi) {
      const j = (lo + hi) >> 1;
      const midpoint = ((distinct[j] as number) + (distinct[j + 1] as number)) / 2;
      if (zAt(midpoint) - zq < 0) hi = j;
      else lo = j + 1;
    }
    return distinct[lo] as number;
  };
}
