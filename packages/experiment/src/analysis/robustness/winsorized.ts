import { quantiles, winsorize } from "@uplift/stats";
import type { AnalysisData } from "../analysis-data.js";
import type { RobustnessEstimate } from "../analysis-report.js";
import { clusteredArmEffect } from "../clustered-model.js";
import { effectScale, intervalToReportScale, toReportScale } from "../effect-scale.js";
import { attempt } from "./attempt.js";

/** Share winsorized on each side. */
export const WINSOR_SHARE = 0.05;

/**
 * The primary model on winsorized outcomes: every (log) outcome clamped to the 5th and 95th
 * percentiles of all analysed rows (pooled over arms, so the clamp cannot depend on the arm),
 * then the same OLS + CR2. Shows whether a few extreme PRs drive the primary estimate.
 */
export function winsorizedEffect(data: AnalysisData, confLevel: number): RobustnessEstimate {
  const { logOutcome, outcome } = data.spec;
  const name = "winsorized_means";
  const percent = Math.round(WINSOR_SHARE * 100);
  const method = `primary model on ${logOutcome ? `log(${outcome})` : outcome} winsorized at the pooled ${percent}th/${100 - percent}th percentiles`;
  return attempt(name, method, effectScale(logOutcome), () => {
    const clamped = winsorize(data.y, WINSOR_SHARE);
    const [low, high] = quantiles(data.y, [WINSOR_SHARE, 1 - WINSOR_SHARE]) as [number, number];
    const changed = data.y.reduce((n, v, i) => n + (v === clamped[i] ? 0 : 1), 0);
    const effect = clusteredArmEffect(data, clamped, confLevel);
    const bound = (v: number) => (logOutcome ? Math.exp(v) : v);
    return {
      estimate: toReportScale(logOutcome, effect.coefficient),
      ci: intervalToReportScale(logOutcome, effect.ci),
      p_value: effect.pValue,
      note: `${changed} of ${data.y.length} rows clamped to [${fmt(bound(low))}, ${fmt(bound(high))}] ${outcome}`,
    };
  });
}

function fmt(v: number): string {
  return Number(v.toPrecision(4)).toString();
}
