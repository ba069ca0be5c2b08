import { type FormEvent, useCallback, useEffect, useState } from "react";
import {
  getMetricDefinitions,
  getMetrics,
  type MetricDefinition,
  type MetricRow,
  type MetricsFilter,
  type MetricsReport,
} from "../../api/measure.js";
import { useApiCall } from "../../api/use-api-call.js";
import type { WeekValue } from "../../format/trend-points.js";
import { FlowView } from "./flow-view.js";
import { type DrillDown, MetricTable } from "./metric-table.js";
import { QualityView } from "./quality-view.js";

interface MetricsPageProps {
  token: string;
  onUnauthorized(): void;
}

interface Loaded {
  filter: MetricsFilter;
  report: MetricsReport;
  weekly: MetricsReport;
  definitions: MetricDefinition[];
}

const GROUPS = ["", "author", "team", "repo", "week", "arm"] as const;

/** `uplift measure metrics --json` as tables, one per metric, with definitions and weekly trends. */
export function MetricsPage({ token, onUnauthorized }: MetricsPageProps) {
  const [filter, setFilter] = useState<MetricsFilter>({});
  const load = useCallback(
    async (signal: AbortSignal, f: MetricsFilter): Promise<Loaded> => {
      const [report, weekly, { definitions }] = await Promise.all([
        getMetrics(token, f, signal),
        getMetrics(token, { ...f, group_by: "week" }, signal),
        getMetricDefinitions(token, signal),
      ]);
      return { filter: f, report, weekly, definitions };
    },
    [token],
  );
  const [state, run] = useApiCall(load, onUnauthorized);
  useEffect(() => run({}), [run]);

  function submit(event: FormEvent) {
    event.preventDefault();
    run(filter);
  }

  return (
    <section aria-labelledby="page-title" data-testid="page-metrics">
      <h1 id="page-title">Metrics</h1>
      <form className="query-form panel section filters" onSubmit={submit}>
        <label>
          From
          <input
            type="date"
            data-testid="metrics-from"
            value={filter.from ?? ""}
            onChange={(e) => setFilter({ ...filter, from: e.target.value })}
          />
        </label>
        <label>
          To
          <input
            type="date"
            data-testid="metrics-to"
            value={filter.to ?? ""}
            onChange={(e) => setFilter({ ...filter, to: e.target.value })}
          />
        </label>
        <label>
          Group by
          <select
            data-testid="metrics-group-by"
            value={filter.group_by ?? ""}
            onChange={(e) => setFilter({ ...filter, group_by: e.target.value })}
          >
            {GROUPS.map((g) => (
              <option key={g} value={g}>
                {g || "(all)"}
              </option>
            ))}
          </select>
        </label>
        <button
          type="submit"
          className="primary"
          data-testid="metrics-apply"
          disabled={state.kind === "loading"}
        >
          Apply
        </button>
      </form>
      {state.kind === "loading" && (
        <p className="muted" aria-live="polite">
          Computing metrics…
        </p>
      )}
      {state.kind === "failed" && (
        <p className="error" role="alert" data-testid="metrics-error">
          {state.message}
        </p>
      )}
      {state.kind === "done" && <Report loaded={state.value} drill={{ token, onUnauthorized }} />}
    </section>
  );
}

function Report({
  loaded: { filter, report, weekly, definitions },
  drill,
}: {
  loaded: Loaded;
  drill: Pick<DrillDown, "token" | "onUnauthorized">;
}) {
  const byName = groupByName(report.metrics);
  const weeklyByName = groupByName(weekly.metrics);
  return (
    <div data-testid="metrics-report">
      <p className="muted small" data-testid="metrics-window">
        Window: {report.window.from ?? "start of data"} → {report.window.to ?? "end of data"}
        {report.group_by && ` · grouped by ${report.group_by}`}
        {report.experiment && ` · experiment ${report.experiment}`}
      </p>
      {byName.size === 0 && (
        <p className="panel empty">
          No metric has a value in this window. Import records with <code>uplift measure import</code>.
        </p>
      )}
      <QualityView metrics={report.metrics} definitions={definitions} />
      <FlowView metrics={report.metrics} definitions={definitions} />
      {[...byName].map(([name, rows]) => {
        const weeks = weeklyByName.get(name) ?? [];
        const hasMedian = weeks.some((row) => typeof row.median === "number");
        return (
          <MetricTable
            key={name}
            name={name}
            rows={rows}
            definition={definitions.find((d) => d.name === name)}
            weekly={weeklyValues(weeks)}
            weeklyLabel={hasMedian ? "median" : "value"}
            drill={{ ...drill, filter, grouped: report.group_by !== null }}
          />
        );
      })}
      {report.skipped.length > 0 && (
        <ul className="muted small skipped">
          {report.skipped.map((s) => (
            <li key={s.name}>
              <code>{s.name}</code>: {s.reason}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function groupByName(rows: MetricRow[]): Map<string, MetricRow[]> {
  const map = new Map<string, MetricRow[]>();
  for (const row of rows) map.set(row.name, [...(map.get(row.name) ?? []), row]);
  return map;
}

/** The median per week (the value for counts and rates), weeks without a value left out. */
function weeklyValues(rows: MetricRow[]): WeekValue[] {
  return rows.flatMap((row) => {
    const value = typeof row.median === "number" ? row.median : row.value;
    return typeof value === "number" ? [{ week: row.group, value }] : [];
  });
}
