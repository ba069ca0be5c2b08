import { InputError } from "@uplift/core";
import { type CsvTable, columnIndex } from "../csv/csv-table.js";
import { instantCell, numericCell, textCell } from "../csv/numeric-cell.js";
import type { AnalysisData } from "./analysis-data.js";
import type { AnalysisReport } from "./analysis-report.js";
import { unitMeansByArm } from "./unit-means.js";

/** One week of one arm: rows and their location (geometric mean with a log outcome, else mean). */
export interface WeeklyPoint {
  /** Monday of the ISO week, YYYY-MM-DD (UTC). */
  week: string;
  arm: "treatment" | "control";
  rows: number;
  value: number;
}

/** What the HTML report needs of one analysed metric, stored by `analyze --save`. */
export interface AnalysisRecord {
  metric: string;
  /** "guardrail" when analysed with a non-inferiority margin. */
  role: "outcome" | "guardrail";
  report: AnalysisReport;
  /** Each developer's location on the outcome's scale (geometric mean of rows with a log outcome). */
  unitMeans: { treatment: number[]; control: number[] };
  /** Weekly trend over every dated row of the file, the ramp-up included; empty without --date. */
  weekly: WeeklyPoint[];
}

function mondayOf(date: Date): string {
  const day = (date.getUTCDay() + 6) % 7; // Monday 0
  const monday = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate() - day));
  return monday.toISOString().slice(0, 10);
}

/**
 * Weekly location of the outcome per arm from every dated row of the table — the analysis window's
 * exclusions do not apply, so the ramp-up shows in the trend. Rows with an empty or (under a log)
 * non-positive outcome are skipped here as in the analysis.
 */
export function weeklyTrend(table: CsvTable, data: AnalysisData): WeeklyPoint[] {
  const { spec } = data;
  if (!spec.period) return [];
  const dateCol = columnIndex(table, spec.period.column, "--date");
  const armCol = columnIndex(table, spec.arm, "--arm");
  const outcomeCol = columnIndex(table, spec.outcome, "--outcome");
  const sums = new Map<string, { rows: number; sum: number }>();
  table.rows.forEach((_, r) => {
    const arm = textCell(table, r, armCol);
    if (arm !== spec.treatment && arm !== data.control) return;
    const value = numericCell(table, r, outcomeCol);
    const date = instantCell(table, r, dateCol);
    if (value === undefined || !date || (spec.logOutcome && !(value > 0))) return;
    const key = `${mondayOf(date)}|${arm === spec.treatment ? "treatment" : "control"}`;
    const s = sums.get(key) ?? { rows: 0, sum: 0 };
    s.rows++;
    s.sum += spec.logOutcome ? Math.log(value) : value;
    sums.set(key, s);
  });
  return [...sums]
    .map(([key, s]) => {
      const [week, arm] = key.split("|") as [string, "treatment" | "control"];
      const mean = s.sum / s.rows;
      return { week, arm, rows: s.rows, value: spec.logOutcome ? Math.exp(mean) : mean };
    })
    .sort((a, b) => (a.week < b.week ? -1 : a.week > b.week ? 1 : a.arm < b.arm ? -1 : 1));
}

/** The record `analyze --save` stores for the report. */
export function analysisRecord(
  metric: string,
  table: CsvTable,
  data: AnalysisData,
  report: AnalysisReport,
): AnalysisRecord {
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/.test(metric)) {
    throw new InputError(`--metric ${metric}: a metric name is 1–100 letters, digits, ".", "_" or "-"`);
  }
  const means = unitMeansByArm(data, data.y);
  const toScale = (values: number[]) => (data.spec.logOutcome ? values.map(Math.exp) : values);
  return {
    metric,
    role: report.checks.non_inferiority ? "guardrail" : "outcome",
    report,
    unitMeans: { treatment: toScale(means.treatment), control: toScale(means.control) },
    weekly: weeklyTrend(table, data),
  };
}
