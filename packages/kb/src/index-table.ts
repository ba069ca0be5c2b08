import type { SearchIndex, SearchTable, TableSpec } from "@uplift/core";
import { type IndexState, NO_EMBEDDER } from "./store/index-state.js";

/** Name of the knowledge base's table in the SearchIndex. */
export const KB_CHUNKS_TABLE = "kb_chunks";

const columns = {
  doc_id: { type: "string", index: true },
  source: { type: "string", index: "bitmap" },
  url: "string",
  heading_path: "string",
  /** Where the chunk's own text starts in `text` (after the title and heading path). */
  body_offset: "number",
  acl_groups: { type: "string[]", index: true },
  public: { type: "boolean", index: true },
} as const;

/**
 * The `kb_chunks` table: one row per chunk, `text` = title + heading path + body (what BM25 and
 * the embedder see), with the ACL columns of `searchFilter.readableBy`. It has a vector column
 * only when it was built with an embedder.
 */
export function kbChunksSpec(state: IndexState): TableSpec<typeof columns> {
  return {
    name: KB_CHUNKS_TABLE,
    columns,
    ...(state.embedder !== NO_EMBEDDER && state.dimension
      ? { vector: { dimension: state.dimension, distance: "cosine" } }
      : {}),
  };
}

export type KbChunkTable = SearchTable<{
  doc_id?: string | null;
  source?: string | null;
  url?: string | null;
  heading_path?: string | null;
  body_offset?: number | null;
  acl_groups?: string[] | null;
  public?: boolean | null;
}>;

/** Opens (creating when missing) the table as the index state describes it. */
export function openKbChunks(index: SearchIndex, state: IndexState): Promise<KbChunkTable> {
  return index.openTable(kbChunksSpec(state));
}
