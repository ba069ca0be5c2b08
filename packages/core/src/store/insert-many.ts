import { InputError } from "../errors.js";
import { quoteIdentifier, unnestInsert, valuesInsert } from "./insert-sql.js";
import type { InsertManyOptions, Queryable } from "./types.js";

/** PostgreSQL's wire protocol counts bind parameters in an Int16: at most 65,535 per statement. */
export const MAX_PARAMETERS = 65_535;
/** Rows per statement when the caller gives none; see docs/benchmarks.md ("Store"). */
export const DEFAULT_BATCH_ROWS = 5_000;

/**
 * The target columns' types. `element_type` is what `unnest` casts to, NULL when the type
 * cannot travel as a one-dimensional array parameter alike on both drivers (arrays, bytea,
 * composites, geometry). Categories: Boolean, Date/time, Enum, network (I), Numeric, String,
 * Timespan; among User types uuid and json/jsonb. No type modifiers: an explicit cast to
 * varchar(3) would truncate where an INSERT fails.
 */
const COLUMN_TYPES = `
SELECT a.attname AS name,
       CASE WHEN t.typcategory IN ('B', 'D', 'E', 'I', 'N', 'S', 'T') OR t.typname IN ('uuid', 'json', 'jsonb')
            THEN quote_ident(n.nspname) || '.' || quote_ident(t.typname) END AS element_type,
       t.typname IN ('json', 'jsonb') AS is_json
FROM pg_attribute a
JOIN pg_type t ON t.oid = a.atttypid
JOIN pg_namespace n ON n.oid = t.typnamespace
WHERE a.attrelid = $1::regclass AND a.attnum > 0 AND NOT a.attisdropped`;

interface ColumnType {
  elementType: string | null;
  isJson: boolean;
}

/** Rows per statement: the requested batch size, capped so that VALUES stays under the parameter limit. */
export function rowsPerStatement(
  columnCount: number,
  batchSize = DEFAULT_BATCH_ROWS,
  shape: "values" | "unnest" = "values",
): number {
  if (!Number.isInteger(batchSize) || batchSize < 1) {
    throw new InputError(`insertMany batchSize must be a positive integer, got ${batchSize}`);
  }
  if (shape === "unnest") return batchSize;
  return Math.max(1, Math.min(batchSize, Math.floor(MAX_PARAMETERS / columnCount)));
}

/**
 * Inserts `rows` through `db` (a transaction, usually), one multi-row INSERT per batch. When
 * every column has a scalar type the batch goes as one array parameter per column
 * (`INSERT … SELECT * FROM unnest(…)`), which PostgreSQL parses and plans far faster than a
 * VALUES list of thousands of parameters; otherwise as VALUES. json/jsonb values that are not
 * strings are sent as JSON text on both paths (pg would turn a JS array into an SQL array).
 * Returns the rows written (rows skipped by `DO NOTHING` are not counted).
 */
export async function insertRows(
  db: Queryable,
  table: string,
  columns: readonly string[],
  rows: readonly (readonly unknown[])[],
  options: InsertManyOptions = {},
): Promise<number> {
  if (columns.length === 0) throw new InputError(`insertMany into ${table}: no columns given`);
  columns.forEach(quoteIdentifier);
  rows.forEach((row, index) => {
    if (row.length !== columns.length) {
      throw new InputError(
        `insertMany into ${table}: row ${index} has ${row.length} values for ${columns.length} columns (${columns.join(", ")})`,
      );
    }
  });
  if (rows.length === 0) return 0;
  const types = await columnTypes(db, table, columns);
  const elementTypes = types.map((type) => type.elementType);
  const unnestSql = elementTypes.every((type): type is string => type !== null)
    ? unnestInsert(table, columns, elementTypes, options.onConflict)
    : undefined;
  const perStatement = rowsPerStatement(columns.length, options.batchSize, unnestSql ? "unnest" : "values");
  let written = 0;
  for (let start = 0; start < rows.length; start += perStatement) {
    const batch = rows.slice(start, start + perStatement);
    const { rowCount } = unnestSql
      ? await db.query(unnestSql, columnArrays(batch, types))
      : await db.query(
          valuesInsert(table, columns, batch.length, options.onConflict),
          rowValues(batch, types),
        );
    written += rowCount;
  }
  return written;
}

/** Each column's type; a column the table lacks gets no element type, and the INSERT names it. */
async function columnTypes(db: Queryable, table: string, columns: readonly string[]): Promise<ColumnType[]> {
  const { rows } = await db.query<{ name: string; element_type: string | null; is_json: boolean }>(
    COLUMN_TYPES,
    [quoteIdentifier(table)],
  );
  const byName = new Map(rows.map((row) => [row.name, row]));
  return columns.map((column) => {
    const row = byName.get(column);
    return { elementType: row?.element_type ?? null, isJson: row?.is_json ?? false };
  });
}

function columnArrays(batch: readonly (readonly unknown[])[], types: readonly ColumnType[]): unknown[][] {
  return types.map(({ isJson }, c) => batch.map((row) => param(row[c], isJson)));
}

function rowValues(batch: readonly (readonly unknown[])[], types: readonly ColumnType[]): unknown[] {
  const values: unknown[] = [];
  for (const row of batch) for (const [c, type] of types.entries()) values.push(param(row[c], type.isJson));
  return values;
}

function param(value: unknown, isJson: boolean): unknown {
  if (value === undefined || value === null) return null;
  if (!isJson || typeof value === "string") return value;
  return JSON.stringify(value, (_, item) => (typeof item === "bigint" ? item.toString() : item));
}
