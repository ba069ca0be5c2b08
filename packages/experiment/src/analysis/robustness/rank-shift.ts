import { hodgesLehmann, mannWhitneyU } from "@uplift/stats";
import type { AnalysisData } from "../analysis-data.js";
import type { RobustnessEstimate } from "../analysis-report.js";
import { effectScale, intervalToReportScale, toReportScale } from "../effect-scale.js";
import { unitMeansByArm } from "../unit-means.js";
import { attempt } from "./attempt.js";

/**
 * Rank-based developer-level analysis: Mann–Whitney U test on per-unit means (p-value) and the
 * Hodges–Lehmann shift with its Wilcoxon-inverted interval (estimate and CI), as R's
 * `wilcox.test(conf.int = TRUE)`. Insensitive to a few extreme developers.
 */
export function rankShift(data: AnalysisData, confLevel: number): RobustnessEstimate {
  const { logOutcome, outcome, unit } = data.spec;
  const name = "mann_whitney_hodges_lehmann";
  const method = `Mann–Whitney U and Hodges–Lehmann shift on per-${unit} means of ${logOutcome ? `log(${outcome})` : outcome}`;
  return attempt(name, method, effectScale(logOutcome), () => {
    const { treatment, control } = unitMeansByArm(data, data.y);
    const test = mannWhitneyU(treatment, control);
    const shift = hodgesLehmann(treatment, control, { confLevel });
    return {
      estimate: toReportScale(logOutcome, shift.estimate),
      ci: intervalToReportScale(logOutcome, shift.confidenceInterval),
      p_value: test.pValue,
      note: `${test.method} p-value and interval${shift.confLevel < confLevel ? `; achieved confidence ${shift.confLevel.toFixed(3)}` : ""}`,
    };
  });
}
