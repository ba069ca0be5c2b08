import type { SearchFilter } from "./filter.js";

/** SQL's three truth values: true, false, and null (unknown). */
type Truth = boolean | null;

/**
 * Evaluates a filter on a plain row with the same three-valued logic as the SQL that
 * `compileFilter` emits, so a row passes (`=== true`) here exactly when LanceDB would return it.
 * Assumes the filter was validated by `compileFilter` (known columns, matching types).
 */
export function evaluateFilter(filter: SearchFilter, row: Readonly<Record<string, unknown>>): Truth {
  switch (filter.kind) {
    case "eq": {
      const value = row[filter.column];
      return value == null ? null : value === filter.value;
    }
    case "in": {
      if (filter.values.length === 0) return false;
      const value = row[filter.column];
      return value == null ? null : filter.values.includes(value as string | number);
    }
    case "range": {
      const value = row[filter.column];
      if (value == null) return null;
      const x = value as number;
      const { gt, gte, lt, lte } = filter;
      return (
        (gt === undefined || x > gt) &&
        (gte === undefined || x >= gte) &&
        (lt === undefined || x < lt) &&
        (lte === undefined || x <= lte)
      );
    }
    case "anyOf": {
      if (filter.values.length === 0) return false;
      const value = row[filter.column];
      if (value == null) return null;
      const wanted = new Set(filter.values);
      return (value as readonly string[]).some((v) => wanted.has(v));
    }
    case "and": {
      let result: Truth = true;
      for (const part of filter.filters) {
        const truth = evaluateFilter(part, row);
        if (truth === false) return false;
        if (truth === null) result = null;
      }
      return result;
    }
    case "or": {
      let result: Truth = false;
      for (const part of filter.filters) {
        const truth = evaluateFilter(part, row);
        if (truth === true) return true;
        if (truth === null) result = null;
      }
      return result;
    }
    case "not": {
      const truth = evaluateFilter(filter.filter, row);
      return truth === null ? null : !truth;
    }
  }
}

/** The columns a filter reads. */
export function filterColumns(filter: SearchFilter): Set<string> {
  const columns = new Set<string>();
  const visit = (f: SearchFilter): void => {
    if (f.kind === "and" || f.kind === "or") f.filters.forEach(visit);
    else if (f.kind === "not") visit(f.filter);
    else columns.add(f.column);
  };
  visit(filter);
  return columns;
}
