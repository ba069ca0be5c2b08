import type { ExperimentAnalysis } from "../../api/experiments.js";

const WIDTH = 640;
const LABEL_WIDTH = 170;
const ROW_HEIGHT = 28;
const GUARDRAIL = "#7c3aed";

const percent = (v: number) => {
  const rounded = Math.round(v * 100);
  return rounded === 0 ? "0 %" : `${rounded > 0 ? "+" : "−"}${Math.abs(rounded)} %`;
};

/** Evenly spaced "nice" ticks covering [lo, hi]. */
function ticks(lo: number, hi: number, count = 8): number[] {
  const raw = (hi - lo) / count;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((s) => s >= raw) ?? raw;
  const out: number[] = [];
  for (let t = Math.ceil(lo / step) * step; t <= hi + step * 1e-9; t += step)
    out.push(Number(t.toPrecision(12)));
  return out;
}

/**
 * Forest plot of the relative effects of an experiment's stored analyses: one row per metric,
 * the point estimate and its interval against a dashed zero line; guardrails in purple. Metrics on
 * the absolute scale have no common axis with them and stay in the table only.
 */
export function ForestPlot({ analyses }: { analyses: readonly ExperimentAnalysis[] }) {
  const rows = analyses.filter((a) => a.effect.scale === "relative");
  if (rows.length === 0) return null;
  const height = rows.length * ROW_HEIGHT + 40;
  const lo = Math.min(0, ...rows.map((r) => r.effect.ci[0]));
  const hi = Math.max(0, ...rows.map((r) => r.effect.ci[1]));
  const pad = (hi - lo) * 0.08 || 0.05;
  const x = (v: number) =>
    LABEL_WIDTH + ((v - (lo - pad)) / (hi - lo + 2 * pad)) * (WIDTH - LABEL_WIDTH - 20);
  const level = Math.round((rows[0]?.effect.conf_level ?? 0.95) * 100);
  return (
    <figure className="forest" data-testid="forest-plot">
      <svg
        viewBox={`0 0 ${WIDTH} ${height}`}
        width="100%"
        style={{ maxWidth: WIDTH }}
        role="img"
        aria-label={`Relative effects with ${level} % confidence intervals`}
      >
        {ticks(lo - pad, hi + pad).map((t) => (
          <g key={t}>
            <line x1={x(t)} y1={10} x2={x(t)} y2={height - 25} stroke="currentColor" strokeOpacity={0.15} />
            <text x={x(t)} y={height - 8} textAnchor="middle" fontSize={11} fill="currentColor">
              {percent(t)}
            </text>
          </g>
        ))}
        <line
          x1={x(0)}
          y1={10}
          x2={x(0)}
          y2={height - 25}
          stroke="currentColor"
          strokeOpacity={0.6}
          strokeDasharray="4 3"
          data-testid="forest-zero"
        />
        {rows.map((r, i) => {
          const y = 20 + i * ROW_HEIGHT;
          const colour = r.role === "guardrail" ? GUARDRAIL : "currentColor";
          const [ciLo, ciHi] = r.effect.ci;
          return (
            <g key={r.metric} data-testid={`forest-row-${r.metric}`} data-role={r.role}>
              <text x={LABEL_WIDTH - 10} y={y + 4} textAnchor="end" fontSize={12} fill="currentColor">
                {r.metric}
              </text>
              <line
                x1={x(ciLo)}
                y1={y}
                x2={x(ciHi)}
                y2={y}
                stroke={colour}
                strokeWidth={2}
                data-testid={`forest-ci-${r.metric}`}
              />
              <circle
                cx={x(r.effect.estimate)}
                cy={y}
                r={5}
                fill={colour}
                data-testid={`forest-point-${r.metric}`}
              >
                <title>{`${r.metric}: ${percent(r.effect.estimate)} [${percent(ciLo)}, ${percent(ciHi)}]`}</title>
              </circle>
            </g>
          );
        })}
      </svg>
      <figcaption className="muted small">
        Relative effect (treatment vs control) with {level} % intervals; the dashed line is no change
        {rows.some((r) => r.role === "guardrail") ? "; guardrails in purple" : ""}.
      </figcaption>
    </figure>
  );
}
