import type { Queryable, Store } from "@uplift/core";
import { NULL_TIME_SQL, timeMs } from "./binary-time.js";

/**
 * A column to load: a number (NaN when NULL), a time (a timestamptz expression; epoch ms, NaN when
 * NULL), text ("" when NULL), or a label: text with few distinct values (authors, repositories),
 * read as numbers into its distinct values.
 */
export interface PackedColumn {
  name: string;
  /** SQL expression over the FROM clause. */
  sql: string;
  type: "time" | "number" | "text" | "label";
}

/** A label column: `codes[i]` indexes `names`, the distinct values in order of first appearance. */
export interface PackedLabels {
  names: string[];
  codes: Int32Array;
}

export interface PackedRows {
  length: number;
  numbers: Record<string, Float64Array>;
  texts: Record<string, string[]>;
  labels: Record<string, PackedLabels>;
}

const SEPARATOR = "\u001f";

/**
 * Loads many rows as columns in one aggregate row: the numbers and times of each row packed as
 * big-endian binary (a time as `timestamptz_send`'s µs, 8 bytes; a number as float8) into one
 * base64 bytea, and each text column joined by U+001F. On PGlite this is ~8× faster than one
 * protocol row per record (docs/benchmarks.md "Measure"); sending times in binary skips
 * `date_part` and a text column is aggregated as it is, replacing U+001F only in the rare load
 * whose values hold one (found by counting). All aggregates of one query see the rows in the
 * same order, so the columns line up; their lengths are checked.
 */
export async function loadPacked(
  db: Queryable,
  from: string,
  columns: readonly PackedColumn[],
  params: readonly unknown[] = [],
): Promise<PackedRows> {
  const row = await loadRow(db, from, columns, params, false);
  const length = Number(row.n ?? 0);
  const texts = columns.filter(isText);
  let split = texts.map((_, i) => splitText(row[`t${i}`] ?? null, length));
  // a value held the separator: read the texts again with it replaced, as the earlier loader did
  if (split.some((values) => values.length !== length)) {
    const again = await loadRow(db, from, texts, params, true);
    split = texts.map((_, i) => splitText(again[`t${i}`] ?? null, length));
  }
  const result: PackedRows = { length, numbers: {}, texts: {}, labels: {} };
  for (const [i, column] of texts.entries()) {
    const values = checked(split[i] as string[], length, column.name);
    if (column.type === "label") result.labels[column.name] = labelsOf(values);
    else result.texts[column.name] = values;
  }
  const binary = columns.filter((column) => !isText(column));
  if (binary.length > 0) decodeRows(row.b ?? null, length, binary, result.numbers);
  return result;
}

const isText = (column: PackedColumn) => column.type === "text" || column.type === "label";

/** Numbers the values of a label column (the split strings die young: no 1M-string array is kept). */
function labelsOf(values: readonly string[]): PackedLabels {
  const numbers = new Map<string, number>();
  const names: string[] = [];
  const codes = new Int32Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const value = values[i] as string;
    let code = numbers.get(value);
    if (code === undefined) {
      code = names.length;
      names.push(value);
      numbers.set(value, code);
    }
    codes[i] = code;
  }
  return { names, codes };
}

async function loadRow(
  db: Queryable,
  from: string,
  columns: readonly PackedColumn[],
  params: readonly unknown[],
  replaceSeparator: boolean,
): Promise<Record<string, string | null>> {
  const select = ["count(*)::int AS n"];
  const texts = columns.filter(isText);
  for (const [i, column] of texts.entries()) {
    const text = `coalesce((${column.sql})::text, '')`;
    const value = replaceSeparator ? `replace(${text}, E'\\x1f', ' ')` : text;
    select.push(`string_agg(${value}, E'\\x1f') AS t${i}`);
  }
  const binary = columns.filter((column) => !isText(column));
  if (binary.length > 0) {
    const parts = binary.map((column) =>
      column.type === "time"
        ? `coalesce(timestamptz_send((${column.sql})::timestamptz), ${NULL_TIME_SQL})`
        : `float8send(coalesce((${column.sql})::float8, 'NaN'::float8))`,
    );
    select.push(`encode(string_agg(${parts.join(" || ")}, ''::bytea), 'base64') AS b`);
  }
  const { rows } = await db.query<Record<string, string | null>>(
    `SELECT ${select.join(", ")} FROM ${from}`,
    params,
  );
  return rows[0] ?? {};
}

function splitText(raw: string | null, length: number): string[] {
  return length === 0 || raw === null ? [] : raw.split(SEPARATOR);
}

/** Decodes rows of 8-byte values (one per column, in order) into one Float64Array per column. */
function decodeRows(
  base64: string | null,
  length: number,
  columns: readonly PackedColumn[],
  into: Record<string, Float64Array>,
): void {
  const bytes = base64 === null ? Buffer.alloc(0) : Buffer.from(base64, "base64");
  const stride = columns.length * 8;
  if (bytes.byteLength !== length * stride)
    throw new Error(`packed load: ${bytes.byteLength} bytes for ${length} rows of ${columns.length} numbers`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (const [c, column] of columns.entries()) {
    const out = new Float64Array(length);
    if (column.type === "time") {
      for (let i = 0, at = c * 8; i < length; i++, at += stride) out[i] = timeMs(view, at);
    } else {
      for (let i = 0, at = c * 8; i < length; i++, at += stride) out[i] = view.getFloat64(at);
    }
    into[column.name] = out;
  }
}

/** Heap blocks per chunk of `loadPackedByBlocks` (8 KiB each: ~280k PR rows). */
const BLOCKS_PER_CHUNK = 4096;

/**
 * `loadPacked` over `table WHERE where`, in chunks of heap blocks (ctid ranges, in the table's
 * physical order, as one sequential scan returns them) inside one REPEATABLE READ transaction, so
 * the chunks see one snapshot and a row updated meanwhile is read once. PGlite keeps the WASM
 * memory a query grew to: 1M PRs in one aggregate row grow it by ~400 MiB, in 4 chunks by ~150
 * MiB. Without `transaction` (a bare Queryable) it is one query.
 */
export async function loadPackedByBlocks(
  db: Queryable | (Queryable & Pick<Store, "transaction">),
  table: string,
  where: string,
  columns: readonly PackedColumn[],
  params: readonly unknown[] = [],
  blocksPerChunk = BLOCKS_PER_CHUNK,
): Promise<PackedRows> {
  if (!("transaction" in db)) return loadPacked(db, `${table} WHERE ${where}`, columns, params);
  return db.transaction(async (tx) => {
    await tx.query("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
    const { rows } = await tx.query<{ blocks: number }>(
      "SELECT (pg_relation_size($1::regclass) / current_setting('block_size')::int)::int AS blocks",
      [table],
    );
    const blocks = Number(rows[0]?.blocks ?? 0);
    const parts: PackedRows[] = [];
    for (let lo = 0; lo === 0 || lo < blocks; lo += blocksPerChunk) {
      const hi = lo + blocksPerChunk;
      // the last chunk is open-ended: blocks past the size read above are scanned too
      const range =
        hi >= blocks ? `ctid >= '(${lo},0)'::tid` : `ctid >= '(${lo},0)'::tid AND ctid < '(${hi},0)'::tid`;
      parts.push(await loadPacked(tx, `${table} WHERE ${range} AND (${where})`, columns, params));
    }
    return parts.length === 1 ? (parts[0] as PackedRows) : concatPacked(parts, columns);
  });
}

function concatPacked(parts: readonly PackedRows[], columns: readonly PackedColumn[]): PackedRows {
  const length = parts.reduce((sum, part) => sum + part.length, 0);
  const result: PackedRows = { length, numbers: {}, texts: {}, labels: {} };
  for (const { name, type } of columns) {
    if (type === "text") {
      result.texts[name] = ([] as string[]).concat(...parts.map((part) => part.texts[name] ?? []));
    } else if (type === "label") {
      result.labels[name] = concatLabels(parts.map((part) => part.labels[name] as PackedLabels));
    } else {
      const values = new Float64Array(length);
      let at = 0;
      for (const part of parts) {
        const chunk = part.numbers[name] ?? new Float64Array(0);
        values.set(chunk, at);
        at += chunk.length;
      }
      result.numbers[name] = values;
    }
  }
  return result;
}

/** One label column of several chunks: their names merged, each chunk's codes renumbered. */
function concatLabels(chunks: readonly PackedLabels[]): PackedLabels {
  const numbers = new Map<string, number>();
  const names: string[] = [];
  const codes = new Int32Array(chunks.reduce((sum, chunk) => sum + chunk.codes.length, 0));
  let at = 0;
  for (const chunk of chunks) {
    const renumber = chunk.names.map((name) => {
      let code = numbers.get(name);
      if (code === undefined) {
        code = names.length;
        names.push(name);
        numbers.set(name, code);
      }
      return code;
    });
    for (let i = 0; i < chunk.codes.length; i++) codes[at++] = renumber[chunk.codes[i] as number] as number;
  }
  return { names, codes };
}

function checked<T extends { length: number }>(values: T, length: number, name: string): T {
  if (values.length !== length) {
    throw new Error(`packed load of column ${name}: ${values.length} values for ${length} rows`);
  }
  return values;
}
