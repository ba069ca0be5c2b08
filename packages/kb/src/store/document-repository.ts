import { insertRows, type Queryable, type Store } from "@uplift/core";

/** What the store knows of a document before a sync looks at it. */
export interface StoredDocumentState {
  /** Null after a reset (a change of embedder): the next sync rewrites it. */
  contentHash: string | null;
  deleted: boolean;
  /** The document's own `updated_at` when it was indexed (ISO 8601). */
  updatedAt?: string | undefined;
}

/** A stored chunk: its id and the hash of what was indexed under it. */
export interface StoredChunk {
  id: string;
  hash: string;
}

/** A document and its chunks, as one sync writes them. */
export interface DocumentWrite {
  id: string;
  contentHash: string;
  title: string;
  url?: string | undefined;
  path?: string | undefined;
  format: string;
  acl: string[];
  updatedAt?: string | undefined;
  chunks: { id: string; hash: string; ordinal: number; headingPath: string; tokenCount: number }[];
}

/** `kb_documents` and `kb_chunks`: the mirror of the index that makes syncs incremental. */
export class DocumentRepository {
  constructor(private readonly store: Store) {}

  async states(source: string): Promise<Map<string, StoredDocumentState>> {
    const { rows } = await this.store.query<{
      id: string;
      content_hash: string | null;
      deleted: boolean;
      updated_at: Date | null;
    }>(
      "SELECT id, content_hash, deleted_at IS NOT NULL AS deleted, updated_at FROM kb_documents WHERE source = $1",
      [source],
    );
    return new Map(
      rows.map((row) => [
        row.id,
        {
          contentHash: row.content_hash,
          deleted: row.deleted,
          updatedAt: row.updated_at ? new Date(row.updated_at).toISOString() : undefined,
        },
      ]),
    );
  }

  /** The stored chunks of some documents of a source, by document id. */
  async chunksOf(source: string, docIds: readonly string[]): Promise<Map<string, StoredChunk[]>> {
    const byDoc = new Map<string, StoredChunk[]>();
    if (docIds.length === 0) return byDoc;
    const { rows } = await this.store.query<{ id: string; doc_id: string; hash: string }>(
      "SELECT id, doc_id, hash FROM kb_chunks WHERE source = $1 AND doc_id = ANY($2::text[])",
      [source, docIds],
    );
    for (const row of rows) {
      const list = byDoc.get(row.doc_id) ?? [];
      list.push({ id: row.id, hash: row.hash });
      byDoc.set(row.doc_id, list);
    }
    return byDoc;
  }

  /** Records chunk ids about to be written to the index, before the batch that holds them is committed. */
  async addPending(source: string, chunkIds: readonly string[]): Promise<void> {
    if (chunkIds.length === 0) return;
    await this.store.insertMany(
      "kb_index_pending",
      ["chunk_id", "source"],
      chunkIds.map((id) => [id, source]),
      { onConflict: { columns: ["chunk_id"], action: "nothing" } },
    );
  }

  /**
   * Chunk ids a crashed sync wrote to the index but never committed: the caller deletes them
   * from the index, then calls `clearPending`.
   */
  async orphanedPending(source: string): Promise<string[]> {
    const { rows } = await this.store.query<{ chunk_id: string }>(
      `SELECT p.chunk_id FROM kb_index_pending p
       WHERE p.source = $1 AND NOT EXISTS (SELECT 1 FROM kb_chunks c WHERE c.id = p.chunk_id)`,
      [source],
    );
    return rows.map((row) => row.chunk_id);
  }

  async clearPending(source: string): Promise<void> {
    await this.store.query("DELETE FROM kb_index_pending WHERE source = $1", [source]);
  }

  /** Writes documents and replaces their chunks, in one transaction that also clears the source's pending ids. */
  async write(source: string, docs: readonly DocumentWrite[]): Promise<void> {
    if (docs.length === 0) return;
    const ids = docs.map((doc) => doc.id);
    await this.store.transaction(async (tx) => {
      await tx.query("DELETE FROM kb_chunks WHERE source = $1 AND doc_id = ANY($2::text[])", [source, ids]);
      await insertRows(
        tx,
        "kb_documents",
        [
          "source",
          "id",
          "content_hash",
          "title",
          "url",
          "path",
          "format",
          "acl",
          "updated_at",
          "synced_at",
          "deleted_at",
        ],
        docs.map((doc) => [
          source,
          doc.id,
          doc.contentHash,
          doc.title,
          doc.url ?? null,
          doc.path ?? null,
          doc.format,
          doc.acl,
          doc.updatedAt ?? null,
          new Date(),
          null,
        ]),
        { onConflict: { columns: ["source", "id"], action: "update" } },
      );
      const chunks = docs.flatMap((doc) =>
        doc.chunks.map((c) => [c.id, source, doc.id, c.hash, c.ordinal, c.headingPath, c.tokenCount]),
      );
      if (chunks.length)
        await insertRows(
          tx,
          "kb_chunks",
          ["id", "source", "doc_id", "hash", "ordinal", "heading_path", "token_count"],
          chunks,
        );
      await tx.query("DELETE FROM kb_index_pending WHERE source = $1", [source]);
    });
  }

  /** Marks documents deleted at their source and drops their chunk rows (the caller drops them from the index first). */
  async markDeleted(source: string, docIds: readonly string[]): Promise<void> {
    if (docIds.length === 0) return;
    await this.store.transaction(async (tx) => {
      await tx.query("DELETE FROM kb_chunks WHERE source = $1 AND doc_id = ANY($2::text[])", [
        source,
        docIds,
      ]);
      await tx.query(
        `UPDATE kb_documents SET deleted_at = now(), content_hash = NULL
         WHERE source = $1 AND id = ANY($2::text[])`,
        [source, docIds],
      );
    });
  }

  /** Forgets every chunk and hash so that the next sync rewrites everything (a change of embedder). */
  static async resetAll(tx: Queryable): Promise<void> {
    await tx.query("DELETE FROM kb_chunks");
    await tx.query("DELETE FROM kb_index_pending");
    await tx.query("UPDATE kb_documents SET content_hash = NULL");
  }
}
