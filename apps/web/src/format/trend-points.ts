/** One week's value of a metric, e.g. `{ week: "2026-W03", value: 12.5 }`. */
export interface WeekValue {
  week: string;
  value: number;
}

/**
 * The SVG `points` of a line chart of weekly values in a `width`×`height` box (y grows down),
 * weeks in order, scaled from 0 to the largest value; one week sits in the middle.
 */
export function trendPoints(values: readonly WeekValue[], width: number, height: number, pad = 4): string {
  if (values.length === 0) return "";
  const sorted = [...values].sort((a, b) => a.week.localeCompare(b.week));
  const max = Math.max(...sorted.map((v) => v.value), 0);
  const innerW = width - 2 * pad;
  const innerH = height - 2 * pad;
  return sorted
    .map((v, i) => {
      const x = sorted.length === 1 ? width / 2 : pad + (i * innerW) / (sorted.length - 1);
      const y = max === 0 ? height - pad : pad + innerH - (v.value / max) * innerH;
      return `${round(x)},${round(y)}`;
    })
    .join(" ");
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}
