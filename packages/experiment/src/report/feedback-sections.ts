import { formatPValue } from "../analysis/analysis-text.js";
import type { SurveyAnalysis } from "../survey/likert-analysis.js";
import type { TelemetryAnalysis } from "../telemetry/acceptance-analysis.js";
import { escapeHtml, htmlTable } from "./html.js";

const pct = (v: number | null) => (v === null ? "—" : `${(v * 100).toFixed(1)} %`);
const pp = (v: number) => `${v >= 0 ? "+" : "−"}${Math.abs(v * 100).toFixed(1)} pp`;

/** The report's survey section: per item, agreement by arm, its difference, medians, the rank test. */
export function surveySection(survey: SurveyAnalysis | undefined): string {
  if (!survey) return "";
  const { treatment, control } = survey.arms;
  const rows = survey.items.map((i) => [
    escapeHtml(i.item),
    escapeHtml(`${pct(i.treatment.agree_share)} (${i.treatment.agree}/${i.treatment.n})`),
    escapeHtml(`${pct(i.control.agree_share)} (${i.control.agree}/${i.control.n})`),
    escapeHtml(
      `${pp(i.agree_difference.estimate)} (${pp(i.agree_difference.ci[0])} to ${pp(i.agree_difference.ci[1])})`,
    ),
    escapeHtml(`${i.treatment.median} / ${i.control.median}`),
    escapeHtml(formatPValue(i.mann_whitney?.p_value ?? null)),
    escapeHtml(formatPValue(i.holm_p_value)),
  ]);
  return `<h2>Surveys</h2>
<p class="muted">Likert items read as ordinal; ${escapeHtml(survey.agreement)}. ${escapeHtml(survey.method)}. Respondents knew their arm: this is perceived change, to read beside the measured effects above.</p>
${htmlTable(["item", `agree ${treatment}`, `agree ${control}`, "difference (interval)", "medians T / C", "Mann–Whitney p", "Holm p"], rows)}
${survey.warnings.length ? `<ul>${survey.warnings.map((w) => `<li class="muted">${escapeHtml(w)}</li>`).join("")}</ul>` : ""}`;
}

/** The report's telemetry section: acceptance and adoption by arm, the definition stated. */
export function telemetrySection(telemetry: TelemetryAnalysis | undefined): string {
  if (!telemetry) return "";
  const arms = telemetry.arms.map((a) => [
    escapeHtml(a.arm),
    escapeHtml(
      `${a.developers_active}${a.developers_assigned === null ? "" : ` of ${a.developers_assigned}`}`,
    ),
    escapeHtml(`${a.accepted} / ${a.shown}`),
    escapeHtml(
      a.acceptance_ci
        ? `${pct(a.acceptance_rate)} (${pct(a.acceptance_ci[0])} to ${pct(a.acceptance_ci[1])})`
        : pct(a.acceptance_rate),
    ),
    escapeHtml(pct(a.mean_developer_rate)),
  ]);
  const weekly = telemetry.weekly.map((w) => [
    escapeHtml(w.week),
    escapeHtml(w.arm),
    escapeHtml(w.active_developers),
    escapeHtml(pct(w.adoption)),
    escapeHtml(pct(w.acceptance_rate)),
  ]);
  return `<h2>Assistant telemetry</h2>
<p class="muted">${escapeHtml(telemetry.definition)}.</p>
${htmlTable(["arm", "active developers", "accepted / shown", "acceptance (interval)", "mean of developers' rates"], arms)}
${telemetry.difference ? `<p>Difference in acceptance: ${escapeHtml(pp(telemetry.difference.estimate))} (${escapeHtml(pp(telemetry.difference.ci[0]))} to ${escapeHtml(pp(telemetry.difference.ci[1]))}).</p>` : ""}
${telemetry.warnings.length ? `<ul>${telemetry.warnings.map((w) => `<li class="muted">${escapeHtml(w)}</li>`).join("")}</ul>` : ""}
<p>Adoption and acceptance by week:</p>
${htmlTable(["week", "arm", "active developers", "adoption (active / assigned)", "acceptance"], weekly)}`;
}
