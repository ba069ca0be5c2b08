import type { Queryable } from "@uplift/core";

/** A column to load: a number (NaN when NULL; times as epoch ms) or text ("" when NULL). */
export interface PackedColumn {
  name: string;
  /** SQL expression over the FROM clause. */
  sql: string;
  type: "time" | "number" | "text";
}

export interface PackedRows {
  length: number;
  numbers: Record<string, Float64Array>;
  texts: Record<string, string[]>;
}

const SEPARATOR = "\u001f";

/**
 * Loads many rows as columns in one aggregate row: numbers packed as big-endian float8 in a
 * base64 bytea, texts joined by U+001F. On PGlite this is ~8× faster than one protocol row per
 * record (1M PRs: ~2 s instead of ~15 s; docs/benchmarks.md "Measure"). All aggregates of one
 * query see the rows in the same order, so the columns line up; their lengths are checked.
 */
export async function loadPacked(
  db: Queryable,
  from: string,
  columns: readonly PackedColumn[],
  params: readonly unknown[] = [],
): Promise<PackedRows> {
  const select = columns.map((column, i) => {
    if (column.type === "text")
      return `string_agg(replace(coalesce((${column.sql})::text, ''), E'\\x1f', ' '), E'\\x1f') AS c${i}`;
    const value =
      column.type === "time" ? `date_part('epoch', ${column.sql}) * 1000` : `(${column.sql})::float8`;
    return `encode(string_agg(float8send(coalesce(${value}, 'NaN'::float8)), ''::bytea), 'base64') AS c${i}`;
  });
  const { rows } = await db.query<Record<string, string | null>>(
    `SELECT count(*)::int AS n, ${select.join(", ")} FROM ${from}`,
    params,
  );
  const row = rows[0] ?? {};
  const length = Number(row.n ?? 0);
  const result: PackedRows = { length, numbers: {}, texts: {} };
  for (const [i, column] of columns.entries()) {
    const raw = row[`c${i}`] ?? null;
    if (column.type === "text") {
      const values = length === 0 || raw === null ? [] : raw.split(SEPARATOR);
      result.texts[column.name] = checked(values, length, column.name);
    } else {
      result.numbers[column.name] = checked(decodeFloat8(raw), length, column.name);
    }
  }
  return result;
}

function decodeFloat8(base64: string | null): Float64Array {
  if (base64 === null) return new Float64Array(0);
  const bytes = Buffer.from(base64, "base64");
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out = new Float64Array(bytes.byteLength / 8);
  for (let i = 0; i < out.length; i++) out[i] = view.getFloat64(i * 8);
  return out;
}

function checked<T extends { length: number }>(values: T, length: number, name: string): T {
  if (values.length !== length) {
    throw new Error(`packed load of column ${name}: ${values.length} values for ${length} rows`);
  }
  return values;
}
