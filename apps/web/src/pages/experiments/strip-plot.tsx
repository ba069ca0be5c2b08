import type { StripLayout } from "../../api/experiments.js";
import { ARM_COLOURS, formatValue } from "./chart-style.js";

/**
 * Per-developer values by arm, drawn from the report's layout (stripLayout in @uplift/experiment):
 * one dot per developer, the arm's median as a bar.
 */
export function StripPlot({ metric, layout }: { metric: string; layout: StripLayout }) {
  const { width, height } = layout;
  return (
    <svg
      viewBox={`0 0 ${width} ${height}`}
      width="100%"
      style={{ maxWidth: width }}
      role="img"
      aria-label={`${metric}: per-developer values by arm`}
      data-testid={`distribution-${metric}`}
      className="experiment-chart"
    >
      {layout.arms.map((a) => (
        <g key={a.arm} data-testid={`distribution-${metric}-${a.arm}`} data-dots={a.dots.length}>
          <text x={80} y={a.y + 4} textAnchor="end" fontSize={11} fill="currentColor">
            {a.arm}
          </text>
          {a.dots.map((d, i) => (
            <circle
              // biome-ignore lint/suspicious/noArrayIndexKey: dots are positional and never reorder
              key={i}
              cx={d.x}
              cy={d.y}
              r={2.5}
              fill={ARM_COLOURS[a.arm]}
              fillOpacity={0.45}
            >
              <title>{`${a.arm}: ${formatValue(d.value)}`}</title>
            </circle>
          ))}
          <line
            x1={a.median_x}
            y1={a.y - 14}
            x2={a.median_x}
            y2={a.y + 14}
            stroke="currentColor"
            strokeWidth={3}
            data-testid={`median-${metric}-${a.arm}`}
          >
            <title>{`median ${formatValue(a.median)}`}</title>
          </line>
        </g>
      ))}
      {layout.axis.map((l) => (
        <text key={l.x} x={l.x} y={height - 8} textAnchor="middle" fontSize={11} fill="currentColor">
          {formatValue(l.value, 3)}
        </text>
      ))}
    </svg>
  );
}
