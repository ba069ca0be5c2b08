import { InputError } from "@uplift/core";
import { mean, normalQuantile, standardDeviation, studentTQuantile } from "@uplift/stats";

/**
 * n positive values whose sample mean and standard deviation are exactly `mean` and `sd`, with a
 * right-skewed (log-normal) shape: the log-normal quantiles at (i − ½)/n, shifted and scaled to
 * the moments. Deterministic — no random draws — so a published study's summary statistics give
 * the same data every time. Throws when the moments would need a non-positive value.
 */
export function summaryMatchedSample(n: number, targetMean: number, targetSd: number, logSd = 0.6): number[] {
  if (!(Number.isInteger(n) && n >= 3))
    throw new InputError(`summaryMatchedSample: n must be an integer ≥ 3, got ${n}`);
  if (!(targetMean > 0 && targetSd > 0))
    throw new InputError("summaryMatchedSample: mean and sd must be positive");
  const shape = Array.from({ length: n }, (_, i) => Math.exp(logSd * normalQuantile((i + 0.5) / n)));
  const m = mean(shape);
  const s = standardDeviation(shape);
  const values = shape.map((v) => targetMean + (targetSd * (v - m)) / s);
  if (values.some((v) => !(v > 0))) {
    throw new InputError(
      `summaryMatchedSample: mean ${targetMean} with sd ${targetSd} needs more skew than log-sd ${logSd} allows (a value ≤ 0); raise logSd`,
    );
  }
  return values;
}

/**
 * The standard error of a two-sample difference implied by a published two-sided p-value of the
 * pooled t test with n₁ + n₂ − 2 df: SE = |difference| / t_{1 − p/2}. Used to recover arm standard
 * deviations a paper does not report.
 */
export function standardErrorFromP(difference: number, pValue: number, df: number): number {
  return Math.abs(difference) / studentTQuantile(1 - pValue / 2, df);
}
