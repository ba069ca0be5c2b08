import { InputError } from "@uplift/core";
import { CellError, readCell } from "../import/cell.js";
import type { Table } from "../import/read-table.js";
import type { Transition } from "./work-item-records.js";

/** Columns of a transitions file (DESIGN: `item_id,at,from,to`). */
export const TRANSITION_COLUMNS = ["item_id", "at", "from", "to"] as const;

/** One transition read from a file, with the line it came from. */
export interface TransitionRow extends Transition {
  line: number;
  /** "file line N" (CSV, JSONL) or "file record N" (JSON array). */
  where: string;
}

/**
 * Reads the rows of a transitions table: `item_id` and `to` required, `at` an ISO 8601 instant with
 * offset, `from` optional (empty for the first status). Throws InputError naming file, line, column.
 */
export function transitionRows(table: Table): TransitionRow[] {
  const missing = TRANSITION_COLUMNS.filter((column) => column !== "from" && !table.header.includes(column));
  if (missing.length > 0 && (table.rows.length > 0 || table.format === "csv")) {
    const where = table.format === "csv" ? `${table.file} line 1 (header)` : table.file;
    throw new InputError(
      `${where}: missing required column${missing.length > 1 ? "s" : ""} ${missing.join(", ")} for transitions ` +
        `(required: item_id,at,from,to; found: ${table.header.join(",") || "nothing"})`,
    );
  }
  return table.rows.map(({ line, cells }) => {
    const read = (column: string, type: "string" | "instant") => {
      try {
        return readCell(cells[column], type) as string | undefined;
      } catch (error) {
        if (error instanceof CellError)
          throw new InputError(`${table.file} ${table.unit} ${line}, column ${column}: ${error.message}`, {
            cause: error,
          });
        throw error;
      }
    };
    const itemId = read("item_id", "string");
    const at = read("at", "instant");
    const to = read("to", "string");
    for (const [column, value] of [
      ["item_id", itemId],
      ["at", at],
      ["to", to],
    ] as const)
      if (value === undefined)
        throw new InputError(`${table.file} ${table.unit} ${line}, column ${column}: a value is required`);
    return {
      line,
      where: `${table.file} ${table.unit} ${line}`,
      item_id: itemId as string,
      at: at as string,
      from: read("from", "string") ?? "",
      to: to as string,
    };
  });
}
