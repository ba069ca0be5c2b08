import { mean, variance } from "../descriptive/moments.js";
import { StatsInputError } from "../errors.js";
import { assertFiniteArray } from "../input-checks.js";
import { type TTestOptions, type TTestResult, tTestFromEstimate } from "./t-test-from-estimate.js";

export interface WelchTTestResult extends TTestResult {
  meanX: number;
  meanY: number;
}

/**
 * Welch's two-sample t test of mean(x) − mean(y) against `nullValue` (unequal variances):
 * se = √(s²ₓ/nₓ + s²ᵧ/nᵧ), Welch–Satterthwaite df = se⁴ / [(s²ₓ/nₓ)²/(nₓ−1) + (s²ᵧ/nᵧ)²/(nᵧ−1)]
 * (Welch 1947, Biometrika 34:28–35; Satterthwaite 1946). Same numbers as R's `t.test(x, y)`.
 * A non-inferiority test of "treatment is not worse than control by more than δ" on a
 * lower-is-better metric is `welchTTest(treatment, control, { nullValue: δ, alternative: "less" })`.
 */
export function welchTTest(
  x: readonly number[],
  y: readonly number[],
  options: TTestOptions = {},
): WelchTTestResult {
  assertFiniteArray(x, "welchTTest: x", 2);
  assertFiniteArray(y, "welchTTest: y", 2);
  const meanX = mean(x);
  const meanY = mean(y);
  const vx = variance(x) / x.length;
  const vy = variance(y) / y.length;
  const se2 = vx + vy;
  if (!(se2 > 0)) throw new StatsInputError("welchTTest: both samples are constant, the standard error is 0");
  const df = (se2 * se2) / ((vx * vx) / (x.length - 1) + (vy * vy) / (y.length - 1));
  return { ...tTestFromEstimate(meanX - meanY, Math.sqrt(se2), df, options), meanX, meanY };
}
