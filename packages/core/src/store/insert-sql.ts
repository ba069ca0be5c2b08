import { InputError } from "../errors.js";
import type { InsertManyOptions } from "./types.js";

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_$]*$/;

/** Quotes a (possibly schema-qualified) name; refuses anything but plain identifiers. */
export function quoteIdentifier(name: string): string {
  const parts = name.split(".");
  if (parts.length > 2 || !parts.every((part) => IDENTIFIER.test(part))) {
    throw new InputError(
      `"${name}" is not a valid SQL table or column name (letters, digits, _; optional schema.)`,
    );
  }
  return parts.map((part) => `"${part}"`).join(".");
}

/** `INSERT INTO t (a, b) VALUES ($1, $2), ($3, $4) [ON CONFLICT …]`: one parameter per value. */
export function valuesInsert(
  table: string,
  columns: readonly string[],
  rowCount: number,
  onConflict?: InsertManyOptions["onConflict"],
): string {
  const tuples: string[] = [];
  for (let row = 0, param = 1; row < rowCount; row++) {
    const slots: string[] = [];
    for (let col = 0; col < columns.length; col++) slots.push(`$${param++}`);
    tuples.push(`(${slots.join(", ")})`);
  }
  return `${head(table, columns)} VALUES ${tuples.join(", ")}${conflictClause(columns, onConflict)}`;
}

/**
 * `INSERT INTO t (a, b) SELECT * FROM unnest($1::type_a[], $2::type_b[]) [ON CONFLICT …]`: one
 * array parameter per column, whatever the row count. `arrayTypes` are the columns' element
 * types without type modifiers, so that a too-long value still fails as it would in VALUES
 * (an explicit cast to varchar(3) would silently truncate).
 */
export function unnestInsert(
  table: string,
  columns: readonly string[],
  arrayTypes: readonly string[],
  onConflict?: InsertManyOptions["onConflict"],
): string {
  const arrays = arrayTypes.map((type, i) => `$${i + 1}::${type}[]`);
  return `${head(table, columns)} SELECT * FROM unnest(${arrays.join(", ")})${conflictClause(columns, onConflict)}`;
}

function head(table: string, columns: readonly string[]): string {
  return `INSERT INTO ${quoteIdentifier(table)} (${columns.map(quoteIdentifier).join(", ")})`;
}

function conflictClause(columns: readonly string[], onConflict: InsertManyOptions["onConflict"]): string {
  if (!onConflict) return "";
  if (onConflict.columns.length === 0)
    throw new InputError("insertMany onConflict.columns must name at least one column");
  const target = onConflict.columns.map(quoteIdentifier).join(", ");
  const rest = columns.filter((column) => !onConflict.columns.includes(column));
  if (onConflict.action === "nothing" || rest.length === 0) return ` ON CONFLICT (${target}) DO NOTHING`;
  const sets = rest.map((column) => `${quoteIdentifier(column)} = EXCLUDED.${quoteIdentifier(column)}`);
  return ` ON CONFLICT (${target}) DO UPDATE SET ${sets.join(", ")}`;
}
