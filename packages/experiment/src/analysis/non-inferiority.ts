import { InputError } from "@uplift/core";
import { tTestFromEstimate } from "@uplift/stats";
import type { NonInferiority, PrimaryEffect } from "./analysis-report.js";
import { toReportScale } from "./effect-scale.js";

/**
 * Non-inferiority of a guardrail metric from the primary estimate: with margin M (relative for a
 * log outcome, in outcome units otherwise) and lower-is-better, H₀: effect ≥ M against H₁: effect < M
 * by the one-sided CR2 t test on the model scale (log(1 + M) for a log outcome) at level
 * (1 − conf_level)/2 — the same as "the worse end of the two-sided interval lies inside the margin".
 * Higher-is-better mirrors it at −M.
 */
export function nonInferiority(
  effect: PrimaryEffect,
  margin: number,
  higherIsBetter: boolean,
  logOutcome: boolean,
): NonInferiority {
  if (!(margin > 0) || (logOutcome && margin >= 1 && higherIsBetter)) {
    throw new InputError(
      `--non-inferiority-margin ${margin}: expected a positive margin${logOutcome ? " (relative, e.g. 0.05 for 5 %; below 1 when higher is better)" : ""}`,
    );
  }
  const signed = higherIsBetter ? -margin : margin;
  const nullValue = logOutcome ? Math.log1p(signed) : signed;
  const level = 1 - (1 - effect.conf_level) / 2;
  const test = tTestFromEstimate(effect.coefficient, effect.std_error, effect.df, {
    nullValue,
    alternative: higherIsBetter ? "greater" : "less",
    confLevel: level,
  });
  const bound = higherIsBetter ? test.confidenceInterval[0] : test.confidenceInterval[1];
  return {
    margin: signed,
    direction: higherIsBetter ? "higher is better" : "lower is better",
    p_value: test.pValue,
    bound: toReportScale(logOutcome, bound),
    non_inferior: test.pValue < 1 - level,
  };
}
