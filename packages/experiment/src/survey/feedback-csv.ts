import { InputError } from "@uplift/core";
import { type CsvTable, columnIndex } from "../csv/csv-table.js";
import { instantCell, numericCell, textCell } from "../csv/numeric-cell.js";
import type { TelemetryDayRow } from "../telemetry/acceptance-analysis.js";
import type { LikertAnswer } from "./likert-analysis.js";

/** Columns of a survey or telemetry CSV. */
export interface FeedbackColumns {
  unit: string;
  arm: string;
  /** Survey: the item column (default "item"). */
  item?: string;
  /** Survey: the answer column (default "value"). */
  value?: string;
  /** Telemetry: the day column (default "date"). */
  date?: string;
}

function required(table: CsvTable, r: number, column: number, name: string): string {
  const text = textCell(table, r, column);
  if (text === "")
    throw new InputError(`${table.file} line ${table.lines[r]}, column "${name}": the cell is empty`);
  return text;
}

/** Likert answers of a CSV: one row per respondent and item, the answer a number; empty answers skipped. */
export function surveyAnswersFromCsv(table: CsvTable, columns: FeedbackColumns): LikertAnswer[] {
  const unit = columnIndex(table, columns.unit, "--unit");
  const arm = columnIndex(table, columns.arm, "--arm");
  const item = columnIndex(table, columns.item ?? "item", "--item");
  const value = columnIndex(table, columns.value ?? "value", "--outcome");
  const out: LikertAnswer[] = [];
  table.rows.forEach((_, r) => {
    const answer = numericCell(table, r, value);
    if (answer === undefined) return;
    out.push({
      unit: required(table, r, unit, columns.unit),
      arm: required(table, r, arm, columns.arm),
      item: required(table, r, item, columns.item ?? "item"),
      value: answer,
    });
  });
  return out;
}

/** Telemetry days of a CSV with the contract's columns `user,date,shown,accepted` plus the arm. */
export function telemetryDaysFromCsv(table: CsvTable, columns: FeedbackColumns): TelemetryDayRow[] {
  const unit = columnIndex(table, columns.unit, "--unit");
  const arm = columnIndex(table, columns.arm, "--arm");
  const date = columnIndex(table, columns.date ?? "date", "--date");
  const shown = columnIndex(table, "shown", "shown");
  const accepted = columnIndex(table, "accepted", "accepted");
  return table.rows.map((_, r) => {
    const day = instantCell(table, r, date);
    const s = numericCell(table, r, shown);
    const a = numericCell(table, r, accepted);
    if (!day || s === undefined || a === undefined) {
      throw new InputError(`${table.file} line ${table.lines[r]}: date, shown and accepted are required`);
    }
    return {
      unit: required(table, r, unit, columns.unit),
      arm: required(table, r, arm, columns.arm),
      day: day.getTime(),
      shown: s,
      accepted: a,
    };
  });
}
