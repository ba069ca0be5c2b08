import { welchTTest } from "@uplift/stats";
import type { AnalysisData } from "../analysis-data.js";
import type { RobustnessEstimate } from "../analysis-report.js";
import { effectScale, intervalToReportScale, toReportScale } from "../effect-scale.js";
import { unitMeansByArm } from "../unit-means.js";
import { attempt } from "./attempt.js";

/**
 * Developer-level analysis: each unit's mean of the (log) outcome, then Welch's t test between arms.
 * Every developer weighs the same, however many PRs they have; with a log outcome the effect is the
 * ratio of the arms' geometric means of per-developer geometric means, minus 1.
 */
export function unitMeansWelch(data: AnalysisData, confLevel: number): RobustnessEstimate {
  const { logOutcome, outcome } = data.spec;
  const name = "unit_means_welch";
  const method = `Welch t test on per-${data.spec.unit} means of ${logOutcome ? `log(${outcome})` : outcome}`;
  return attempt(name, method, effectScale(logOutcome), () => {
    const { treatment, control } = unitMeansByArm(data, data.y);
    const t = welchTTest(treatment, control, { confLevel });
    return {
      estimate: toReportScale(logOutcome, t.estimate),
      ci: intervalToReportScale(logOutcome, t.confidenceInterval),
      p_value: t.pValue,
    };
  });
}
