import type { TrendLayout } from "../../api/experiments.js";
import { ARM_COLOURS, formatValue } from "./chart-style.js";

/**
 * Weekly location per arm with the ramp-up shaded, drawn from the report's layout (trendLayout in
 * @uplift/experiment).
 */
export function WeeklyTrend({ metric, layout }: { metric: string; layout: TrendLayout }) {
  const { width, height, ramp_up: ramp } = layout;
  return (
    <svg
      viewBox={`0 0 ${width} ${height}`}
      width="100%"
      style={{ maxWidth: width }}
      role="img"
      aria-label={`${metric}: weekly trend by arm`}
      data-testid={`trend-${metric}`}
      className="experiment-chart"
    >
      {ramp && (
        <rect
          x={ramp.x}
          y={ramp.y}
          width={ramp.width}
          height={ramp.height}
          fill="#fde68a"
          fillOpacity={0.45}
          data-testid={`ramp-up-${metric}`}
        >
          <title>{`ramp-up ${ramp.from} – ${ramp.to} (excluded from the analysis)`}</title>
        </rect>
      )}
      {layout.series.map((s) => (
        <g key={s.arm} data-testid={`trend-${metric}-${s.arm}`}>
          <polyline
            points={s.points.map((p) => `${p.x.toFixed(1)},${p.y.toFixed(1)}`).join(" ")}
            fill="none"
            stroke={ARM_COLOURS[s.arm]}
            strokeWidth={2}
          />
          {s.points.map((p) => (
            <circle key={p.week} cx={p.x} cy={p.y} r={3} fill={ARM_COLOURS[s.arm]} data-week={p.week}>
              <title>{`${s.arm} ${p.week}: ${formatValue(p.value)} (${p.rows} rows)`}</title>
            </circle>
          ))}
        </g>
      ))}
      {layout.weeks.map((w) => (
        <text key={w.week} x={w.x} y={height - 12} textAnchor="middle" fontSize={11} fill="currentColor">
          {w.week.slice(5)}
        </text>
      ))}
      {layout.values.map((v) => (
        <text key={v.y} x={52} y={v.y + 4} textAnchor="end" fontSize={11} fill="currentColor">
          {formatValue(v.value, 3)}
        </text>
      ))}
    </svg>
  );
}
