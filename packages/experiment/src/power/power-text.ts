import { formatEffect } from "../analysis/analysis-text.js";
import type { PowerReport } from "./power-analysis.js";

const num = (v: number, digits = 3) => Number(v.toPrecision(digits)).toString();

/** The terminal rendering of `uplift experiment power`. */
export function formatPowerText(report: PowerReport, unit: string): string {
  const p = report.profile;
  const lines = [
    `pre-period: ${p.units} ${unit}s, ${p.rows} rows (${num(p.rows_per_unit)} per ${unit}, CV ${num(p.rows_per_unit_cv, 2)}); ICC ${num(p.icc, 2)}; covariate R² ${num(p.r2_covariate, 2)}`,
    `with ${report.n_per_arm} ${unit}s per arm (${num(report.rows_per_unit)} rows each), α ${report.alpha}, power ${report.power}: minimum detectable change ${formatEffect(report.mde_relative, "relative")} / ${formatEffect(report.mde_relative_decrease, "relative")}`,
  ];
  if (report.effect !== undefined) {
    lines.push(
      `to detect ${formatEffect(report.effect, "relative")}: ${report.developers_per_arm} ${unit}s per arm (power with ${report.n_per_arm} per arm: ${num(report.power_at_effect as number)})`,
    );
  }
  if (report.by_weeks) {
    lines.push("by analysis duration:");
    for (const w of report.by_weeks) {
      lines.push(
        `  ${String(w.weeks).padStart(2)} weeks: ${num(w.rows_per_unit)} rows per ${unit}, MDE ${formatEffect(w.mde_relative, "relative")}${w.developers_per_arm !== undefined ? `, ${w.developers_per_arm} ${unit}s per arm for ${formatEffect(report.effect as number, "relative")}` : ""}`,
      );
    }
  }
  const s = report.simulation;
  if (s) {
    lines.push(
      `simulation (${s.runs} experiments of ${s.n_per_arm} per arm resampled from the pre-period, effect ${formatEffect(s.effect, "relative")}): power ${s.power.toFixed(3)} ± ${s.power_se.toFixed(3)}, false-positive rate ${s.false_positive_rate.toFixed(3)} ± ${s.false_positive_se.toFixed(3)}${s.failed_runs ? ` (${s.failed_runs} runs failed)` : ""}`,
    );
  }
  return lines.join("\n");
}
