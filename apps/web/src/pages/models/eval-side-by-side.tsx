import type { ModelMetricComparison } from "../../api/models.js";

/** A 0–1 score with four decimals, "—" when the metric was not measured. */
export function formatScore(value: number | null): string {
  return value === null ? "—" : value.toFixed(4);
}

function signed(value: number | null): string {
  if (value === null) return "—";
  return `${value >= 0 ? "+" : "−"}${Math.abs(value).toFixed(4)}`;
}

/** Baseline and candidate eval results per metric, side by side, with the paired difference and its CI. */
export function EvalSideBySide({
  metrics,
  baseline,
  candidate,
  primary,
  testId,
}: {
  metrics: readonly ModelMetricComparison[];
  baseline: string;
  candidate: string;
  primary: string;
  testId: string;
}) {
  return (
    <table className="metric-rows" data-testid={testId}>
      <thead>
        <tr>
          <th scope="col">metric</th>
          <th scope="col">tasks</th>
          <th scope="col">{baseline}</th>
          <th scope="col">{candidate}</th>
          <th scope="col">difference</th>
          <th scope="col">95 % CI</th>
        </tr>
      </thead>
      <tbody>
        {metrics.map((m) => (
          <tr key={m.metric} data-testid={`${testId}-${m.metric}`}>
            <th scope="row">
              {m.metric}
              {m.metric === primary && <span className="soon">primary</span>}
            </th>
            <td>{m.n}</td>
            <td>{formatScore(m.base)}</td>
            <td>{formatScore(m.tuned)}</td>
            <td>{signed(m.difference)}</td>
            <td>{m.ci ? `${signed(m.ci[0])} to ${signed(m.ci[1])}` : "—"}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
