import { addCounts, type Embedder, type Logger, redactTexts, type Store } from "@uplift/core";
import { effectiveAcl } from "../acl.js";
import { CHUNKER_VERSION, type ChunkOptions, chunkDocument } from "../chunk/chunker.js";
import type { Tokenizer } from "../chunk/tokenizer.js";
import type { KbChunkTable } from "../index-table.js";
import { docSourceFor } from "../sources/index.js";
import {
  DocumentRepository,
  type DocumentWrite,
  type StoredDocumentState,
} from "../store/document-repository.js";
import { emptyCounts, type SyncCounts, SyncRunRepository } from "../store/sync-run-repository.js";
import type { KbDocument, SkippedItem, SourceConfig } from "../types.js";
import { chunkHash, chunkIds, documentHash } from "./hashing.js";

/** Bumped when the redaction rules change, so that every document is re-indexed through them once. */
const REDACTION_VERSION = 2; // 2: private and documentation IP ranges are kept

/** What one source's sync did. */
export interface SourceSyncReport {
  source: string;
  runId: string;
  status: "succeeded" | "failed";
  counts: SyncCounts;
  skipped: SkippedItem[];
}

export interface SyncProgress {
  source: string;
  counts: SyncCounts;
}

export interface SourceSyncDeps {
  store: Store;
  table: KbChunkTable;
  embedder: Embedder | undefined;
  /** Recorded with the run: the embedder's model id or "none". */
  embedderId: string;
  tokenizer: Tokenizer;
  chunking: ChunkOptions;
  logger: Logger;
  /** Documents per committed batch (default 256): an interrupted sync loses at most one batch of work. */
  batchSize?: number;
  onProgress?: (progress: SyncProgress) => void;
}

interface Changed {
  doc: KbDocument;
  hash: string;
  acl: string[];
  isNew: boolean;
}

/**
 * Syncs one source: documents whose hash is unchanged are skipped; a changed document is
 * re-chunked and only its new chunks are embedded and written to the index, its vanished
 * chunks deleted; documents gone from the source leave the index and the store. Work is
 * committed per batch (index first, then the store), so a rerun after a crash skips what was
 * committed and redoes at most one batch (index writes are idempotent upserts).
 */
export async function syncSource(deps: SourceSyncDeps, config: SourceConfig): Promise<SourceSyncReport> {
  const plugin = docSourceFor(config.type);
  const docs = new DocumentRepository(deps.store);
  const runs = new SyncRunRepository(deps.store);
  const logger = deps.logger.child({ source: config.name });
  const runId = await runs.start(config.name, deps.embedderId);
  const counts = emptyCounts();
  const skipped: SkippedItem[] = [];
  const batchSize = deps.batchSize ?? 256;
  // the redaction version is part of every document's hash: a new rule set re-indexes once
  const chunkingKey = {
    ...deps.chunking,
    tokenizer: deps.tokenizer.name,
    redaction: REDACTION_VERSION,
    chunker: CHUNKER_VERSION,
  };
  try {
    const orphans = await docs.orphanedPending(config.name);
    if (orphans.length) {
      logger.info({ chunks: orphans.length }, "removing chunks an interrupted sync left in the index");
      await deps.table.delete(orphans);
    }
    await docs.clearPending(config.name);
    const states = await docs.states(config.name);
    const seen = new Set<string>();
    const keptPrefixes: string[] = [];
    let batch: Changed[] = [];
    const context = {
      logger,
      skip(item: SkippedItem) {
        skipped.push(item);
        counts.documentsSkipped++;
        // a document that cannot be read now keeps its last indexed version
        if (item.id !== undefined) seen.add(item.id);
        if (item.keepIdsStartingWith !== undefined) keptPrefixes.push(item.keepIdsStartingWith);
        logger.warn({ where: item.where }, `skipped: ${item.reason}`);
      },
      indexedUpdatedAt: (id: string) => indexedUpdatedAt(states, id),
      keep(id: string) {
        // only an indexed, current document can be kept; anything else must be yielded
        if (seen.has(id) || indexedUpdatedAt(states, id) === undefined) return;
        seen.add(id);
        counts.documentsSeen++;
        counts.documentsUnchanged++;
      },
    };
    for await (const doc of plugin.scan(config, context)) {
      if (seen.has(doc.id)) {
        context.skip({ where: `${config.name}:${doc.id}`, reason: "the id repeats an earlier document's" });
        continue;
      }
      seen.add(doc.id);
      counts.documentsSeen++;
      const acl = effectiveAcl(doc.acl, config.acl);
      const hash = documentHash(doc, acl, chunkingKey);
      const state: StoredDocumentState | undefined = states.get(doc.id);
      if (state && !state.deleted && state.contentHash === hash) {
        counts.documentsUnchanged++;
        continue;
      }
      batch.push({ doc, hash, acl, isNew: !state || state.deleted || state.contentHash === null });
      if (batch.length >= batchSize) {
        await writeBatch(deps, docs, config.name, batch, counts);
        batch = [];
        await runs.update(runId, "running", counts, skipped);
        deps.onProgress?.({ source: config.name, counts });
      }
    }
    await writeBatch(deps, docs, config.name, batch, counts);
    for (const id of states.keys()) if (keptPrefixes.some((prefix) => id.startsWith(prefix))) seen.add(id);
    await deleteVanished(deps, docs, config.name, states, seen, counts);
    await deps.table.ensureIndexes();
    await runs.update(runId, "succeeded", counts, skipped);
    deps.onProgress?.({ source: config.name, counts });
    return { source: config.name, runId, status: "succeeded", counts, skipped };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await runs.update(runId, "failed", counts, [...skipped, { where: config.name, reason: message }]);
    throw error;
  }
}

/** The `updated_at` a current (not deleted, not reset) indexed document was indexed with. */
function indexedUpdatedAt(states: ReadonlyMap<string, StoredDocumentState>, id: string): string | undefined {
  const state = states.get(id);
  return state && !state.deleted && state.contentHash !== null ? state.updatedAt : undefined;
}

async function writeBatch(
  deps: SourceSyncDeps,
  docs: DocumentRepository,
  source: string,
  batch: readonly Changed[],
  counts: SyncCounts,
): Promise<void> {
  if (batch.length === 0) return;
  const stored = await docs.chunksOf(
    source,
    batch.map((item) => item.doc.id),
  );
  const writes: DocumentWrite[] = [];
  const newRows: {
    id: string;
    text: string;
    title: string;
    item: Changed;
    headingPath: string;
    bodyOffset: number;
  }[] = [];
  const vanished: string[] = [];
  // secrets and personal data never reach the index, the store or an embedder (DESIGN: Security)
  const redacted = await redactTexts(batch.flatMap((item) => [item.doc.title, item.doc.text]));
  counts.redactions ??= {};
  for (const r of redacted) addCounts(counts.redactions, r.counts);
  for (const [i, original] of batch.entries()) {
    const item: Changed = {
      ...original,
      doc: {
        ...original.doc,
        title: redacted[2 * i]?.text ?? original.doc.title,
        text: redacted[2 * i + 1]?.text ?? original.doc.text,
      },
    };
    const drafts = chunkDocument(item.doc, deps.tokenizer, deps.chunking);
    const hashes = drafts.map((draft) => chunkHash(draft, item.doc, item.acl));
    const ids = chunkIds(source, item.doc.id, hashes);
    const before = new Set((stored.get(item.doc.id) ?? []).map((chunk) => chunk.id));
    const after = new Set(ids);
    drafts.forEach((draft, i) => {
      const id = ids[i] as string;
      if (!before.has(id))
        newRows.push({
          id,
          text: draft.text,
          title: item.doc.title,
          item,
          headingPath: draft.headingPath.join(" > "),
          bodyOffset: draft.bodyOffset,
        });
    });
    for (const id of before) if (!after.has(id)) vanished.push(id);
    writes.push({
      id: item.doc.id,
      contentHash: item.hash,
      title: item.doc.title,
      url: item.doc.url,
      path: item.doc.path,
      format: item.doc.format,
      acl: item.acl,
      updatedAt: item.doc.updated_at,
      chunks: drafts.map((draft, i) => ({
        id: ids[i] as string,
        hash: hashes[i] as string,
        ordinal: draft.ordinal,
        headingPath: draft.headingPath.join(" > "),
        tokenCount: draft.tokenCount,
      })),
    });
  }
  await docs.addPending(
    source,
    newRows.map((row) => row.id),
  );
  const vectors = deps.embedder ? await deps.embedder.embed(newRows.map((row) => row.text)) : undefined;
  if (newRows.length)
    await deps.table.upsert(
      newRows.map((row, i) => ({
        id: row.id,
        text: row.text,
        title: row.title,
        ...(vectors ? { vector: vectors[i] ?? null } : {}),
        doc_id: row.item.doc.id,
        source,
        url: row.item.doc.url ?? null,
        heading_path: row.headingPath,
        body_offset: row.bodyOffset,
        acl_groups: row.item.acl,
        public: row.item.acl.length === 0,
      })),
    );
  if (vanished.length) await deps.table.delete(vanished);
  await docs.write(source, writes);
  for (const item of batch) {
    if (item.isNew) counts.documentsAdded++;
    else counts.documentsUpdated++;
  }
  counts.chunksIndexed += newRows.length;
  counts.chunksDeleted += vanished.length;
}

async function deleteVanished(
  deps: SourceSyncDeps,
  docs: DocumentRepository,
  source: string,
  states: ReadonlyMap<string, StoredDocumentState>,
  seen: ReadonlySet<string>,
  counts: SyncCounts,
): Promise<void> {
  const gone = [...states].filter(([id, state]) => !state.deleted && !seen.has(id)).map(([id]) => id);
  const slice = 1000;
  for (let at = 0; at < gone.length; at += slice) {
    const ids = gone.slice(at, at + slice);
    const chunks = [...(await docs.chunksOf(source, ids)).values()].flat().map((chunk) => chunk.id);
    // index first: a crash before the store commit leaves the rows for the next sync to delete again
    if (chunks.length) await deps.table.delete(chunks);
    await docs.markDeleted(source, ids);
    counts.documentsDeleted += ids.length;
    counts.chunksDeleted += chunks.length;
  }
}
