import {
  Bool,
  type DataType,
  Field,
  FixedSizeList,
  Float32,
  Float64,
  List,
  Schema,
  Utf8,
} from "apache-arrow";
import { InputError } from "../errors.js";
import type { ResolvedTableSpec } from "./table-spec.js";
import type { AnyMetadata, ColumnType, SearchRow } from "./types.js";

function arrowType(type: ColumnType): DataType {
  switch (type) {
    case "string":
      return new Utf8();
    case "string[]":
      return new List(new Field("item", new Utf8(), true));
    case "number":
      return new Float64();
    case "boolean":
      return new Bool();
  }
}

/** The Arrow schema of a table: id, text, title, [vector], then the metadata columns. */
export function arrowSchemaFor(spec: ResolvedTableSpec): Schema {
  const fields: Field[] = [
    new Field("id", new Utf8(), false),
    new Field("text", new Utf8(), false),
    new Field("title", new Utf8(), true),
  ];
  if (spec.vector) {
    fields.push(
      new Field(
        "vector",
        new FixedSizeList(spec.vector.dimension, new Field("item", new Float32(), true)),
        true,
      ),
    );
  }
  for (const column of spec.columns) fields.push(new Field(column.name, arrowType(column.type), true));
  return new Schema(fields);
}

/** Describes how a stored schema differs from the expected one, or undefined when they match. */
export function schemaDifference(stored: Schema, expected: Schema): string | undefined {
  const describe = (schema: Schema) => new Map(schema.fields.map((f) => [f.name, String(f.type)]));
  const have = describe(stored);
  const want = describe(expected);
  const problems: string[] = [];
  for (const [name, type] of want) {
    const storedType = have.get(name);
    if (storedType === undefined) problems.push(`missing column ${name} (${type})`);
    else if (storedType !== type) problems.push(`column ${name} is ${storedType}, expected ${type}`);
  }
  for (const name of have.keys()) if (!want.has(name)) problems.push(`unexpected column ${name}`);
  return problems.length > 0 ? problems.join("; ") : undefined;
}

/**
 * Validates rows against the spec and returns plain records with every schema column set
 * (null when absent). Duplicate ids keep the last row. Throws InputError naming the row and field.
 */
export function toStoredRecords(
  rows: readonly SearchRow[],
  spec: ResolvedTableSpec,
): Record<string, unknown>[] {
  const known = new Set(["id", "text", "title", "vector", ...spec.columns.map((c) => c.name)]);
  const byId = new Map<string, Record<string, unknown>>();
  rows.forEach((row, index) => {
    const where = `search table "${spec.name}" row ${index} (id ${JSON.stringify(row.id)})`;
    if (typeof row.id !== "string" || row.id.length === 0)
      throw new InputError(`${where}: id must be a non-empty string`);
    if (typeof row.text !== "string") throw new InputError(`${where}: text must be a string`);
    if (row.title != null && typeof row.title !== "string")
      throw new InputError(`${where}: title must be a string`);
    for (const key of Object.keys(row)) {
      if (!known.has(key))
        throw new InputError(`${where}: unknown column "${key}"; declare it in the table spec`);
    }
    const record: Record<string, unknown> = { id: row.id, text: row.text, title: row.title ?? null };
    if (spec.vector) record.vector = checkVector(row.vector, spec.vector.dimension, where);
    else if (row.vector != null) throw new InputError(`${where}: the table has no vector column`);
    const metadata = row as AnyMetadata;
    for (const column of spec.columns) {
      const value = metadata[column.name] ?? null;
      if (value !== null && !matchesType(value, column.type)) {
        throw new InputError(
          `${where}: column "${column.name}" must be ${column.type}, got ${JSON.stringify(value)}`,
        );
      }
      record[column.name] = value;
    }
    byId.delete(row.id);
    byId.set(row.id, record);
  });
  return [...byId.values()];
}

function checkVector(vector: unknown, dimension: number, where: string): number[] | null {
  if (vector == null) return null;
  if (!Array.isArray(vector) || vector.length !== dimension) {
    const length = Array.isArray(vector) ? vector.length : typeof vector;
    throw new InputError(`${where}: vector must be ${dimension} numbers, got ${length}`);
  }
  if (!vector.every((x) => typeof x === "number" && Number.isFinite(x))) {
    throw new InputError(`${where}: vector must hold finite numbers only`);
  }
  return vector;
}

function matchesType(value: unknown, type: ColumnType): boolean {
  switch (type) {
    case "string":
      return typeof value === "string";
    case "string[]":
      return Array.isArray(value) && value.every((v) => typeof v === "string");
    case "number":
      return typeof value === "number" && Number.isFinite(value);
    case "boolean":
      return typeof value === "boolean";
  }
}

/** Columns read back in search results (the vector is left out). */
export function resultColumns(spec: ResolvedTableSpec): string[] {
  return ["id", "text", "title", ...spec.columns.map((c) => c.name)];
}

/** Turns a LanceDB result object (Arrow values) into a plain row. */
export function fromStoredRecord(record: Record<string, unknown>, spec: ResolvedTableSpec): SearchRow {
  const row: Record<string, unknown> = { id: record.id, text: record.text, title: record.title ?? null };
  for (const column of spec.columns) {
    const value = record[column.name] ?? null;
    row[column.name] =
      column.type === "string[]" && value !== null
        ? Array.from(value as Iterable<string>)
        : (value as unknown);
  }
  return row as SearchRow;
}
