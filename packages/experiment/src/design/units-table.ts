import { InputError } from "@uplift/core";
import { type CsvTable, columnIndex } from "../csv/csv-table.js";
import { isDecimalNumber, numericCell, textCell } from "../csv/numeric-cell.js";
import type { NumericAttribute } from "./balance-table.js";

/** The unit ids of a units file (e.g. developers.csv), checked: none empty, none twice. */
export function unitIds(table: CsvTable, unitColumn: string): string[] {
  const col = columnIndex(table, unitColumn, "--unit");
  const firstLine = new Map<string, number>();
  return table.rows.map((_, r) => {
    const id = textCell(table, r, col);
    const line = table.lines[r] as number;
    if (id === "")
      throw new InputError(`${table.file} line ${line}, column "${unitColumn}": the unit is empty`);
    const before = firstLine.get(id);
    if (before !== undefined) {
      throw new InputError(
        `${table.file} line ${line}: unit "${id}" is listed twice (first on line ${before})`,
      );
    }
    firstLine.set(id, line);
    return id;
  });
}

/**
 * Numeric columns for the balance table: the ones named (each must be numeric where not empty),
 * or by default every column other than the unit and the categorical strata whose non-empty
 * cells are all numbers.
 */
export function numericAttributes(
  table: CsvTable,
  named: readonly string[] | undefined,
  exclude: readonly string[],
): NumericAttribute[] {
  const read = (column: string): NumericAttribute => {
    const col = columnIndex(table, column, "--balance");
    return { column, values: table.rows.map((_, r) => numericCell(table, r, col)) };
  };
  if (named && named.length > 0) return named.map(read);
  return table.header
    .filter((column) => !exclude.includes(column))
    .filter((column) => {
      const col = table.header.indexOf(column);
      let numbers = 0;
      for (let r = 0; r < table.rows.length; r++) {
        const text = textCell(table, r, col);
        if (text === "") continue;
        if (!isDecimalNumber(text)) return false;
        numbers++;
      }
      return numbers > 0;
    })
    .map(read);
}
