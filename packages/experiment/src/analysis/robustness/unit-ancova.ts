import { heteroskedasticCovariance, ols, tTestFromEstimate } from "@uplift/stats";
import type { AnalysisData } from "../analysis-data.js";
import type { RobustnessEstimate } from "../analysis-report.js";
import { effectScale, intervalToReportScale, toReportScale } from "../effect-scale.js";
import { unitMeansByArm } from "../unit-means.js";
import { attempt } from "./attempt.js";

/**
 * Developer-level ANCOVA: each unit's mean (log) outcome on the arm and the unit's mean covariate,
 * one row per developer, HC2 standard error with n − k df (sandwich::vcovHC(type = "HC2")). Every
 * developer weighs the same, like the Welch entry, but with the covariate's variance reduction —
 * with a strong developer effect and unequal PR counts it is the most precise entry.
 * Only with a covariate (without one it is the Welch comparison).
 */
export function unitMeansAncova(data: AnalysisData, confLevel: number): RobustnessEstimate | undefined {
  const { covariate, spec } = data;
  if (!covariate || !spec.covariate) return undefined;
  const { logOutcome, outcome, unit } = spec;
  const name = "unit_means_ancova";
  const covariateName = spec.logCovariate ? `log(${spec.covariate})` : spec.covariate;
  const method = `OLS of per-${unit} means of ${logOutcome ? `log(${outcome})` : outcome} on arm + mean ${covariateName}, HC2 standard error`;
  return attempt(name, method, effectScale(logOutcome), () => {
    const y = unitMeansByArm(data, data.y);
    const c = unitMeansByArm(data, covariate);
    const response = [...y.treatment, ...y.control];
    const x = [...c.treatment.map((v) => [1, 1, v]), ...c.control.map((v) => [1, 0, v])];
    const fit = ols(response, x, ["(intercept)", "arm", covariateName]);
    const se = Math.sqrt(heteroskedasticCovariance(x, fit, "HC2")[1]?.[1] as number);
    const t = tTestFromEstimate(fit.coefficients[1] as number, se, fit.dfResidual, { confLevel });
    return {
      estimate: toReportScale(logOutcome, t.estimate),
      ci: intervalToReportScale(logOutcome, t.confidenceInterval),
      p_value: t.pValue,
    };
  });
}
