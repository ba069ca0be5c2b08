import type { Queryable } from "@uplift/core";

/**
 * Connector cursors in `import_cursors (connector, scope, cursor jsonb, updated_at)`: one row per
 * connector and scope (e.g. `github`, `acme/web:pulls`). Written in the same transaction as the
 * records of a page, so a cursor never runs ahead of what is stored.
 */
export async function readImportCursor<T>(
  db: Queryable,
  connector: string,
  scope: string,
): Promise<T | undefined> {
  const { rows } = await db.query<{ cursor: T }>(
    "SELECT cursor FROM import_cursors WHERE connector = $1 AND scope = $2",
    [connector, scope],
  );
  return rows[0]?.cursor;
}

export async function writeImportCursor(
  db: Queryable,
  connector: string,
  scope: string,
  cursor: unknown,
): Promise<void> {
  await db.query(
    `INSERT INTO import_cursors (connector, scope, cursor, updated_at) VALUES ($1, $2, $3, now())
     ON CONFLICT (connector, scope) DO UPDATE SET cursor = EXCLUDED.cursor, updated_at = EXCLUDED.updated_at`,
    [connector, scope, JSON.stringify(cursor)],
  );
}
