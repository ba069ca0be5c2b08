import type { Embedder, Logger, SearchIndex, Store } from "@uplift/core";
import { type ChunkOptions, DEFAULT_CHUNK_OPTIONS } from "../chunk/chunker.js";
import { loadCl100kTokenizer, type Tokenizer } from "../chunk/tokenizer.js";
import { SourceRepository } from "../store/source-repository.js";
import { prepareIndex } from "./prepare-index.js";
import { type SourceSyncReport, type SyncProgress, syncSource } from "./sync-source.js";

export interface SyncOptions {
  store: Store;
  index: SearchIndex;
  /** Undefined: a BM25-only index. */
  embedder?: Embedder | undefined;
  logger: Logger;
  /** Only these sources (default: all). Ignored when the embedder changed: then every source is rebuilt. */
  sources?: readonly string[];
  chunking?: ChunkOptions;
  tokenizer?: Tokenizer;
  batchSize?: number;
  onProgress?: (progress: SyncProgress) => void;
}

export interface SyncReport {
  /** The embedder's model id, or "none". */
  embedder: string;
  /** True when the index was rebuilt because the embedder changed. */
  rebuilt: boolean;
  sources: SourceSyncReport[];
  /** Sources whose sync threw: the others were still synced. */
  failures: { source: string; error: unknown }[];
}

/**
 * `uplift kb sync`: brings the index up to date with every source (or the named ones). A
 * source that fails is recorded and the next one is synced all the same; the caller reports
 * `failures`.
 */
export async function syncKnowledgeBase(options: SyncOptions): Promise<SyncReport> {
  const repository = new SourceRepository(options.store);
  const selected = options.sources?.length
    ? await Promise.all(options.sources.map((name) => repository.require(name)))
    : await repository.list();
  const prepared = await prepareIndex(options.store, options.index, options.embedder, options.logger);
  const targets = prepared.rebuilt && options.sources?.length ? await repository.list() : selected;
  const tokenizer = options.tokenizer ?? (await loadCl100kTokenizer());
  const report: SyncReport = {
    embedder: prepared.state.embedder,
    rebuilt: prepared.rebuilt,
    sources: [],
    failures: [],
  };
  for (const source of targets) {
    try {
      report.sources.push(
        await syncSource(
          {
            store: options.store,
            table: prepared.table,
            embedder: options.embedder,
            embedderId: prepared.state.embedder,
            tokenizer,
            chunking: options.chunking ?? DEFAULT_CHUNK_OPTIONS,
            logger: options.logger,
            ...(options.batchSize !== undefined ? { batchSize: options.batchSize } : {}),
            ...(options.onProgress ? { onProgress: options.onProgress } : {}),
          },
          source,
        ),
      );
    } catch (error) {
      options.logger.error({ source: source.name, err: error }, "kb sync of the source failed");
      report.failures.push({ source: source.name, error });
    }
  }
  return report;
}
