import { formatAnalysisText, formatEffect, formatPValue } from "../analysis/analysis-text.js";
import type { StoredAnalysisReport } from "./analyze-stored.js";

/** The terminal rendering of a stored-metrics analysis: each metric, the family, the guardrails. */
export function formatStoredAnalysisText(report: StoredAnalysisReport): string {
  const lines: string[] = [
    `experiment ${report.experiment}: ${report.arms.treatment} vs ${report.arms.control}, metrics from the store`,
    `analysis period from ${report.window.analysis_from}${report.window.analysis_to ? ` to ${report.window.analysis_to}` : ""}; ${report.window.note}`,
  ];
  for (const m of report.metrics) {
    lines.push(
      "",
      `== ${m.metric} (${m.role}, ${m.grain === "record" ? "one row per record" : "one row per developer-week"}) ==`,
    );
    lines.push(formatAnalysisText(m, m.metric));
    lines.push(`  covariate: ${m.covariate}`);
    const left = Object.entries(m.left_out)
      .filter(([, n]) => n > 0)
      .map(([k, n]) => `${k} ${n}`);
    if (left.length) lines.push(`  left out before the analysis: ${left.join(", ")}`);
  }
  if (report.multiplicity.adjusted.length > 1) {
    lines.push("", `multiple testing across ${report.multiplicity.family.length} outcome metrics:`);
    for (const a of report.multiplicity.adjusted) {
      lines.push(
        `  ${a.metric.padEnd(28)} p ${formatPValue(a.p).padEnd(8)} Holm ${formatPValue(a.holm).padEnd(8)} BH ${formatPValue(a.bh)}`,
      );
    }
  }
  if (report.guardrails.length) {
    lines.push("", "guardrails (non-inferiority):");
    for (const g of report.guardrails) {
      lines.push(
        `  ${g.metric.padEnd(28)} margin ${formatEffect(g.margin, g.scale)}  estimate ${formatEffect(g.estimate, g.scale)} [${formatEffect(g.ci[0], g.scale)}, ${formatEffect(g.ci[1], g.scale)}]  ${g.verdict}`,
      );
    }
  }
  return lines.join("\n");
}
