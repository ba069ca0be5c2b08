import type { Queryable } from "@uplift/core";

/** How far one source's index is behind: the `uplift_kb_sync_lag_seconds` gauge. */
export interface SourceSyncLag {
  source: string;
  /** Seconds since the last successful sync finished; never synced: since the source was added. */
  seconds: number;
  /** Whether any sync of the source has succeeded. */
  synced: boolean;
}

/** Sync lag of every source, from `kb_sync_runs` (read at scrape time, so never stale). */
export async function readSyncLag(db: Queryable, now: Date = new Date()): Promise<SourceSyncLag[]> {
  const { rows } = await db.query<{ name: string; created_at: Date; last_success_at: Date | null }>(
    `SELECT s.name, s.created_at,
       (SELECT max(r.finished_at) FROM kb_sync_runs r WHERE r.source = s.name AND r.status = 'succeeded') AS last_success_at
     FROM kb_sources s ORDER BY s.name`,
  );
  return rows.map((row) => ({
    source: row.name,
    seconds: Math.max(0, (now.getTime() - (row.last_success_at ?? row.created_at).getTime()) / 1000),
    synced: row.last_success_at !== null,
  }));
}
