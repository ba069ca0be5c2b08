import { normalCdf } from "../distributions/normal.js";
import { StatsInputError } from "../errors.js";
import { assertFiniteArray } from "../input-checks.js";
import { midRanks, tieCorrection } from "./ranks.js";
import type { Alternative } from "./t-test-from-estimate.js";
import { wilcoxonCdf, wilcoxonSf } from "./wilcoxon-distribution.js";

export interface MannWhitneyOptions {
  alternative?: Alternative;
  /** Location shift under H₀: tests x − nullValue against y. Default 0. */
  nullValue?: number;
  /** Continuity correction of the normal approximation. Default true. */
  correct?: boolean;
  /** Exact null distribution; default: when both samples have < 50 values and there are no ties. Ignored with ties. */
  exact?: boolean;
}

export interface MannWhitneyResult {
  /** W = Σ ranks of x − nₓ(nₓ+1)/2, the number of pairs with x > y (ties count ½); R's "W". */
  statistic: number;
  pValue: number;
  method: "exact" | "normal";
  /** Standardized statistic of the normal approximation (NaN for the exact method). */
  z: number;
}

/** Continuity correction of R's wilcox.test for a centred statistic. */
export function continuityCorrection(centred: number, alternative: Alternative, correct: boolean): number {
  if (!correct) return 0;
  if (alternative === "two-sided") return Math.sign(centred) * 0.5;
  return alternative === "greater" ? 0.5 : -0.5;
}

/**
 * Wilcoxon rank-sum / Mann–Whitney U test (Mann & Whitney 1947). Exact p-value from the null
 * distribution of W for small samples without ties; otherwise the normal approximation with the
 * tie-corrected variance nₓnᵧ/12·[(N+1) − Σ(t³−t)/(N(N−1))] and continuity correction.
 * Same numbers as R's `wilcox.test(x, y, exact = …, correct = …)`.
 */
export function mannWhitneyU(
  x: readonly number[],
  y: readonly number[],
  options: MannWhitneyOptions = {},
): MannWhitneyResult {
  assertFiniteArray(x, "mannWhitneyU: x");
  assertFiniteArray(y, "mannWhitneyU: y");
  const { alternative = "two-sided", nullValue = 0, correct = true } = options;
  const nx = x.length;
  const ny = y.length;
  const { ranks, tieSizes } = midRanks([...x.map((v) => v - nullValue), ...y]);
  let rankSumX = 0;
  for (let i = 0; i < nx; i++) rankSumX += ranks[i] as number;
  const statistic = rankSumX - (nx * (nx + 1)) / 2;
  const hasTies = tieSizes.length !== nx + ny;
  const exact = (options.exact ?? (nx < 50 && ny < 50)) && !hasTies;
  if (exact) {
    let pValue: number;
    if (alternative === "greater") pValue = wilcoxonSf(statistic - 1, nx, ny);
    else if (alternative === "less") pValue = wilcoxonCdf(statistic, nx, ny);
    else {
      const p =
        statistic > (nx * ny) / 2 ? wilcoxonSf(statistic - 1, nx, ny) : wilcoxonCdf(statistic, nx, ny);
      pValue = Math.min(2 * p, 1);
    }
    return { statistic, pValue, method: "exact", z: Number.NaN };
  }
  const n = nx + ny;
  const sigma = Math.sqrt(((nx * ny) / 12) * (n + 1 - tieCorrection(tieSizes) / (n * (n - 1))));
  if (!(sigma > 0)) throw new StatsInputError("mannWhitneyU: all values are tied; the test is undefined");
  const centred = statistic - (nx * ny) / 2;
  const z = (centred - continuityCorrection(centred, alternative, correct)) / sigma;
  let pValue: number;
  if (alternative === "less") pValue = normalCdf(z);
  else if (alternative === "greater") pValue = normalCdf(z, false);
  else pValue = 2 * Math.min(normalCdf(z), normalCdf(z, false));
  return { statistic, pValue, method: "normal", z };
}
