import { Index, type Table as LanceTable, makeArrowTable } from "@lancedb/lancedb";
import type { Schema } from "apache-arrow";
import { InputError } from "../errors.js";
import type { Logger } from "../logger.js";
import { compileFilter, type SearchFilter } from "./filter.js";
import { type Bm25Filter, bm25Search, type ScoredRow } from "./lancedb-bm25.js";
import { type LanceErrorContext, translateLanceError } from "./lancedb-errors.js";
import { fromStoredRecord, resultColumns, toStoredRecords } from "./lancedb-rows.js";
import { reciprocalRankFusion } from "./rrf.js";
import type { ResolvedTableSpec } from "./table-spec.js";
import type {
  EnsureIndexesOptions,
  IndexStatus,
  SearchHit,
  SearchQuery,
  SearchRow,
  SearchTable,
} from "./types.js";

const FTS_INDEX = "text_idx";
const VECTOR_INDEX = "vector_idx";
/** Below this many rows exact vector search is fast enough (DESIGN: an IVF index on 100k rows trains ~90 s). */
export const IVF_MIN_ROWS = 100_000;
/** `ensureIndexes()` compacts once this many small fragments (one per small write) have piled up. */
const COMPACT_MIN_SMALL_FRAGMENTS = 64;
const MAX_K = 10_000;
/** Hybrid search fuses the top max(3k, 30) of each list. */
const HYBRID_MIN_CANDIDATES = 30;
const DELETE_BATCH = 1_000;

/** Maps our tokenizer option names to the keys LanceDB reports in an FTS index's details. */
const FTS_DETAIL_KEYS = {
  baseTokenizer: "base_tokenizer",
  language: "language",
  stem: "stem",
  removeStopWords: "remove_stop_words",
  lowercase: "lower_case",
  asciiFolding: "ascii_folding",
  maxTokenLength: "max_token_length",
  withPosition: "with_position",
} as const;

/**
 * One LanceDB table. Write policy: writes never wait for index maintenance. LanceDB 0.39 searches
 * rows written after the last index build by a flat scan merged with the index results, and masks
 * deleted or replaced rows, so results are always current; `ensureIndexes()` only restores speed.
 */
export class LanceSearchTable implements SearchTable {
  readonly name: string;
  #ftsReady = false;

  constructor(
    private readonly table: LanceTable,
    private readonly spec: ResolvedTableSpec,
    private readonly schema: Schema,
    private readonly context: LanceErrorContext,
    private readonly logger: Logger,
  ) {
    this.name = spec.name;
  }

  async upsert(rows: readonly SearchRow[]): Promise<void> {
    const records = toStoredRecords(rows, this.spec);
    if (records.length === 0) return;
    const data = makeArrowTable(records, { schema: this.schema });
    const result = await this.guard("upsert", () =>
      this.table.mergeInsert("id").whenMatchedUpdateAll().whenNotMatchedInsertAll().execute(data),
    );
    this.logger.debug(
      { inserted: result.numInsertedRows, updated: result.numUpdatedRows },
      "search rows upserted",
    );
  }

  async delete(ids: readonly string[]): Promise<number> {
    let deleted = 0;
    for (let start = 0; start < ids.length; start += DELETE_BATCH) {
      const filter: SearchFilter = {
        kind: "in",
        column: "id",
        values: ids.slice(start, start + DELETE_BATCH),
      };
      deleted += await this.deleteWhere(filter);
    }
    return deleted;
  }

  async deleteWhere(filter: SearchFilter): Promise<number> {
    const predicate = compileFilter(filter, this.spec.filterColumns);
    const result = await this.guard("delete", () => this.table.delete(predicate));
    return result.numDeletedRows;
  }

  count(filter?: SearchFilter): Promise<number> {
    const predicate = filter ? compileFilter(filter, this.spec.filterColumns) : undefined;
    return this.guard("count", () => this.table.countRows(predicate));
  }

  async search(query: SearchQuery): Promise<SearchHit[]> {
    const { k, mode } = query;
    if (!Number.isInteger(k) || k < 1 || k > MAX_K)
      throw new InputError(`search k must be an integer from 1 to ${MAX_K}, got ${k}`);
    const where = query.filter ? compileFilter(query.filter, this.spec.filterColumns) : undefined;
    const filter = query.filter && where ? { filter: query.filter, where } : undefined;
    if (mode === "bm25") return this.rank(await this.bm25(requireText(query), k, filter));
    if (mode === "vector")
      return this.rank(await this.nearest(this.requireVector(query), k, where, query.exact));
    if (mode !== "hybrid")
      throw new InputError(`search mode must be bm25, vector or hybrid, got "${String(mode)}"`);
    const text = requireText(query);
    const vector = this.requireVector(query);
    const candidates = Math.min(Math.max(3 * k, HYBRID_MIN_CANDIDATES), MAX_K);
    const [lexical, semantic] = await Promise.all([
      this.bm25(text, candidates, filter),
      this.nearest(vector, candidates, where, query.exact),
    ]);
    const rows = new Map([...semantic, ...lexical].map((hit) => [hit.row.id, hit.row]));
    const fused = reciprocalRankFusion(
      [lexical.map((h) => h.row.id), semantic.map((h) => h.row.id)],
      query.weights ? { weights: query.weights } : {},
    );
    return fused.slice(0, k).map((item, i) => ({
      id: item.id,
      score: item.score,
      rank: i + 1,
      row: rows.get(item.id) as SearchRow,
    }));
  }

  async ensureIndexes(options: EnsureIndexesOptions = {}): Promise<void> {
    const started = performance.now();
    const [stats, indexes] = await this.guard(
      "read index state",
      async () => [await this.table.stats(), await this.table.listIndices()] as const,
    );
    let lagging = 0;
    for (const index of indexes) {
      const indexStats = await this.guard("read index state", () => this.table.indexStats(index.name));
      lagging = Math.max(lagging, indexStats?.numUnindexedRows ?? 0);
    }
    const deferred = options.deferUpToRows ?? 0;
    if (lagging > deferred || stats.fragmentStats.numSmallFragments >= COMPACT_MIN_SMALL_FRAGMENTS) {
      // optimize() compacts small fragments, appends new rows to every index and prunes old versions.
      await this.guard("optimize", () => this.table.optimize());
    }
    const names = new Set(indexes.map((i) => i.name));
    const fts = indexes.find((i) => i.name === FTS_INDEX);
    if (!fts || !this.ftsMatchesSpec(fts.indexDetails)) await this.buildFtsIndex(fts !== undefined);
    for (const column of this.spec.columns) {
      if (!column.index || names.has(`${column.name}_idx`)) continue;
      const config =
        column.index === "labelList"
          ? Index.labelList()
          : column.index === "bitmap"
            ? Index.bitmap()
            : Index.btree();
      await this.guard(`build index on ${column.name}`, () =>
        this.table.createIndex(column.name, { config }),
      );
    }
    const vector = this.spec.vector;
    if (vector?.index === "auto" && !names.has(VECTOR_INDEX) && stats.numRows >= IVF_MIN_ROWS) {
      this.logger.info({ rows: stats.numRows }, "training IVF vector index");
      const config = Index.ivfPq({ distanceType: vector.distance });
      await this.guard("build vector index", () => this.table.createIndex("vector", { config }));
    }
    this.logger.info({ ms: Math.round(performance.now() - started) }, "search indexes up to date");
  }

  async indexStatus(): Promise<IndexStatus> {
    return this.guard("read index state", async () => {
      const indexes = await this.table.listIndices();
      let unindexedRows = 0;
      for (const index of indexes) {
        unindexedRows = Math.max(
          unindexedRows,
          (await this.table.indexStats(index.name))?.numUnindexedRows ?? 0,
        );
      }
      return {
        rows: await this.table.countRows(),
        ftsIndex: indexes.some((i) => i.name === FTS_INDEX),
        unindexedRows,
        indexes: indexes.map((i) => i.name),
      };
    });
  }

  private async bm25(text: string, limit: number, filter: Bm25Filter | undefined): Promise<ScoredRow[]> {
    if (!this.#ftsReady) {
      const indexes = await this.guard("read index state", () => this.table.listIndices());
      if (!indexes.some((i) => i.name === FTS_INDEX)) await this.buildFtsIndex(false);
      this.#ftsReady = true;
    }
    return this.guard("bm25 search", () =>
      bm25Search(this.table, this.spec, text, limit, filter, this.logger),
    );
  }

  private async nearest(
    vector: readonly number[],
    limit: number,
    where: string | undefined,
    exact: boolean | undefined,
  ): Promise<ScoredRow[]> {
    const distance = this.spec.vector?.distance ?? "cosine";
    return this.guard("vector search", async () => {
      let query = this.table.vectorSearch(Float32Array.from(vector)).distanceType(distance);
      if (exact) query = query.bypassVectorIndex();
      if (where) query = query.where(where);
      const records = await query
        .select([...resultColumns(this.spec), "_distance"])
        .limit(limit)
        .toArray();
      return records.map((r: Record<string, unknown>) => {
        const d = Number(r._distance);
        return { score: distance === "l2" ? -d : 1 - d, row: fromStoredRecord(r, this.spec) };
      });
    });
  }

  /** Orders best first (ties by id, so equal scores come out the same every time) and numbers the hits. */
  private rank(hits: ScoredRow[]): SearchHit[] {
    return hits
      .sort((a, b) => b.score - a.score || (a.row.id < b.row.id ? -1 : a.row.id > b.row.id ? 1 : 0))
      .map((hit, i) => ({ id: hit.row.id, score: hit.score, rank: i + 1, row: hit.row }));
  }

  private async buildFtsIndex(replacing: boolean): Promise<void> {
    const started = performance.now();
    const config = Index.fts(this.spec.fts);
    await this.guard("build full-text index", () =>
      this.table.createIndex("text", { config, replace: true }),
    );
    this.#ftsReady = true;
    this.logger.info({ replacing, ms: Math.round(performance.now() - started) }, "full-text index built");
  }

  private ftsMatchesSpec(details: unknown): boolean {
    const stored = (details ?? {}) as Record<string, unknown>;
    return Object.entries(this.spec.fts).every(([option, value]) => {
      const key = FTS_DETAIL_KEYS[option as keyof typeof FTS_DETAIL_KEYS];
      return value === undefined || key === undefined || stored[key] === value;
    });
  }

  private requireVector(query: SearchQuery): readonly number[] {
    const dimension = this.spec.vector?.dimension;
    if (dimension === undefined)
      throw new InputError(`search table "${this.name}" has no vectors; use mode "bm25"`);
    const vector = query.vector;
    if (!vector) throw new InputError(`search mode "${query.mode}" needs a query vector`);
    if (vector.length !== dimension || !vector.every(Number.isFinite)) {
      throw new InputError(`query vector must be ${dimension} finite numbers, got ${vector.length} values`);
    }
    return vector;
  }

  private guard<T>(operation: string, run: () => Promise<T>): Promise<T> {
    return run().catch((error: unknown) => {
      throw translateLanceError(error, {
        ...this.context,
        operation: `${operation} on table "${this.name}"`,
      });
    });
  }
}

function requireText(query: SearchQuery): string {
  if (typeof query.text !== "string") throw new InputError(`search mode "${query.mode}" needs a query text`);
  return query.text;
}
