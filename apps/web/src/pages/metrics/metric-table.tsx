import { useState } from "react";
import type { MetricDefinition, MetricRow, MetricsFilter } from "../../api/measure.js";
import type { WeekValue } from "../../format/trend-points.js";
import { MetricRecords } from "./metric-records.js";
import { TrendChart } from "./trend-chart.js";

/** What a row needs to fetch its records: the signed-in token and the report's filter. */
export interface DrillDown {
  token: string;
  onUnauthorized(): void;
  filter: MetricsFilter;
  /** False for an ungrouped report: its one row explains every record. */
  grouped: boolean;
}

interface MetricTableProps {
  name: string;
  rows: MetricRow[];
  definition: MetricDefinition | undefined;
  weekly: WeekValue[];
  weeklyLabel: string;
  drill?: DrillDown | undefined;
}

/** One metric: its rows per group, its exact definition beside them, and the weekly trend. */
export function MetricTable({ name, rows, definition, weekly, weeklyLabel, drill }: MetricTableProps) {
  const spread = rows.some((row) => typeof row.p75 === "number");
  const [open, setOpen] = useState<string | undefined>(undefined);
  const widest = Math.max(0, ...rows.map((row) => (typeof row.p90 === "number" ? row.p90 : 0)));
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
              {spread && widest > 0 && <th scope="col">distribution</th>}
              {drill && <th scope="col">records</th>}
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
                {spread && widest > 0 && (
                  <td>
                    <Distribution row={row} widest={widest} />
                  </td>
                )}
                {drill && (
                  <td>
                    <button
                      type="button"
                      className="link"
                      data-testid={`drill-${name}-${row.group}`}
                      aria-expanded={open === row.group}
                      onClick={() => setOpen(open === row.group ? undefined : row.group)}
                    >
                      {open === row.group ? "hide" : "show"}
                    </button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
        {drill && open !== undefined && (
          <MetricRecords
            token={drill.token}
            onUnauthorized={drill.onUnauthorized}
            metric={name}
            filter={drill.filter}
            group={drill.grouped ? open : undefined}
          />
        )}
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

/** The row's median, p75 and p90 as one bar on the scale of the widest p90 of the table. */
function Distribution({ row, widest }: { row: MetricRow; widest: number }) {
  const at = (v: unknown) => (typeof v === "number" ? (100 * v) / widest : 0);
  const median = at(row.median ?? row.value);
  const p75 = at(row.p75);
  const p90 = at(row.p90);
  return (
    <svg className="distribution" viewBox="0 0 100 10" width="120" height="12" role="img">
      <title>{`median ${formatValue(row.median ?? row.value)}, p75 ${formatValue(row.p75)}, p90 ${formatValue(row.p90)}`}</title>
      <rect x="0" y="4" width={p90} height="2" className="whisker" />
      <rect x={Math.min(median, p75)} y="1" width={Math.max(0.5, p75 - median)} height="8" className="box" />
      <rect x={median} y="0" width="0.8" height="10" className="median" />
    </svg>
  );
}

/** A metric value as the CLI prints it: integers as is, else 3 decimals below 10, 1 above. */
export function formatValue(value: unknown): string {
  if (typeof value !== "number") return "—";
  return Number.isInteger(value) ? String(value) : value.toFixed(value < 10 ? 3 : 1);
}
