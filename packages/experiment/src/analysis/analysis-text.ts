import type { AnalysisReport, EffectScale } from "./analysis-report.js";

/** A number on an effect's scale: "−14.2 %" for relative, "−3.18" for absolute. */
export function formatEffect(value: number, scale: EffectScale): string {
  if (scale === "relative") return `${value >= 0 ? "+" : "−"}${Math.abs(value * 100).toFixed(1)} %`;
  return `${value >= 0 ? "+" : "−"}${Number(Math.abs(value).toPrecision(3))}`;
}

export function formatPValue(p: number | null): string {
  if (p === null) return "—";
  return p < 0.001 ? "< 0.001" : p.toFixed(3);
}

/**
 * One plain-language sentence on the primary effect that never overstates: an interval that
 * contains 0 reads "not distinguishable from zero", whatever the point estimate.
 */
export function effectSentence(report: AnalysisReport, outcome: string): string {
  const { effect } = report;
  const [lo, hi] = effect.ci;
  const level = Math.round(effect.conf_level * 100);
  const interval = `${level} % CI ${formatEffect(lo, effect.scale)} to ${formatEffect(hi, effect.scale)}`;
  if (lo <= 0 && hi >= 0) {
    return `The change in ${outcome} is not distinguishable from zero (estimate ${formatEffect(effect.estimate, effect.scale)}, ${interval}).`;
  }
  const direction = effect.estimate < 0 ? "lower" : "higher";
  return `${outcome} is ${formatEffect(effect.estimate, effect.scale).replace(/^[+−]/, "")} ${direction} in the treatment arm (${interval}, p ${formatPValue(effect.p_value).startsWith("<") ? "" : "= "}${formatPValue(effect.p_value)}).`;
}

/** The terminal rendering of `uplift experiment analyze`. */
export function formatAnalysisText(report: AnalysisReport, outcome: string): string {
  const { n, effect, robustness, checks } = report;
  const lines: string[] = [];
  lines.push(
    `units: ${n.treatment.units} ${n.treatment.value} / ${n.control.units} ${n.control.value}   rows: ${n.treatment.rows} / ${n.control.rows}`,
  );
  lines.push("");
  lines.push(effectSentence(report, outcome));
  lines.push(`  method: ${effect.method}`);
  lines.push(
    `  β = ${effect.coefficient.toPrecision(4)}, se ${effect.std_error.toPrecision(3)}, df ${effect.df.toFixed(1)}; ${effect.baseline.statistic} ${Number(effect.baseline.treatment.toPrecision(4))} vs ${Number(effect.baseline.control.toPrecision(4))}`,
  );
  lines.push("");
  lines.push("robustness:");
  for (const r of robustness) {
    const value =
      r.estimate === null || r.ci === null
        ? "not computed"
        : `${formatEffect(r.estimate, r.scale).padStart(9)}  [${formatEffect(r.ci[0], r.scale)}, ${formatEffect(r.ci[1], r.scale)}]  p ${formatPValue(r.p_value)}`;
    lines.push(`  ${r.name.padEnd(28)} ${value}`);
    if (r.note) lines.push(`  ${"".padEnd(28)} ${r.note}`);
  }
  for (const h of report.heterogeneity ?? []) {
    lines.push("");
    lines.push(`effects by ${h.by}:`);
    for (const g of h.subgroups) {
      lines.push(
        `  ${g.value.padEnd(20)} ${formatEffect(g.estimate, g.scale).padStart(9)}  [${formatEffect(g.ci[0], g.scale)}, ${formatEffect(g.ci[1], g.scale)}]  p ${formatPValue(g.p_value)}  Holm ${formatPValue(g.holm_p_value)}  (${g.units.treatment}/${g.units.control} units)`,
      );
    }
    for (const e of h.excluded) lines.push(`  ${e.value.padEnd(20)} left out: ${e.reason}`);
    if (h.omnibus) {
      lines.push(
        `  same effect in every ${h.by}? ${h.omnibus.test}: F = ${h.omnibus.f_statistic.toFixed(2)}, p ${formatPValue(h.omnibus.p_value)}${h.omnibus.p_value < 0.05 ? " (the effect differs)" : " (no evidence that it differs)"}`,
      );
    }
    lines.push(`  ${h.multiplicity}`);
  }
  lines.push("");
  lines.push("checks:");
  lines.push(
    `  sample ratio: p = ${formatPValue(checks.srm_p_value)}${checks.srm_flag ? "  MISMATCH" : " (ok)"}`,
  );
  for (const b of checks.balance) {
    lines.push(
      `  balance of ${b.covariate}: SMD ${b.smd === null ? "—" : b.smd.toFixed(3)}${b.imbalanced ? "  IMBALANCED" : " (ok)"}`,
    );
  }
  if (checks.analysis_period) lines.push(`  analysis period: ${checks.analysis_period.note}`);
  const ni = checks.non_inferiority;
  if (ni) {
    lines.push(
      `  non-inferiority (${ni.direction}, margin ${formatEffect(ni.margin, effect.scale)}): ${ni.non_inferior ? "shown" : "NOT shown"} (bound ${formatEffect(ni.bound, effect.scale)}, p ${formatPValue(ni.p_value)})`,
    );
  }
  lines.push(`  outliers: ${checks.outliers}`);
  for (const w of checks.warnings) lines.push(`  warning: ${w}`);
  return lines.join("\n");
}
