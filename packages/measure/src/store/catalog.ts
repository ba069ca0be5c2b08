import type { Queryable } from "@uplift/core";

/** Whether a table exists in the current schema (tables other tracks may create). */
export async function tableExists(db: Queryable, table: string): Promise<boolean> {
  const { rows } = await db.query<{ found: string | null }>("SELECT to_regclass($1)::text AS found", [table]);
  return rows[0]?.found !== null && rows[0]?.found !== undefined;
}

/** The columns of a table (to read tables other tracks create without assuming every column). */
export async function tableColumnNames(db: Queryable, table: string): Promise<Set<string>> {
  const { rows } = await db.query<{ name: string }>(
    "SELECT attname AS name FROM pg_attribute WHERE attrelid = to_regclass($1) AND attnum > 0 AND NOT attisdropped",
    [table],
  );
  return new Set(rows.map((row) => row.name));
}
