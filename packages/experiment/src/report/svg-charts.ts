import type { WeeklyPoint } from "../analysis/analysis-record.js";
import { niceTicks, stripLayout, trendLayout } from "./chart-layout.js";
import { escapeHtml, fmt } from "./html.js";

/** One row of the forest plot: an effect and its interval on the relative scale. */
export interface ForestRow {
  label: string;
  estimate: number;
  ci: [number, number];
  /** Drawn in the guardrail colour. */
  guardrail: boolean;
}

const ARM_COLOURS = { treatment: "#c2410c", control: "#1d4ed8" } as const;
const percent = (v: number) => {
  const rounded = Math.round(v * 100);
  return rounded === 0 ? "0 %" : `${rounded > 0 ? "+" : "−"}${Math.abs(rounded)} %`;
};

/**
 * Forest plot of relative effects with their intervals, a zero line, one row per metric
 * (inline SVG, no script, no external resource).
 */
export function forestPlot(rows: readonly ForestRow[]): string {
  if (rows.length === 0) return "";
  const width = 720;
  const labelWidth = 220;
  const rowHeight = 28;
  const height = rows.length * rowHeight + 40;
  const lo = Math.min(0, ...rows.map((r) => r.ci[0]));
  const hi = Math.max(0, ...rows.map((r) => r.ci[1]));
  const pad = (hi - lo) * 0.08 || 0.05;
  const x = (v: number) => labelWidth + ((v - (lo - pad)) / (hi - lo + 2 * pad)) * (width - labelWidth - 20);
  const axis = niceTicks(lo - pad, hi + pad)
    .map(
      (t) =>
        `<line x1="${x(t)}" y1="10" x2="${x(t)}" y2="${height - 25}" class="grid"/><text x="${x(t)}" y="${height - 8}" text-anchor="middle">${percent(t)}</text>`,
    )
    .join("");
  const marks = rows
    .map((r, i) => {
      const y = 20 + i * rowHeight;
      const colour = r.guardrail ? "#7c3aed" : "#111827";
      return `<text x="${labelWidth - 10}" y="${y + 4}" text-anchor="end">${escapeHtml(r.label)}</text><line x1="${x(r.ci[0])}" y1="${y}" x2="${x(r.ci[1])}" y2="${y}" stroke="${colour}" stroke-width="2"/><circle cx="${x(r.estimate)}" cy="${y}" r="5" fill="${colour}"><title>${escapeHtml(`${r.label}: ${percent(r.estimate)} [${percent(r.ci[0])}, ${percent(r.ci[1])}]`)}</title></circle>`;
    })
    .join("");
  return `<svg viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="effects with confidence intervals">${axis}<line x1="${x(0)}" y1="10" x2="${x(0)}" y2="${height - 25}" class="zero"/>${marks}</svg>`;
}

/**
 * Per-developer values by arm: one dot per developer (jittered deterministically), the arm's
 * median as a bar; a log axis for positive, log-analysed metrics.
 */
export function stripPlot(
  values: { treatment: readonly number[]; control: readonly number[] },
  logAxis: boolean,
): string {
  const layout = stripLayout(values, logAxis);
  if (!layout) return "";
  const { width, height } = layout;
  const arms = layout.arms.map((a) => {
    const dots = a.dots
      .map(
        (d) =>
          `<circle cx="${d.x.toFixed(1)}" cy="${d.y.toFixed(1)}" r="2.5" fill="${ARM_COLOURS[a.arm]}" fill-opacity="0.45"/>`,
      )
      .join("");
    return `<text x="80" y="${a.y + 4}" text-anchor="end">${a.arm}</text>${dots}<line x1="${a.median_x}" y1="${a.y - 14}" x2="${a.median_x}" y2="${a.y + 14}" stroke="#111827" stroke-width="3"><title>median ${fmt(a.median)}</title></line>`;
  });
  const labels = layout.axis
    .map(
      (l) => `<text x="${l.x.toFixed(1)}" y="${height - 8}" text-anchor="middle">${fmt(l.value, 3)}</text>`,
    )
    .join("");
  return `<svg viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="per-developer values by arm">${arms.join("")}${labels}</svg>`;
}

/** Weekly location per arm as two lines, the ramp-up window shaded. */
export function trendChart(
  points: readonly WeeklyPoint[],
  rampUp: { from: string; to: string } | undefined,
): string {
  const layout = trendLayout(points, rampUp);
  if (!layout) return "";
  const { width, height, ramp_up: ramp } = layout;
  const shade = ramp
    ? `<rect x="${ramp.x}" y="${ramp.y}" width="${ramp.width}" height="${ramp.height}" class="ramp"><title>ramp-up ${escapeHtml(ramp.from)} – ${escapeHtml(ramp.to)} (excluded from the analysis)</title></rect>`
    : "";
  const lines = layout.series
    .map(({ arm, points: series }) => {
      const path = series.map((p) => `${p.x.toFixed(1)},${p.y.toFixed(1)}`).join(" ");
      return `<polyline points="${path}" fill="none" stroke="${ARM_COLOURS[arm]}" stroke-width="2"/>${series
        .map(
          (p) =>
            `<circle cx="${p.x.toFixed(1)}" cy="${p.y.toFixed(1)}" r="3" fill="${ARM_COLOURS[arm]}"><title>${arm} ${p.week}: ${fmt(p.value)} (${p.rows} rows)</title></circle>`,
        )
        .join("")}`;
    })
    .join("");
  const axis = layout.weeks
    .map((w) => `<text x="${w.x}" y="${height - 12}" text-anchor="middle">${w.week.slice(5)}</text>`)
    .join("");
  const yAxis = layout.values
    .map((v) => `<text x="52" y="${v.y + 4}" text-anchor="end">${fmt(v.value, 3)}</text>`)
    .join("");
  return `<svg viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="weekly trend by arm">${shade}${lines}${axis}${yAxis}</svg>`;
}
