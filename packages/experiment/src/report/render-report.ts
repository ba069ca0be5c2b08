import type { AnalysisRecord } from "../analysis/analysis-record.js";
import { formatEffect, formatPValue } from "../analysis/analysis-text.js";
import type { ExperimentDesign } from "../design/design-experiment.js";
import type { StoredAssignment, StoredExperiment } from "../design/experiment-repository.js";
import { guardrailRow } from "../stored/guardrail-verdict.js";
import type { SurveyAnalysis } from "../survey/likert-analysis.js";
import type { TelemetryAnalysis } from "../telemetry/acceptance-analysis.js";
import { surveySection, telemetrySection } from "./feedback-sections.js";
import { escapeHtml, fmt, htmlTable } from "./html.js";
import { multiplicity, summarySentences } from "./report-summary.js";
import { forestPlot, stripPlot, trendChart } from "./svg-charts.js";

export interface ReportInput {
  experiment: StoredExperiment;
  design: Omit<ExperimentDesign, "assignments">;
  assignments: readonly StoredAssignment[];
  analyses: readonly AnalysisRecord[];
  generatedAt: Date;
  /** Saved survey and telemetry analyses (`analyze --kind survey|telemetry --save`). */
  survey?: SurveyAnalysis | undefined;
  telemetry?: TelemetryAnalysis | undefined;
}

const STYLE = `
body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;color:#111827;max-width:980px;margin:2rem auto;padding:0 1rem}
h1{font-size:1.6rem}h2{margin-top:2.2rem;border-bottom:1px solid #e5e7eb}h3{margin-bottom:.3rem}
table{border-collapse:collapse;margin:.6rem 0;font-size:.9rem}th,td{border-bottom:1px solid #e5e7eb;padding:.25rem .6rem;text-align:left}
th{background:#f9fafb}td{white-space:nowrap}td:last-child{white-space:normal}
.summary li{margin:.35rem 0}.warn{color:#b45309}.muted{color:#6b7280;font-size:.85rem}
svg{display:block;margin:.5rem 0;font-size:11px;fill:#374151}svg .grid{stroke:#e5e7eb}svg .zero{stroke:#6b7280;stroke-dasharray:4 3}svg .ramp{fill:#fde68a;fill-opacity:.45}
`;

const DAY_MS = 86_400_000;

function designSection(input: ReportInput): string {
  const { experiment, design, assignments } = input;
  const counts = experiment.arms.map(
    (arm) => [arm, assignments.filter((a) => a.arm === arm).length] as const,
  );
  const late = assignments.filter((a) => a.batch > 0).length;
  const left = assignments.filter((a) => a.leftAt !== null).length;
  const rampEnd = new Date(experiment.startsAt.getTime() + experiment.rampUpDays * DAY_MS);
  const balance = htmlTable(
    ["column", ...experiment.arms.map((a) => `mean ${a}`), "SMD", "missing"],
    design.balance.map((b) => [
      escapeHtml(b.column),
      ...experiment.arms.map((a) => escapeHtml(fmt(b.means[a] ?? null))),
      b.smd === null
        ? "—"
        : `${escapeHtml(b.smd.toFixed(3))}${Math.abs(b.smd) > 0.1 ? ' <span class="warn">imbalanced</span>' : ""}`,
      escapeHtml(b.missing),
    ]),
  );
  const strata = htmlTable(
    ["stratum", "units", ...experiment.arms],
    design.strata.map((s) => [
      escapeHtml(s.stratum),
      escapeHtml(s.units),
      ...experiment.arms.map((a) => escapeHtml(s.counts[a] ?? 0)),
    ]),
  );
  return `<h2>Design</h2>
<p>${escapeHtml(assignments.length)} developers randomized (seed ${escapeHtml(experiment.seed)}), stratified by ${escapeHtml(experiment.stratify.map((v) => (v.quantiles ? `${v.column} (${v.quantiles} quantile groups)` : v.column)).join(", ") || "nothing")}:
${counts.map(([arm, n]) => `${escapeHtml(n)} ${escapeHtml(arm)}`).join(", ")}.
${design.rerandomization.draws > 1 ? `Re-randomized: the best of ${escapeHtml(design.rerandomization.draws)} draws by max |SMD| (${escapeHtml(design.max_abs_smd.toFixed(3))}).` : ""}
Start ${escapeHtml(experiment.startsAt.toISOString().slice(0, 10))}; the ${escapeHtml(experiment.rampUpDays)}-day ramp-up (to ${escapeHtml(rampEnd.toISOString().slice(0, 10))}) is excluded from analyses run with <code>--experiment</code>.
${late} joined late (assigned with the same seed stream, stratified); ${left} left and are kept in their arm (intention to treat).</p>
<h3>Balance at assignment</h3>${balance}
<details><summary>Strata (${escapeHtml(design.strata.length)})</summary>${strata}</details>`;
}

function effectsSection(analyses: readonly AnalysisRecord[]): string {
  if (analyses.length === 0) {
    return `<h2>Effects</h2><p>No analysis saved yet: run <code>uplift experiment analyze … --experiment NAME --save</code> for each metric.</p>`;
  }
  const adjusted = new Map(multiplicity(analyses).map((m) => [m.metric, m]));
  const relative = analyses.filter((a) => a.report.effect.scale === "relative");
  const forest = forestPlot(
    relative.map((a) => ({
      label: a.metric,
      estimate: a.report.effect.estimate,
      ci: a.report.effect.ci,
      guardrail: a.role === "guardrail",
    })),
  );
  const rows = analyses.map((a) => {
    const e = a.report.effect;
    const m = adjusted.get(a.metric);
    return [
      `${escapeHtml(a.metric)}${a.role === "guardrail" ? ' <span class="muted">(guardrail)</span>' : ""}`,
      escapeHtml(formatEffect(e.estimate, e.scale)),
      escapeHtml(`${formatEffect(e.ci[0], e.scale)} to ${formatEffect(e.ci[1], e.scale)}`),
      escapeHtml(formatPValue(e.p_value)),
      escapeHtml(m ? formatPValue(m.holm) : "—"),
      escapeHtml(m ? formatPValue(m.bh) : "—"),
      escapeHtml(`${a.report.n.treatment.units}/${a.report.n.control.units}`),
    ];
  });
  const guardrails = analyses.flatMap((a) => {
    const ni = a.report.checks.non_inferiority;
    const row = ni ? guardrailRow(a.metric, a.report, Math.abs(ni.margin)) : undefined;
    return row ? [row] : [];
  });
  const verdictCell = (verdict: string) =>
    verdict === "non-inferior" ? "non-inferior" : `<span class="warn">${escapeHtml(verdict)}</span>`;
  const guardrailTable = guardrails.length
    ? `<h3>Guardrails (non-inferiority)</h3>${htmlTable(
        ["metric", "margin", "estimate", "interval", "p (worse by margin)", "verdict"],
        guardrails.map((g) => [
          escapeHtml(g.metric),
          escapeHtml(formatEffect(g.margin, g.scale)),
          escapeHtml(formatEffect(g.estimate, g.scale)),
          escapeHtml(`${formatEffect(g.ci[0], g.scale)} to ${formatEffect(g.ci[1], g.scale)}`),
          escapeHtml(formatPValue(g.p_value)),
          verdictCell(g.verdict),
        ]),
      )}<p class="muted">non-inferior: a worsening by the margin is ruled out; worse: the whole interval lies beyond the margin; inconclusive: the interval straddles it (CONSORT non-inferiority, Piaggio et al. 2012).</p>`
    : "";
  return `<h2>Effects</h2>
${forest ? `<p class="muted">Relative effects (treatment vs control) with ${escapeHtml(Math.round((relative[0]?.report.effect.conf_level ?? 0.95) * 100))} % intervals; guardrails in purple.</p>${forest}` : ""}
${htmlTable(["metric", "effect", "interval", "p", `Holm p (${adjusted.size} metrics)`, "BH q", "developers T/C"], rows)}
<p class="muted">Primary estimate per metric: OLS of the (log) outcome on the arm (+ pre-period covariate), errors clustered by developer (CR2, Satterthwaite df). Holm controls the chance of any false positive across the outcome metrics; Benjamini–Hochberg the expected share of false discoveries. Guardrails are tested for non-inferiority and left out of the family.</p>
${guardrailTable}`;
}

function metricSection(a: AnalysisRecord, input: ReportInput): string {
  const { report } = a;
  const { experiment } = input;
  const rampUp = {
    from: experiment.startsAt.toISOString().slice(0, 10),
    to: new Date(experiment.startsAt.getTime() + experiment.rampUpDays * DAY_MS).toISOString().slice(0, 10),
  };
  const robustness = htmlTable(
    ["estimator", "effect", "interval", "p", "note"],
    report.robustness.map((r) => [
      escapeHtml(r.name),
      escapeHtml(r.estimate === null ? "—" : formatEffect(r.estimate, r.scale)),
      escapeHtml(
        r.ci === null ? "—" : `${formatEffect(r.ci[0], r.scale)} to ${formatEffect(r.ci[1], r.scale)}`,
      ),
      escapeHtml(formatPValue(r.p_value)),
      `<span class="muted">${escapeHtml(r.note ?? r.method)}</span>`,
    ]),
  );
  const checks = report.checks;
  const warnings = checks.warnings.length
    ? `<ul>${checks.warnings.map((w) => `<li class="warn">${escapeHtml(w)}</li>`).join("")}</ul>`
    : "";
  const trend = trendChart(a.weekly, rampUp);
  const subgroups = (report.heterogeneity ?? [])
    .map(
      (h) =>
        `<p>Effects by ${escapeHtml(h.by)}${
          h.omnibus
            ? ` — same effect in every ${escapeHtml(h.by)}? F(${escapeHtml(h.omnibus.df1)}, ${escapeHtml(h.omnibus.df2)}) = ${escapeHtml(h.omnibus.f_statistic.toFixed(2))}, p ${escapeHtml(formatPValue(h.omnibus.p_value))}${h.omnibus.p_value < 0.05 ? " (the effect differs)" : " (no evidence that it differs: read the rows as exploratory)"}`
            : ""
        }:</p>${htmlTable(
          [h.by, "effect", "interval", "p", "Holm p", "developers T/C"],
          h.subgroups.map((g) => [
            escapeHtml(g.value),
            escapeHtml(formatEffect(g.estimate, g.scale)),
            escapeHtml(`${formatEffect(g.ci[0], g.scale)} to ${formatEffect(g.ci[1], g.scale)}`),
            escapeHtml(formatPValue(g.p_value)),
            escapeHtml(formatPValue(g.holm_p_value)),
            escapeHtml(`${g.units.treatment}/${g.units.control}`),
          ]),
        )}`,
    )
    .join("\n");
  return `<h3>${escapeHtml(a.metric)}</h3>
<p class="muted">${escapeHtml(report.effect.method)}. ${escapeHtml(report.n.rows)} rows from ${escapeHtml(report.n.units)} developers; sample ratio p = ${escapeHtml(formatPValue(checks.srm_p_value))}${checks.srm_flag ? ' <span class="warn">(mismatch)</span>' : ""}${checks.analysis_period ? `; ${escapeHtml(checks.analysis_period.note)}` : ""}.</p>
${warnings}
<p>Per-developer ${escapeHtml(report.effect.scale === "relative" ? "geometric means" : "means")} by arm (bar: median):</p>
${stripPlot(a.unitMeans, report.effect.scale === "relative")}
${trend ? `<p>Weekly ${escapeHtml(report.effect.scale === "relative" ? "geometric mean" : "mean")} by arm (shaded: ramp-up):</p>${trend}` : ""}
${subgroups}
${robustness}`;
}

/**
 * The experiment report: one self-contained HTML file (inline CSS and SVG, no script, nothing
 * fetched at view time) with the plain-language summary, the design and balance, the effects
 * across metrics (forest plot, Holm/BH), guardrails, per-developer distributions, weekly trends
 * with the ramp-up shaded, and each metric's robustness block.
 */
export function renderExperimentReport(input: ReportInput): string {
  const { experiment, analyses } = input;
  const summary = summarySentences(analyses);
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Experiment ${escapeHtml(experiment.name)}</title><style>${STYLE}</style></head>
<body>
<h1>Experiment ${escapeHtml(experiment.name)}: ${escapeHtml(experiment.arms.join(" vs "))}</h1>
<p class="muted">Generated ${escapeHtml(input.generatedAt.toISOString())} by uplift experiment report.</p>
<h2>Summary</h2>
${summary.length ? `<ul class="summary">${summary.map((s) => `<li>${escapeHtml(s)}</li>`).join("")}</ul>` : "<p>No metric analysed yet.</p>"}
${designSection(input)}
${effectsSection(analyses)}
${analyses.length ? `<h2>Per metric</h2>${analyses.map((a) => metricSection(a, input)).join("\n")}` : ""}
${surveySection(input.survey)}
${telemetrySection(input.telemetry)}
</body></html>
`;
}
