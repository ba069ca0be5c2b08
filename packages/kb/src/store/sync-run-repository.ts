import { randomUUID } from "node:crypto";
import type { Queryable } from "@uplift/core";
import type { SkippedItem } from "../types.js";

/** Counts of one sync of one source. */
export interface SyncCounts {
  documentsSeen: number;
  documentsAdded: number;
  documentsUpdated: number;
  documentsUnchanged: number;
  documentsDeleted: number;
  documentsSkipped: number;
  chunksIndexed: number;
  chunksDeleted: number;
  /** Secrets and personal data replaced before indexing, by type (`SECRET:github`, `EMAIL`…); not stored per run. */
  redactions?: Record<string, number>;
}

export type SyncStatus = "running" | "succeeded" | "failed" | "interrupted";

export function emptyCounts(): SyncCounts {
  return {
    documentsSeen: 0,
    documentsAdded: 0,
    documentsUpdated: 0,
    documentsUnchanged: 0,
    documentsDeleted: 0,
    documentsSkipped: 0,
    chunksIndexed: 0,
    chunksDeleted: 0,
  };
}

/** `kb_sync_runs`: one row per sync of a source, with its status, counts and errors. */
export class SyncRunRepository {
  constructor(private readonly db: Queryable) {}

  /** Starts a run; a run of the same source still "running" was interrupted (the process died). */
  async start(source: string, embedder: string): Promise<string> {
    await this.db.query(
      "UPDATE kb_sync_runs SET status = 'interrupted', finished_at = now() WHERE source = $1 AND status = 'running'",
      [source],
    );
    const id = randomUUID();
    await this.db.query(
      "INSERT INTO kb_sync_runs (id, source, status, embedder) VALUES ($1, $2, 'running', $3)",
      [id, source, embedder],
    );
    return id;
  }

  /** Records progress (counts so far) or the end of a run. */
  async update(
    id: string,
    status: SyncStatus,
    counts: SyncCounts,
    errors: readonly SkippedItem[],
  ): Promise<void> {
    await this.db.query(
      `UPDATE kb_sync_runs SET status = $2, finished_at = CASE WHEN $2 = 'running' THEN NULL ELSE now() END,
         documents_seen = $3, documents_added = $4, documents_updated = $5, documents_unchanged = $6,
         documents_deleted = $7, documents_skipped = $8, chunks_indexed = $9, chunks_deleted = $10, errors = $11
       WHERE id = $1`,
      [
        id,
        status,
        counts.documentsSeen,
        counts.documentsAdded,
        counts.documentsUpdated,
        counts.documentsUnchanged,
        counts.documentsDeleted,
        counts.documentsSkipped,
        counts.chunksIndexed,
        counts.chunksDeleted,
        JSON.stringify(errors),
      ],
    );
  }
}
