import { formatEffect, formatPValue } from "../analysis/analysis-text.js";
import type { DidReport } from "./did-analysis.js";

/** The terminal rendering of `uplift experiment did`: labelled observational, CS first, TWFE beside it. */
export function formatDidText(report: DidReport, outcome: string): string {
  const { design, att, twfe } = report;
  const fmt = (v: number) => formatEffect(v, att.scale);
  const lines = [
    `OBSERVATIONAL (not randomized): difference-in-differences of ${outcome}`,
    `${design.units} units over ${design.periods.length} periods; cohorts ${design.cohorts.map((c) => `${c.first_treated} (${c.units})`).join(", ")}; ${design.never_treated} never treated; controls: ${design.control_group.replace(/_/g, "-")}`,
    "",
    `group-time ATT (Callaway & Sant'Anna): ${fmt(att.estimate)} [${fmt(att.ci[0])}, ${fmt(att.ci[1])}], p ${formatPValue(att.p_value)}`,
    `  ${att.method}`,
    `two-way fixed effects:                 ${fmt(twfe.estimate)} [${fmt(twfe.ci[0])}, ${fmt(twfe.ci[1])}], p ${formatPValue(twfe.p_value)}`,
    `  ${twfe.note}`,
    "",
    "event study (periods since treatment; negative = placebo before it):",
    ...report.event_study.map(
      (e) =>
        `  ${String(e.event_time).padStart(4)}  ${fmt(e.estimate).padStart(9)}  [${fmt(e.ci[0])}, ${fmt(e.ci[1])}]`,
    ),
    "",
    `pre-trends: ${report.pre_trends.cells} placebo cell(s)${report.pre_trends.largest_abs_z === null ? "" : `, largest |z| ${report.pre_trends.largest_abs_z.toFixed(2)}`}; ${report.pre_trends.note}`,
    ...report.warnings.map((w) => `warning: ${w}`),
  ];
  return lines.join("\n");
}
