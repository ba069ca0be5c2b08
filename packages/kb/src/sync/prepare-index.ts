import type { Embedder, Logger, SearchIndex, Store } from "@uplift/core";
import { KB_CHUNKS_TABLE, type KbChunkTable, openKbChunks } from "../index-table.js";
import { DocumentRepository } from "../store/document-repository.js";
import { type IndexState, NO_EMBEDDER, readIndexState, writeIndexState } from "../store/index-state.js";

export interface PreparedIndex {
  table: KbChunkTable;
  state: IndexState;
  /** True when the table was (or is being) rebuilt for another embedder: every source must be synced. */
  rebuilt: boolean;
}

/**
 * Makes the `kb_chunks` table match the configured embedder before a sync. Vectors of two
 * models are not comparable, so a change of model id (or adding/removing the embedder) forgets
 * every chunk and drops the table: the sync then re-chunks and re-embeds everything. The steps
 * are ordered so that a crash at any point is finished by the next sync: (1) one transaction
 * forgets the chunks and records the pending embedder, (2) the table is dropped, (3) the new
 * state is recorded.
 */
export async function prepareIndex(
  store: Store,
  index: SearchIndex,
  embedder: Embedder | undefined,
  logger: Logger,
): Promise<PreparedIndex> {
  const current = await readIndexState(store);
  const wanted: IndexState = embedder
    ? { embedder: embedder.modelId, dimension: await embedder.detectDimension() }
    : { embedder: NO_EMBEDDER };
  const same =
    current.pendingEmbedder === undefined &&
    current.embedder === wanted.embedder &&
    current.dimension === wanted.dimension;
  if (same) return { table: await openKbChunks(index, current), state: current, rebuilt: false };

  const hadRows = (await index.tableNames()).includes(KB_CHUNKS_TABLE);
  if (hadRows)
    logger.warn(
      { from: current.embedder, to: wanted.embedder },
      "the embedder changed: the knowledge-base index is rebuilt and every chunk re-embedded",
    );
  await store.transaction(async (tx) => {
    await DocumentRepository.resetAll(tx);
    await writeIndexState(tx, { ...current, pendingEmbedder: wanted.embedder });
  });
  await index.dropTable(KB_CHUNKS_TABLE);
  await writeIndexState(store, wanted);
  return { table: await openKbChunks(index, wanted), state: wanted, rebuilt: hadRows };
}
