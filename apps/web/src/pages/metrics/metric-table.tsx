import type { MetricDefinition, MetricRow } from "../../api/measure.js";
import type { WeekValue } from "../../format/trend-points.js";
import { TrendChart } from "./trend-chart.js";

interface MetricTableProps {
  name: string;
  rows: MetricRow[];
  definition: MetricDefinition | undefined;
  weekly: WeekValue[];
  weeklyLabel: string;
}

/** One metric: its rows per group, its exact definition beside them, and the weekly trend. */
export function MetricTable({ name, rows, definition, weekly, weeklyLabel }: MetricTableProps) {
  const spread = rows.some((row) => typeof row.p75 === "number");
  return (
    <section className="panel metric" aria-labelledby={`metric-${name}`} data-testid={`metric-${name}`}>
      <h2 id={`metric-${name}`}>
        <code>{name}</code> <span className="muted small">{rows[0]?.unit ?? definition?.unit}</span>
      </h2>
      <div className="metric-body">
        <table className="metric-rows">
          <thead>
            <tr>
              <th scope="col">group</th>
              <th scope="col">value</th>
              <th scope="col">n</th>
              {spread && <th scope="col">p75</th>}
              {spread && <th scope="col">p90</th>}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.group}>
                <th scope="row">{row.group}</th>
                <td>{formatValue(row.value)}</td>
                <td>{row.n}</td>
                {spread && <td>{formatValue(row.p75)}</td>}
                {spread && <td>{formatValue(row.p90)}</td>}
              </tr>
            ))}
          </tbody>
        </table>
        <div className="metric-side">
          <p className="definition" data-testid={`definition-${name}`}>
            {definition?.definition ?? "No definition available."}
          </p>
          <TrendChart name={name} label={weeklyLabel} values={weekly} />
        </div>
      </div>
    </section>
  );
}

/** A metric value as the CLI prints it: integers as is, else 3 decimals below 10, 1 above. */
export function formatValue(value: unknown): string {
  if (typeof value !== "number") return "—";
  return Number.isInteger(value) ? String(value) : value.toFixed(value < 10 ? 3 : 1);
}
