import type { Queryable } from "@uplift/core";

/** The data-quality report of one import (DESIGN: negative or missing spans are counted here). */
export interface ImportRun {
  connector: string;
  kind: string;
  /** What was imported: a file path, a repository, an organisation. */
  scope: string;
  startedAt: Date;
  finishedAt: Date;
  rowsRead: number;
  rowsWritten: number;
  /** Rows not written, by reason (e.g. `duplicate_id`). */
  skipped: Record<string, number>;
  /** Rows written whose values metrics will exclude, by reason (e.g. `negative_span:pr_merge_time`). */
  anomalies: Record<string, number>;
}

/** Records an import run; call in the import's transaction so that the report and the rows agree. */
export async function recordImportRun(tx: Queryable, run: ImportRun): Promise<void> {
  await tx.query(
    `INSERT INTO import_runs (connector, kind, scope, started_at, finished_at, rows_read, rows_written, skipped, anomalies)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [
      run.connector,
      run.kind,
      run.scope,
      run.startedAt.toISOString(),
      run.finishedAt.toISOString(),
      run.rowsRead,
      run.rowsWritten,
      JSON.stringify(run.skipped),
      JSON.stringify(run.anomalies),
    ],
  );
}

/** The latest runs, newest first. */
export async function listImportRuns(db: Queryable, limit = 20): Promise<ImportRun[]> {
  const { rows } = await db.query<{
    connector: string;
    kind: string;
    scope: string;
    started_at: Date;
    finished_at: Date;
    rows_read: number;
    rows_written: number;
    skipped: Record<string, number>;
    anomalies: Record<string, number>;
  }>("SELECT * FROM import_runs ORDER BY id DESC LIMIT $1", [limit]);
  return rows.map((row) => ({
    connector: row.connector,
    kind: row.kind,
    scope: row.scope,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    rowsRead: row.rows_read,
    rowsWritten: row.rows_written,
    skipped: row.skipped,
    anomalies: row.anomalies,
  }));
}
