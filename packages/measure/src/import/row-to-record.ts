import { InputError } from "@uplift/core";
import { CellError, readCell } from "./cell.js";
import type { KindSpec } from "./kinds.js";
import type { Table, TableRow } from "./read-table.js";

/**
 * Turns one input row into a validated record of `spec`'s kind: known columns read by type,
 * every other non-empty column kept in `attributes`. Throws InputError naming file, line, column.
 */
export function rowToRecord(spec: KindSpec, table: Table, row: TableRow): Record<string, unknown> {
  const where = (column?: string) =>
    `${table.file} ${table.unit} ${row.line}${column ? `, column ${column}` : ""}`;
  const input: Record<string, unknown> = {};
  const attributes: Record<string, unknown> = {};
  for (const [column, value] of Object.entries(row.cells)) {
    const type = spec.columns[column];
    if (type === undefined) {
      if (column === "attributes" && isObject(value)) Object.assign(attributes, value);
      else if (value !== undefined && value !== null && value !== "") attributes[column] = value;
      continue;
    }
    try {
      const read = readCell(value, type);
      if (read !== undefined) input[column] = read;
    } catch (error) {
      if (error instanceof CellError)
        throw new InputError(`${where(column)}: ${error.message}`, { cause: error });
      throw error;
    }
  }
  input.attributes = attributes;
  const parsed = spec.schema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const column = issue?.path.map(String).join(".") || undefined;
    const missing = column !== undefined && input[column] === undefined;
    throw new InputError(
      `${where(column)}: ${missing ? "a value is required" : (issue?.message ?? "invalid value")}`,
      { cause: parsed.error },
    );
  }
  const record = parsed.data as Record<string, unknown>;
  checkConsistency(spec, record, where);
  return record;
}

/** Rules across fields that the record schemas do not state. */
function checkConsistency(
  spec: KindSpec,
  record: Record<string, unknown>,
  where: (column?: string) => string,
): void {
  if (spec.kind === "telemetry" && (record.accepted as number) > (record.shown as number)) {
    throw new InputError(
      `${where("accepted")}: ${record.accepted} suggestions accepted but only ${record.shown} shown; accepted cannot exceed shown`,
    );
  }
}

/** The header must name every required column of the kind (DESIGN: minimum columns). */
export function checkHeader(spec: KindSpec, table: Table): void {
  if (table.rows.length === 0 && table.format !== "csv") return;
  const missing = spec.required.filter((column) => !table.header.includes(column));
  if (missing.length === 0) return;
  const where = table.format === "csv" ? `${table.file} line 1 (header)` : table.file;
  throw new InputError(
    `${where}: missing required column${missing.length > 1 ? "s" : ""} ${missing.join(", ")} for --kind ${spec.kind} ` +
      `(required: ${spec.required.join(",")}; found: ${table.header.join(",") || "nothing"})`,
  );
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
