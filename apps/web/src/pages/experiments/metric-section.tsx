import type { ExperimentMetricDetail } from "../../api/experiments.js";
import { formatEffect, formatPValue } from "../../format/format-effect.js";
import { StripPlot } from "./strip-plot.js";
import { SubgroupTable } from "./subgroup-table.js";
import { WeeklyTrend } from "./weekly-trend.js";

/** One metric as the report's "Per metric" block shows it: checks, distributions, weekly trend, robustness. */
export function MetricSection({ metric: m }: { metric: ExperimentMetricDetail }) {
  const location = m.effect.scale === "relative" ? "geometric mean" : "mean";
  return (
    <section
      className="panel section"
      aria-labelledby={`metric-${m.metric}`}
      data-testid={`metric-${m.metric}`}
    >
      <h3 id={`metric-${m.metric}`}>
        {m.metric}
        {m.role === "guardrail" && <span className="soon">guardrail</span>}
      </h3>
      <p className="muted small">
        {m.effect.method}. {m.rows} rows from {m.units.treatment + m.units.control} developers; sample ratio p
        = {formatPValue(m.srm_p_value)}
        {m.srm_flag && <span className="warn"> (mismatch)</span>}
        {m.analysis_period && `; ${m.analysis_period}`}.
      </p>
      {m.warnings.length > 0 && (
        <ul>
          {m.warnings.map((w) => (
            <li key={w} className="warn">
              {w}
            </li>
          ))}
        </ul>
      )}
      {m.distribution && (
        <figure>
          <figcaption className="small">Per-developer {location}s by arm (bar: median):</figcaption>
          <StripPlot metric={m.metric} layout={m.distribution} />
        </figure>
      )}
      {m.trend && (
        <figure>
          <figcaption className="small">Weekly {location} by arm (shaded: ramp-up):</figcaption>
          <WeeklyTrend metric={m.metric} layout={m.trend} />
        </figure>
      )}
      {m.subgroups.map((g) => (
        <SubgroupTable key={g.by} metric={m.metric} scale={m.effect.scale} group={g} />
      ))}
      {m.robustness.length > 0 && (
        <table className="metric-rows" data-testid={`robustness-${m.metric}`}>
          <thead>
            <tr>
              <th scope="col">estimator</th>
              <th scope="col">effect</th>
              <th scope="col">interval</th>
              <th scope="col">p</th>
              <th scope="col">note</th>
            </tr>
          </thead>
          <tbody>
            {m.robustness.map((r) => (
              <tr key={r.name}>
                <th scope="row">{r.name}</th>
                <td>{r.estimate === null ? "—" : formatEffect(r.estimate, r.scale)}</td>
                <td>
                  {r.ci === null
                    ? "—"
                    : `${formatEffect(r.ci[0], r.scale)} to ${formatEffect(r.ci[1], r.scale)}`}
                </td>
                <td>{formatPValue(r.p_value)}</td>
                <td className="muted small">{r.note}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
