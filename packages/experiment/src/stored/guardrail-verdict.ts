import type { AnalysisReport } from "../analysis/analysis-report.js";

/** One row of the guardrail table (metric, margin, estimate, CI, verdict). */
export interface GuardrailRow {
  metric: string;
  /** The margin on the effect's scale, signed towards "worse" (relative with a log outcome). */
  margin: number;
  /** The margin as given (relative to control), before any conversion to the absolute scale. */
  margin_relative: number;
  direction: "lower is better" | "higher is better";
  scale: "relative" | "absolute";
  estimate: number;
  ci: [number, number];
  /** One-sided p-value of "worse by the margin or more". */
  p_value: number;
  verdict: GuardrailVerdict;
}

/**
 * non-inferior: worsening by the margin is ruled out (the worse end of the interval is inside it);
 * worse: the whole interval lies beyond the margin (a worsening larger than the margin);
 * inconclusive: the interval straddles the margin. Piaggio et al. 2012, JAMA 308:2594 (CONSORT
 * extension for non-inferiority trials), Figure 1.
 */
export type GuardrailVerdict = "non-inferior" | "inconclusive" | "worse";

/** The guardrail verdict of an analysis run with a non-inferiority margin; undefined without one. */
export function guardrailRow(
  metric: string,
  report: AnalysisReport,
  marginRelative: number,
): GuardrailRow | undefined {
  const ni = report.checks.non_inferiority;
  if (!ni) return undefined;
  const { effect } = report;
  const higher = ni.direction === "higher is better";
  // better end of the two-sided interval: beyond the margin means even the best case is worse
  const betterEnd = higher ? effect.ci[1] : effect.ci[0];
  const worse = higher ? betterEnd < ni.margin : betterEnd > ni.margin;
  return {
    metric,
    margin: ni.margin,
    margin_relative: marginRelative,
    direction: ni.direction,
    scale: effect.scale,
    estimate: effect.estimate,
    ci: effect.ci,
    p_value: ni.p_value,
    verdict: ni.non_inferior ? "non-inferior" : worse ? "worse" : "inconclusive",
  };
}
