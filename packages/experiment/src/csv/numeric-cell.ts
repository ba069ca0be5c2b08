import { InputError } from "@uplift/core";
import type { CsvTable } from "./csv-table.js";

/**
 * The number in row `row`, column `column` of a table: `undefined` for an empty cell (a missing
 * value), a finite number otherwise. Text that is not a finite decimal number throws `InputError`
 * naming the file, line and column.
 */
export function numericCell(table: CsvTable, row: number, column: number): number | undefined {
  const text = (table.rows[row]?.[column] ?? "").trim();
  if (text === "") return undefined;
  const value = Number(text);
  if (!isDecimalNumber(text)) {
    throw new InputError(
      `${table.file} line ${table.lines[row]}, column "${table.header[column]}": "${text}" is not a number`,
    );
  }
  return value;
}

/** The trimmed text of a cell ("" when empty). */
export function textCell(table: CsvTable, row: number, column: number): string {
  return (table.rows[row]?.[column] ?? "").trim();
}

/** True for a finite decimal number such as "12", "-0.5", "1e3" (not "Infinity", "0x10", "1,5"). */
export function isDecimalNumber(text: string): boolean {
  return /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text) && Number.isFinite(Number(text));
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/**
 * The instant in a cell holding an ISO 8601 date or date-time (a date alone is midnight UTC);
 * `undefined` when empty. Anything else throws `InputError` naming file, line and column.
 */
export function instantCell(table: CsvTable, row: number, column: number): Date | undefined {
  const text = textCell(table, row, column);
  if (text === "") return undefined;
  const date = ISO_INSTANT.test(text)
    ? new Date(/^\d{4}-\d{2}-\d{2}$/.test(text) ? `${text}T00:00:00Z` : text)
    : undefined;
  if (!date || Number.isNaN(date.getTime())) {
    throw new InputError(
      `${table.file} line ${table.lines[row]}, column "${table.header[column]}": "${text}" is not an ISO 8601 date (e.g. 2026-03-02 or 2026-03-02T09:00:00Z)`,
    );
  }
  return date;
}
