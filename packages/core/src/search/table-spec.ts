import { InputError } from "../errors.js";
import type { ColumnSpecs, ColumnType, FtsTokenizerOptions, TableSpec, VectorDistance } from "./types.js";

/** Columns every table has; metadata columns may not reuse these names. */
export const RESERVED_COLUMNS = ["id", "text", "title", "vector"] as const;

const COLUMN_TYPES: readonly ColumnType[] = ["string", "string[]", "number", "boolean"];

export type ScalarIndexKind = "btree" | "bitmap" | "labelList";

export interface ResolvedColumn {
  name: string;
  type: ColumnType;
  index: ScalarIndexKind | undefined;
}

/** A validated table spec with defaults filled in. */
export interface ResolvedTableSpec {
  name: string;
  columns: ResolvedColumn[];
  vector: { dimension: number; distance: VectorDistance; index: "none" | "auto" } | undefined;
  fts: FtsTokenizerOptions;
  /** Column name → type for filters: id, text and title (strings) plus the metadata columns. */
  filterColumns: ReadonlyMap<string, ColumnType>;
}

/** Validates a table spec; throws InputError naming the table, the field and the problem. */
export function resolveTableSpec(spec: TableSpec<ColumnSpecs>): ResolvedTableSpec {
  const where = `search table "${spec.name}"`;
  if (!/^[A-Za-z0-9_][A-Za-z0-9_-]{0,127}$/.test(spec.name)) {
    throw new InputError(`${where}: name must be 1–128 letters, digits, "_" or "-"`);
  }
  const columns: ResolvedColumn[] = [];
  for (const [name, raw] of Object.entries(spec.columns ?? {})) {
    const column =
      typeof raw === "string" ? { type: raw, index: undefined } : { type: raw.type, index: raw.index };
    if (!/^[A-Za-z_][A-Za-z0-9_]{0,63}$/.test(name)) {
      throw new InputError(
        `${where}: column "${name}" must be letters, digits and "_", not starting with a digit`,
      );
    }
    if ((RESERVED_COLUMNS as readonly string[]).includes(name)) {
      throw new InputError(
        `${where}: column "${name}" is built in (${RESERVED_COLUMNS.join(", ")}); choose another name`,
      );
    }
    if (!COLUMN_TYPES.includes(column.type)) {
      throw new InputError(
        `${where}: column "${name}" has type "${column.type}"; expected ${COLUMN_TYPES.join(", ")}`,
      );
    }
    columns.push({
      name,
      type: column.type,
      index: scalarIndexKind(column.type, column.index, `${where}: column "${name}"`),
    });
  }
  let vector: ResolvedTableSpec["vector"];
  if (spec.vector) {
    const { dimension, distance = "cosine", index = "none" } = spec.vector;
    if (!Number.isInteger(dimension) || dimension < 1 || dimension > 65_536) {
      throw new InputError(`${where}: vector.dimension must be an integer from 1 to 65536, got ${dimension}`);
    }
    if (!["cosine", "l2", "dot"].includes(distance)) {
      throw new InputError(`${where}: vector.distance must be cosine, l2 or dot, got "${distance}"`);
    }
    if (!["none", "auto"].includes(index))
      throw new InputError(`${where}: vector.index must be none or auto`);
    vector = { dimension, distance, index };
  }
  const filterColumns = new Map<string, ColumnType>([
    ["id", "string"],
    ["text", "string"],
    ["title", "string"],
  ]);
  for (const column of columns) filterColumns.set(column.name, column.type);
  return { name: spec.name, columns, vector, fts: { ...spec.fts }, filterColumns };
}

function scalarIndexKind(type: ColumnType, index: unknown, where: string): ScalarIndexKind | undefined {
  if (index === undefined || index === false) return undefined;
  if (type === "string[]") {
    if (index !== true)
      throw new InputError(`${where}: a string[] column takes index: true (a label-list index)`);
    return "labelList";
  }
  if (index === true) return type === "boolean" ? "bitmap" : "btree";
  if (index === "btree" || index === "bitmap") return index;
  throw new InputError(`${where}: index must be true, false, "btree" or "bitmap"`);
}
