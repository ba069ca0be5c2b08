import type pg from "pg";

const INT8 = 20;
const INT8_ARRAY = 1016;
const DATE = 1082;

/** int8 as PGlite parses it: a number while exact, a bigint beyond ±2^53. */
export function parseInt8(text: string): number | bigint {
  const value = BigInt(text);
  return value > BigInt(Number.MAX_SAFE_INTEGER) || value < BigInt(Number.MIN_SAFE_INTEGER)
    ? value
    : Number(value);
}

/** date as PGlite parses it: midnight UTC (pg's default is local midnight). */
function parseDate(text: string): Date | number {
  if (text === "infinity") return Number.POSITIVE_INFINITY;
  if (text === "-infinity") return Number.NEGATIVE_INFINITY;
  return new Date(text);
}

/**
 * Type parsers for one pool so that rows from PostgreSQL match rows from PGlite (the contract
 * suite checks it); per pool, never pg's global `types`, which other libraries share.
 */
export function pgliteCompatibleTypes(driver: typeof pg): pg.CustomTypesConfig {
  const types = new driver.TypeOverrides();
  // pg's own int8[] parser (strings); its typings list no array type ids, hence the widening.
  const parseInt8Array = (driver.types.getTypeParser as (oid: number) => (text: string) => unknown)(
    INT8_ARRAY,
  );
  types.setTypeParser(INT8, parseInt8);
  types.setTypeParser(INT8_ARRAY, (text: string) =>
    (parseInt8Array(text) as (string | null)[]).map((item) => (item === null ? null : parseInt8(item))),
  );
  types.setTypeParser(DATE, parseDate);
  return types;
}
