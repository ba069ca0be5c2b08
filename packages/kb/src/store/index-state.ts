import type { Queryable } from "@uplift/core";

/** What the `kb_chunks` search table was built with; a sync changes it only by rebuilding the table. */
export interface IndexState {
  /** The embedder's model id, or "none" for a BM25-only table. */
  embedder: string;
  /** Vector length when `embedder` is not "none". */
  dimension?: number;
  /** Set while a rebuild for another embedder is under way (a crash leaves it for the next sync to finish). */
  pendingEmbedder?: string;
}

export const NO_EMBEDDER = "none";

/** Reads the index state; a fresh store has a BM25-only table. */
export async function readIndexState(db: Queryable): Promise<IndexState> {
  const { rows } = await db.query<{ key: string; value: string }>("SELECT key, value FROM kb_index_state");
  const values = new Map(rows.map((row) => [row.key, row.value]));
  const dimension = values.get("dimension");
  const pending = values.get("pending_embedder");
  return {
    embedder: values.get("embedder") ?? NO_EMBEDDER,
    ...(dimension ? { dimension: Number(dimension) } : {}),
    ...(pending ? { pendingEmbedder: pending } : {}),
  };
}

/** Replaces the index state. */
export async function writeIndexState(db: Queryable, state: IndexState): Promise<void> {
  await db.query("DELETE FROM kb_index_state");
  const entries: [string, string][] = [["embedder", state.embedder]];
  if (state.dimension !== undefined) entries.push(["dimension", String(state.dimension)]);
  if (state.pendingEmbedder !== undefined) entries.push(["pending_embedder", state.pendingEmbedder]);
  for (const [key, value] of entries)
    await db.query("INSERT INTO kb_index_state (key, value) VALUES ($1, $2)", [key, value]);
}
