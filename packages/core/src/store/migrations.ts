import { createHash } from "node:crypto";
import { ConflictError, InputError } from "../errors.js";
import type { Logger } from "../logger.js";
import type { Migration, Queryable } from "./types.js";

/** A transaction that can also run a multi-statement script (a migration's SQL). */
export interface ScriptSession extends Queryable {
  exec(sql: string): Promise<void>;
}

/** Runs `fn` in one transaction of the driver; a thrown error rolls it back. */
export type RunInTransaction = <T>(fn: (tx: ScriptSession) => Promise<T>) => Promise<T>;

const BOOKKEEPING = `CREATE TABLE IF NOT EXISTS uplift_migrations (
  id text PRIMARY KEY,
  checksum text NOT NULL,
  applied_at timestamptz NOT NULL DEFAULT now()
)`;

/**
 * Serialises migrate calls on one schema (several `uplift` processes starting together). A
 * transaction-level advisory lock, released at COMMIT/ROLLBACK; keyed by schema so that
 * isolated schemas in one database do not wait for each other.
 */
const LOCK =
  "SELECT pg_advisory_xact_lock(hashtextextended('uplift_migrations:' || coalesce(current_schema(), ''), 0))";

/** sha256 of the SQL with line endings normalised (a CRLF checkout is not a change). */
export function migrationChecksum(sql: string): string {
  return createHash("sha256").update(sql.replace(/\r\n/g, "\n")).digest("hex");
}

/**
 * Applies the pending migrations in id order, each in its own transaction together with its row
 * in `uplift_migrations`; refuses (ConflictError) when an applied migration's SQL has changed.
 * Ids already applied but absent from `migrations` (another package's) are left alone.
 */
export async function applyMigrations(
  runInTransaction: RunInTransaction,
  migrations: readonly Migration[],
  logger: Logger,
): Promise<string[]> {
  const ordered = sortedUnique(migrations);
  await runInTransaction(async (tx) => {
    await tx.query(LOCK);
    await tx.exec(BOOKKEEPING);
  });
  const applied = new Map(
    (
      await runInTransaction((tx) =>
        tx.query<{ id: string; checksum: string }>("SELECT id, checksum FROM uplift_migrations"),
      )
    ).rows.map((row) => [row.id, row.checksum]),
  );
  for (const migration of ordered) checkUnchanged(migration, applied.get(migration.id));

  const done: string[] = [];
  for (const migration of ordered) {
    if (applied.has(migration.id)) continue;
    const ran = await runInTransaction(async (tx) => {
      await tx.query(LOCK);
      const current = await tx.query<{ checksum: string }>(
        "SELECT checksum FROM uplift_migrations WHERE id = $1",
        [migration.id],
      );
      // Another process applied it while we waited for the lock.
      if (current.rows[0]) {
        checkUnchanged(migration, current.rows[0].checksum);
        return false;
      }
      await tx.exec(migration.sql);
      await tx.query("INSERT INTO uplift_migrations (id, checksum) VALUES ($1, $2)", [
        migration.id,
        migrationChecksum(migration.sql),
      ]);
      return true;
    });
    if (ran) {
      logger.info({ migration: migration.id }, "applied migration");
      done.push(migration.id);
    }
  }
  return done;
}

function sortedUnique(migrations: readonly Migration[]): Migration[] {
  const seen = new Set<string>();
  for (const migration of migrations) {
    if (!migration.id.trim()) throw new InputError("a migration has an empty id");
    if (seen.has(migration.id)) throw new InputError(`migration id "${migration.id}" is listed twice`);
    seen.add(migration.id);
  }
  return [...migrations].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

function checkUnchanged(migration: Migration, appliedChecksum: string | undefined): void {
  if (appliedChecksum === undefined) return;
  const now = migrationChecksum(migration.sql);
  if (now === appliedChecksum) return;
  throw new ConflictError(
    `migration "${migration.id}" was changed after it was applied (stored checksum ${appliedChecksum.slice(0, 12)}…, now ${now.slice(0, 12)}…)`,
    { hint: "restore its original SQL and put the change in a new migration with a later id" },
  );
}
