import type { Queryable } from "@uplift/core";

/** Where an incremental connector stopped, per connector and scope (e.g. "github", "acme/web"). */
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

/** Saves a connector's cursor; call in the transaction that wrote the records it covers. */
export async function writeImportCursor(
  db: Queryable,
  connector: string,
  scope: string,
  cursor: unknown,
): Promise<void> {
  await db.query(
    `INSERT INTO import_cursors (connector, scope, cursor, updated_at) VALUES ($1, $2, $3, now())
     ON CONFLICT (connector, scope) DO UPDATE SET cursor = EXCLUDED.cursor, updated_at = now()`,
    [connector, scope, JSON.stringify(cursor)],
  );
}
