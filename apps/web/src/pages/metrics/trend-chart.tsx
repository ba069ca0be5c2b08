import { trendPoints, type WeekValue } from "../../format/trend-points.js";

const WIDTH = 220;
const HEIGHT = 60;

/** A small inline line chart of a metric's weekly values (no chart library). */
export function TrendChart({ name, label, values }: { name: string; label: string; values: WeekValue[] }) {
  if (values.length === 0) return <p className="muted small">No weekly values in this window.</p>;
  const sorted = [...values].sort((a, b) => a.week.localeCompare(b.week));
  const first = sorted[0] as WeekValue;
  const last = sorted[sorted.length - 1] as WeekValue;
  return (
    <figure className="trend" data-testid={`trend-${name}`}>
      <svg
        width={WIDTH}
        height={HEIGHT}
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-label={`${label} per week, ${first.week} to ${last.week}`}
      >
        <line x1="0" y1={HEIGHT - 4} x2={WIDTH} y2={HEIGHT - 4} className="trend-axis" />
        <polyline points={trendPoints(sorted, WIDTH, HEIGHT)} className="trend-line" fill="none" />
      </svg>
      <figcaption className="muted small">
        {label} per week · {first.week} → {last.week} ({sorted.length} week{sorted.length === 1 ? "" : "s"})
      </figcaption>
    </figure>
  );
}
