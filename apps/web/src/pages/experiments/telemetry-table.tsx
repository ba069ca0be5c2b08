import type { TelemetrySummary } from "../../api/experiments.js";
import { formatPoints, formatShare } from "./chart-style.js";

/** The report's telemetry section: acceptance and adoption by arm and week, the definition stated. */
export function TelemetryTable({ telemetry }: { telemetry: TelemetrySummary }) {
  const d = telemetry.difference;
  return (
    <section className="panel section" aria-labelledby="telemetry-title" data-testid="experiment-telemetry">
      <h2 id="telemetry-title">Assistant telemetry</h2>
      <p className="muted small">{telemetry.definition}.</p>
      <table className="metric-rows">
        <thead>
          <tr>
            <th scope="col">arm</th>
            <th scope="col">active developers</th>
            <th scope="col">accepted / shown</th>
            <th scope="col">acceptance (interval)</th>
            <th scope="col">mean of developers' rates</th>
          </tr>
        </thead>
        <tbody>
          {telemetry.arms.map((a) => (
            <tr key={a.arm} data-testid={`telemetry-${a.arm}`}>
              <th scope="row">{a.arm}</th>
              <td>
                {a.developers_active}
                {a.developers_assigned !== null && ` of ${a.developers_assigned}`}
              </td>
              <td>
                {a.accepted} / {a.shown}
              </td>
              <td>
                {formatShare(a.acceptance_rate)}
                {a.acceptance_ci &&
                  ` (${formatShare(a.acceptance_ci[0])} to ${formatShare(a.acceptance_ci[1])})`}
              </td>
              <td>{formatShare(a.mean_developer_rate)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {d && (
        <p>
          Difference in acceptance: {formatPoints(d.estimate)} ({formatPoints(d.ci[0])} to{" "}
          {formatPoints(d.ci[1])}).
        </p>
      )}
      {telemetry.warnings.map((w) => (
        <p key={w} className="muted small">
          {w}
        </p>
      ))}
      <details>
        <summary>Adoption and acceptance by week ({telemetry.weekly.length} rows)</summary>
        <table className="metric-rows">
          <thead>
            <tr>
              <th scope="col">week</th>
              <th scope="col">arm</th>
              <th scope="col">active developers</th>
              <th scope="col">adoption (active / assigned)</th>
              <th scope="col">acceptance</th>
            </tr>
          </thead>
          <tbody>
            {telemetry.weekly.map((w) => (
              <tr key={`${w.week}|${w.arm}`}>
                <th scope="row">{w.week}</th>
                <td>{w.arm}</td>
                <td>{w.active_developers}</td>
                <td>{formatShare(w.adoption)}</td>
                <td>{formatShare(w.acceptance_rate)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </section>
  );
}
