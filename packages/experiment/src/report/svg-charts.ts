import type { WeeklyPoint } from "../analysis/analysis-record.js";
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

/** Evenly spaced "nice" ticks covering [lo, hi]. */
function ticks(lo: number, hi: number, count = 5): number[] {
  const raw = (hi - lo) / count;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((s) => s >= raw) ?? raw;
  const out: number[] = [];
  for (let t = Math.ceil(lo / step) * step; t <= hi + step * 1e-9; t += step)
    out.push(Number(t.toPrecision(12)));
  return out;
}

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
  const axis = ticks(lo - pad, hi + pad)
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
  const all = [...values.treatment, ...values.control];
  if (all.length === 0) return "";
  const width = 720;
  const height = 150;
  const t = (v: number) => (logAxis ? Math.log(v) : v);
  const lo = Math.min(...all.map(t));
  const hi = Math.max(...all.map(t));
  const span = hi - lo || 1;
  const x = (v: number) => 90 + ((t(v) - lo) / span) * (width - 110);
  const arms = (["control", "treatment"] as const).map((arm, row) => {
    const y = 40 + row * 55;
    const sorted = [...values[arm]].sort((a, b) => a - b);
    const mid =
      sorted.length % 2
        ? (sorted[(sorted.length - 1) / 2] as number)
        : ((sorted[sorted.length / 2 - 1] as number) + (sorted[sorted.length / 2] as number)) / 2;
    const dots = values[arm]
      .map(
        (v, i) =>
          `<circle cx="${x(v).toFixed(1)}" cy="${(y + (((i * 37) % 17) - 8)).toFixed(1)}" r="2.5" fill="${ARM_COLOURS[arm]}" fill-opacity="0.45"/>`,
      )
      .join("");
    return `<text x="80" y="${y + 4}" text-anchor="end">${arm}</text>${dots}<line x1="${x(mid)}" y1="${y - 14}" x2="${x(mid)}" y2="${y + 14}" stroke="#111827" stroke-width="3"><title>median ${fmt(mid)}</title></line>`;
  });
  const labels = [lo, (lo + hi) / 2, hi]
    .map(
      (v) =>
        `<text x="${(90 + ((v - lo) / span) * (width - 110)).toFixed(1)}" y="${height - 8}" text-anchor="middle">${fmt(logAxis ? Math.exp(v) : v, 3)}</text>`,
    )
    .join("");
  return `<svg viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="per-developer values by arm">${arms.join("")}${labels}</svg>`;
}

/** Weekly location per arm as two lines, the ramp-up window shaded. */
export function trendChart(
  points: readonly WeeklyPoint[],
  rampUp: { from: string; to: string } | undefined,
): string {
  if (points.length === 0) return "";
  const weeks = [...new Set(points.map((p) => p.week))].sort();
  const width = 720;
  const height = 220;
  const lo = Math.min(...points.map((p) => p.value));
  const hi = Math.max(...points.map((p) => p.value));
  const span = hi - lo || 1;
  const x = (week: string) =>
    60 + (weeks.length === 1 ? 0.5 : weeks.indexOf(week) / (weeks.length - 1)) * (width - 90);
  const y = (v: number) => 20 + (1 - (v - lo) / span) * (height - 60);
  const xAt = (date: string) => {
    // position of a date between the weekly ticks (weeks are Mondays)
    const ms = Date.parse(`${date}T00:00:00Z`);
    const first = Date.parse(`${weeks[0]}T00:00:00Z`);
    const last = Date.parse(`${weeks[weeks.length - 1]}T00:00:00Z`);
    const share = last === first ? 0.5 : (ms - first) / (last - first);
    return 60 + Math.min(1, Math.max(0, share)) * (width - 90);
  };
  const shade = rampUp
    ? `<rect x="${xAt(rampUp.from)}" y="15" width="${Math.max(0, xAt(rampUp.to) - xAt(rampUp.from))}" height="${height - 50}" class="ramp"><title>ramp-up ${escapeHtml(rampUp.from)} – ${escapeHtml(rampUp.to)} (excluded from the analysis)</title></rect>`
    : "";
  const lines = (["control", "treatment"] as const)
    .map((arm) => {
      const series = points.filter((p) => p.arm === arm);
      const path = series.map((p) => `${x(p.week).toFixed(1)},${y(p.value).toFixed(1)}`).join(" ");
      return `<polyline points="${path}" fill="none" stroke="${ARM_COLOURS[arm]}" stroke-width="2"/>${series
        .map(
          (p) =>
            `<circle cx="${x(p.week).toFixed(1)}" cy="${y(p.value).toFixed(1)}" r="3" fill="${ARM_COLOURS[arm]}"><title>${arm} ${p.week}: ${fmt(p.value)} (${p.rows} rows)</title></circle>`,
        )
        .join("")}`;
    })
    .join("");
  const axis = weeks
    .map((w, i) =>
      i % Math.ceil(weeks.length / 8) === 0
        ? `<text x="${x(w)}" y="${height - 12}" text-anchor="middle">${w.slice(5)}</text>`
        : "",
    )
    .join("");
  const yAxis = [lo, hi]
    .map((v) => `<text x="52" y="${y(v) + 4}" text-anchor="end">${fmt(v, 3)}</text>`)
    .join("");
  return `<svg viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="weekly trend by arm">${shade}${lines}${axis}${yAxis}</svg>`;
}
