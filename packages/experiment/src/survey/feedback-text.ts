import { formatPValue } from "../analysis/analysis-text.js";
import type { TelemetryAnalysis } from "../telemetry/acceptance-analysis.js";
import type { SurveyAnalysis } from "./likert-analysis.js";

const pct = (v: number | null) => (v === null ? "—" : `${(v * 100).toFixed(1)} %`);
const pp = (v: number) => `${v >= 0 ? "+" : "−"}${Math.abs(v * 100).toFixed(1)} pp`;

/** The terminal rendering of a survey analysis. */
export function formatSurveyText(report: SurveyAnalysis): string {
  const { treatment, control } = report.arms;
  const lines = [`survey items, ${treatment} vs ${control} (${report.agreement}):`];
  for (const i of report.items) {
    lines.push(
      `  ${i.item.padEnd(24)} agree ${pct(i.treatment.agree_share)} vs ${pct(i.control.agree_share)} (${pp(i.agree_difference.estimate)} [${pp(i.agree_difference.ci[0])}, ${pp(i.agree_difference.ci[1])}])  median ${i.treatment.median} vs ${i.control.median}  Mann–Whitney p ${formatPValue(i.mann_whitney?.p_value ?? null)}, Holm ${formatPValue(i.holm_p_value)}  (n ${i.treatment.n}/${i.control.n})`,
    );
  }
  for (const w of report.warnings) lines.push(`warning: ${w}`);
  return lines.join("\n");
}

/** The terminal rendering of a telemetry analysis. */
export function formatTelemetryText(report: TelemetryAnalysis): string {
  const lines = [`assistant telemetry — ${report.definition}`];
  for (const a of report.arms) {
    lines.push(
      `  ${a.arm.padEnd(12)} acceptance ${pct(a.acceptance_rate)}${a.acceptance_ci ? ` [${pct(a.acceptance_ci[0])}, ${pct(a.acceptance_ci[1])}]` : ""}  (${a.accepted} of ${a.shown} shown; ${a.developers_active} active developer(s)${a.developers_assigned === null ? "" : ` of ${a.developers_assigned}`})`,
    );
  }
  if (report.difference) {
    lines.push(
      `  difference ${pp(report.difference.estimate)} [${pp(report.difference.ci[0])}, ${pp(report.difference.ci[1])}] (${report.difference.method})`,
    );
  }
  lines.push(`  ${report.weekly.length} arm-week(s) of adoption and acceptance in the JSON (weekly)`);
  for (const w of report.warnings) lines.push(`warning: ${w}`);
  return lines.join("\n");
}
