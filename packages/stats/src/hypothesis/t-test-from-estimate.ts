import { studentTCdf, studentTQuantile } from "../distributions/student-t.js";
import { StatsInputError } from "../errors.js";
import { assertOpenProbability } from "../input-checks.js";

/** Direction of the alternative hypothesis, as R's `alternative` ("two.sided", "less", "greater"). */
export type Alternative = "two-sided" | "less" | "greater";

export interface TTestOptions {
  /** Value of the parameter under H₀ (e.g. a non-inferiority margin). Default 0. */
  nullValue?: number;
  alternative?: Alternative;
  /** Confidence level of the interval. Default 0.95. */
  confLevel?: number;
}

/** A t-based test of one parameter with its confidence interval. */
export interface TTestResult {
  estimate: number;
  standardError: number;
  /** (estimate − nullValue)/standardError. */
  statistic: number;
  df: number;
  pValue: number;
  /** [lower, upper]; one side is ±Infinity for a one-sided alternative. */
  confidenceInterval: [number, number];
}

/**
 * t test of a parameter from its estimate, standard error and degrees of freedom: the statistic
 * (θ̂ − θ₀)/se against Student's t(df), and the interval θ̂ ± t_{1−α/2, df}·se (one-sided: θ̂ ∓ t_{1−α, df}·se).
 * Use with a cluster-robust standard error and G − 1 (CR1) or Satterthwaite (CR2) degrees of freedom.
 */
export function tTestFromEstimate(
  estimate: number,
  standardError: number,
  df: number,
  options: TTestOptions = {},
): TTestResult {
  const { nullValue = 0, alternative = "two-sided", confLevel = 0.95 } = options;
  assertOpenProbability(confLevel, "confLevel");
  if (!(standardError > 0)) throw new StatsInputError(`standard error must be > 0, got ${standardError}`);
  if (!(df > 0)) throw new StatsInputError(`degrees of freedom must be > 0, got ${df}`);
  const statistic = (estimate - nullValue) / standardError;
  const alpha = 1 - confLevel;
  let pValue: number;
  let confidenceInterval: [number, number];
  if (alternative === "less") {
    pValue = studentTCdf(statistic, df);
    confidenceInterval = [
      Number.NEGATIVE_INFINITY,
      estimate + studentTQuantile(alpha, df, false) * standardError,
    ];
  } else if (alternative === "greater") {
    pValue = studentTCdf(statistic, df, false);
    confidenceInterval = [
      estimate - studentTQuantile(alpha, df, false) * standardError,
      Number.POSITIVE_INFINITY,
    ];
  } else {
    pValue = Math.min(1, 2 * studentTCdf(-Math.abs(statistic), df));
    const half = studentTQuantile(alpha / 2, df, false) * standardError;
    confidenceInterval = [estimate - half, estimate + half];
  }
  return { estimate, standardError, statistic, df, pValue, confidenceInterval };
}
