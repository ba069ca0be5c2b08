import type { WeeklyPoint } from "../analysis/analysis-record.js";

/**
 * Pure geometry of the report's charts: where each mark goes in a fixed viewBox, no markup.
 * The HTML report (svg-charts.ts) and the dashboard (React SVG from the API) draw the same layout,
 * so a chart looks the same in both and its math is written once.
 */

export type Arm = "treatment" | "control";

/** Evenly spaced "nice" ticks covering [lo, hi] (steps of 1, 2, 2.5 or 5 × 10^k). */
export function niceTicks(lo: number, hi: number, count = 5): number[] {
  const raw = (hi - lo) / count;
  if (!(raw > 0)) return [lo];
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((s) => s >= raw) ?? raw;
  const out: number[] = [];
  // multiples of the step rather than a running sum, so that 0 is exactly 0
  for (let k = Math.ceil(lo / step); k * step <= hi + step * 1e-9; k++)
    out.push(Number((k * step).toPrecision(12)));
  return out;
}

/** The median of a non-empty list. */
function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length % 2
    ? (sorted[(sorted.length - 1) / 2] as number)
    : ((sorted[sorted.length / 2 - 1] as number) + (sorted[sorted.length / 2] as number)) / 2;
}

/** Per-developer values by arm: one dot per developer, the arm's median as a bar. */
export interface StripLayout {
  width: number;
  height: number;
  log_axis: boolean;
  arms: {
    arm: Arm;
    /** Centre line of the arm's row. */
    y: number;
    median: number;
    median_x: number;
    dots: { value: number; x: number; y: number }[];
  }[];
  /** Axis labels (value on the outcome's scale, x). */
  axis: { value: number; x: number }[];
}

/**
 * Strip plot geometry (720 × 150): dots jittered deterministically around each arm's row, a log
 * axis for positive, log-analysed metrics; undefined when there is no value.
 */
export function stripLayout(
  values: { treatment: readonly number[]; control: readonly number[] },
  logAxis: boolean,
): StripLayout | undefined {
  const all = [...values.treatment, ...values.control];
  if (all.length === 0) return undefined;
  const width = 720;
  const height = 150;
  const t = (v: number) => (logAxis ? Math.log(v) : v);
  const lo = Math.min(...all.map(t));
  const hi = Math.max(...all.map(t));
  const span = hi - lo || 1;
  const xOfScaled = (s: number) => 90 + ((s - lo) / span) * (width - 110);
  const x = (v: number) => xOfScaled(t(v));
  const arms = (["control", "treatment"] as const).map((arm, row) => {
    const y = 40 + row * 55;
    const mid = values[arm].length ? median(values[arm]) : Number.NaN;
    return {
      arm,
      y,
      median: mid,
      median_x: x(mid),
      dots: values[arm].map((v, i) => ({ value: v, x: x(v), y: y + (((i * 37) % 17) - 8) })),
    };
  });
  const axis = [lo, (lo + hi) / 2, hi].map((s) => ({ value: logAxis ? Math.exp(s) : s, x: xOfScaled(s) }));
  return { width, height, log_axis: logAxis, arms: arms.filter((a) => a.dots.length > 0), axis };
}

/** Weekly location per arm as two lines, the ramp-up window as a shaded band. */
export interface TrendLayout {
  width: number;
  height: number;
  /** The ramp-up band (x, width) with its dates; absent without a ramp-up. */
  ramp_up: { from: string; to: string; x: number; width: number; y: number; height: number } | null;
  series: { arm: Arm; points: (WeeklyPoint & { x: number; y: number })[] }[];
  /** Week labels (Mondays), at most about eight. */
  weeks: { week: string; x: number }[];
  /** Lowest and highest weekly value with their y. */
  values: { value: number; y: number }[];
}

/** Trend chart geometry (720 × 220); undefined without weekly points. */
export function trendLayout(
  points: readonly WeeklyPoint[],
  rampUp: { from: string; to: string } | undefined,
): TrendLayout | undefined {
  if (points.length === 0) return undefined;
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
  const every = Math.ceil(weeks.length / 8);
  return {
    width,
    height,
    ramp_up: rampUp
      ? {
          ...rampUp,
          x: xAt(rampUp.from),
          width: Math.max(0, xAt(rampUp.to) - xAt(rampUp.from)),
          y: 15,
          height: height - 50,
        }
      : null,
    series: (["control", "treatment"] as const).map((arm) => ({
      arm,
      points: points.filter((p) => p.arm === arm).map((p) => ({ ...p, x: x(p.week), y: y(p.value) })),
    })),
    weeks: weeks.filter((_, i) => i % every === 0).map((week) => ({ week, x: x(week) })),
    values: [lo, hi].map((value) => ({ value, y: y(value) })),
  };
}
