import { InputError } from "../errors.js";
import type { ColumnType } from "./types.js";

export type FilterScalar = string | number | boolean;

/** A row filter, compiled to LanceDB SQL by `compileFilter`; build one with `searchFilter`. */
export type SearchFilter =
  | { kind: "eq"; column: string; value: FilterScalar }
  | { kind: "in"; column: string; values: readonly (string | number)[] }
  | { kind: "range"; column: string; gt?: number; gte?: number; lt?: number; lte?: number }
  | { kind: "anyOf"; column: string; values: readonly string[] }
  | { kind: "and"; filters: readonly SearchFilter[] }
  | { kind: "or"; filters: readonly SearchFilter[] }
  | { kind: "not"; filter: SearchFilter };

export interface ReadableByOptions {
  /** Groups of the reader; an unknown user has none and sees public rows only. */
  groups: readonly string[];
  /** `string[]` column with the groups allowed to read the row (default "acl_groups"). */
  groupsColumn?: string;
  /** Boolean column, true for rows every user may read (default "public"). */
  publicColumn?: string;
}

/**
 * Filter constructors.
 * @example searchFilter.and([searchFilter.eq("repo", "billing"), searchFilter.readableBy({ groups: ["eng"] })])
 */
export const searchFilter = {
  eq: (column: string, value: FilterScalar): SearchFilter => ({ kind: "eq", column, value }),
  in: (column: string, values: readonly (string | number)[]): SearchFilter => ({
    kind: "in",
    column,
    values,
  }),
  range: (
    column: string,
    bounds: { gt?: number; gte?: number; lt?: number; lte?: number },
  ): SearchFilter => ({
    kind: "range",
    column,
    ...bounds,
  }),
  /** Rows whose `string[]` column shares at least one value with `values`. */
  anyOf: (column: string, values: readonly string[]): SearchFilter => ({ kind: "anyOf", column, values }),
  and: (filters: readonly SearchFilter[]): SearchFilter => ({ kind: "and", filters }),
  or: (filters: readonly SearchFilter[]): SearchFilter => ({ kind: "or", filters }),
  not: (filter: SearchFilter): SearchFilter => ({ kind: "not", filter }),
  /** The ACL rule of DESIGN.md: public rows, or rows shared with one of the reader's groups. */
  readableBy: ({
    groups,
    groupsColumn = "acl_groups",
    publicColumn = "public",
  }: ReadableByOptions): SearchFilter => ({
    kind: "or",
    filters: [
      { kind: "eq", column: publicColumn, value: true },
      { kind: "anyOf", column: groupsColumn, values: groups },
    ],
  }),
};

/**
 * Compiles a filter to a LanceDB (DataFusion) SQL predicate. Column names must be declared in
 * `columns` and are backtick-quoted; strings are single-quoted with `'` doubled (LanceDB's SQL
 * treats backslashes literally), numbers must be finite. Throws InputError on a bad filter.
 * SQL three-valued logic applies: a row whose column is null matches neither `eq` nor `not(eq)`.
 */
export function compileFilter(filter: SearchFilter, columns: ReadonlyMap<string, ColumnType>): string {
  switch (filter.kind) {
    case "eq": {
      const type = columnType(filter.column, columns, ["string", "number", "boolean"]);
      return `${identifier(filter.column)} = ${literal(filter.value, type, filter.column)}`;
    }
    case "in": {
      const type = columnType(filter.column, columns, ["string", "number"]);
      if (filter.values.length === 0) return "FALSE";
      return `${identifier(filter.column)} IN (${filter.values.map((v) => literal(v, type, filter.column)).join(", ")})`;
    }
    case "range": {
      columnType(filter.column, columns, ["number"]);
      const parts: string[] = [];
      for (const [op, sql] of [
        ["gt", ">"],
        ["gte", ">="],
        ["lt", "<"],
        ["lte", "<="],
      ] as const) {
        const bound = filter[op];
        if (bound !== undefined)
          parts.push(`${identifier(filter.column)} ${sql} ${literal(bound, "number", filter.column)}`);
      }
      if (parts.length === 0)
        throw new InputError(`filter range on "${filter.column}" has no bound (gt, gte, lt, lte)`);
      return parts.join(" AND ");
    }
    case "anyOf": {
      columnType(filter.column, columns, ["string[]"]);
      if (filter.values.length === 0) return "FALSE";
      const values = filter.values.map((v) => literal(v, "string", filter.column)).join(", ");
      return `array_has_any(${identifier(filter.column)}, make_array(${values}))`;
    }
    case "and":
    case "or": {
      if (filter.filters.length === 0) return filter.kind === "and" ? "TRUE" : "FALSE";
      const joiner = filter.kind === "and" ? " AND " : " OR ";
      return filter.filters.map((f) => `(${compileFilter(f, columns)})`).join(joiner);
    }
    case "not":
      return `NOT (${compileFilter(filter.filter, columns)})`;
    default:
      throw new InputError(`unknown filter kind ${JSON.stringify((filter as { kind?: unknown }).kind)}`);
  }
}

function columnType(
  name: string,
  columns: ReadonlyMap<string, ColumnType>,
  allowed: readonly ColumnType[],
): ColumnType {
  const type = columns.get(name);
  if (type === undefined) {
    throw new InputError(
      `filter names unknown column "${name}"; known columns: ${[...columns.keys()].join(", ")}`,
    );
  }
  if (!allowed.includes(type)) {
    throw new InputError(
      `filter on column "${name}" of type ${type} needs a column of type ${allowed.join(" or ")}`,
    );
  }
  return type;
}

function identifier(name: string): string {
  // Declared column names are validated when the table is opened; this guards against a map built elsewhere.
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new InputError(`invalid column name "${name}"`);
  return `\`${name}\``;
}

function literal(value: unknown, type: ColumnType, column: string): string {
  if (type === "string" || type === "string[]") {
    if (typeof value !== "string") throw new InputError(`filter value for "${column}" must be a string`);
    return `'${value.replaceAll("'", "''")}'`;
  }
  if (type === "number") {
    if (typeof value !== "number" || !Number.isFinite(value)) {
      throw new InputError(`filter value for "${column}" must be a finite number`);
    }
    return String(value);
  }
  if (typeof value !== "boolean") throw new InputError(`filter value for "${column}" must be true or false`);
  return value ? "TRUE" : "FALSE";
}
