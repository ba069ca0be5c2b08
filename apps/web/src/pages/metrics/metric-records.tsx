import { useCallback, useEffect } from "react";
import { type ExplainRecord, getMetricExplanation, type MetricsFilter } from "../../api/measure.js";
import { useApiCall } from "../../api/use-api-call.js";
import { formatValue } from "./metric-table.js";

interface MetricRecordsProps {
  token: string;
  onUnauthorized(): void;
  metric: string;
  filter: MetricsFilter;
  /** The row's group; undefined for the ungrouped "all" row. */
  group: string | undefined;
}

/** The drill-down of one metric row: the records (e.g. PRs) behind its value, newest first. */
export function MetricRecords({ token, onUnauthorized, metric, filter, group }: MetricRecordsProps) {
  const load = useCallback(
    (signal: AbortSignal) =>
      getMetricExplanation(token, { ...filter, metric, ...(group !== undefined && { group }) }, signal),
    [token, filter, metric, group],
  );
  const [state, run] = useApiCall(load, onUnauthorized);
  useEffect(() => run(), [run]);

  if (state.kind === "loading" || state.kind === "idle")
    return <p className="muted small">Loading records…</p>;
  if (state.kind === "failed")
    return (
      <p className="error" role="alert">
        {state.message}
      </p>
    );
  const { records, total_records: total } = state.value;
  return (
    <div className="metric-records" data-testid={`records-${metric}`}>
      <p className="muted small">
        {total} record{total === 1 ? "" : "s"}
        {group !== undefined && ` in ${group}`}
        {records.length < total && ` · newest ${records.length} shown`} · the same as{" "}
        <code>
          uplift measure metrics --explain {metric}
          {group !== undefined && ` --group ${group}`}
        </code>
      </p>
      <table>
        <thead>
          <tr>
            <th scope="col">record</th>
            <th scope="col">at</th>
            <th scope="col">value</th>
            <th scope="col">excluded because</th>
          </tr>
        </thead>
        <tbody>
          {records.map((r) => (
            <tr key={`${r.record}-${r.at}`} data-testid="metric-record">
              <td>{recordLabel(r)}</td>
              <td>{r.at?.slice(0, 16).replace("T", " ") ?? "—"}</td>
              <td>{formatValue(r.value)}</td>
              <td>{r.excluded ?? ""}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function recordLabel(r: ExplainRecord): string {
  const repo = typeof r.repo === "string" ? `${r.repo} ` : "";
  const title = typeof r.title === "string" && r.title ? ` · ${r.title}` : "";
  return `${repo}${r.record}${title}`;
}
