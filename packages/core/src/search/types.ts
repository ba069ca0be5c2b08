import type { SearchFilter } from "./filter.js";

/** Types a metadata column can have; `string[]` holds ACL group ids, tags, languages. */
export type ColumnType = "string" | "string[]" | "number" | "boolean";

/**
 * A metadata column. `index` gives it a scalar index in `ensureIndexes()`, which speeds up filters:
 * `true` picks by type (string and number: B-tree, boolean: bitmap, string[]: label list);
 * "bitmap" suits a string column with few distinct values (repo, language).
 */
export interface ColumnSpec {
  type: ColumnType;
  index?: boolean | "btree" | "bitmap";
}

export type ColumnSpecs = Record<string, ColumnType | ColumnSpec>;

/** Tokenizer of the BM25 index. Left empty, LanceDB's default: English, lowercase, stemming, stop words, ASCII folding. */
export interface FtsTokenizerOptions {
  /** "simple" splits on whitespace and punctuation (default); "whitespace" only on whitespace; "raw" keeps the whole text. */
  baseTokenizer?: "simple" | "whitespace" | "raw";
  /** Language of the stemmer and the stop-word list (default "English"). */
  language?: string;
  stem?: boolean;
  removeStopWords?: boolean;
  lowercase?: boolean;
  asciiFolding?: boolean;
  /** Tokens longer than this are dropped (default 40). */
  maxTokenLength?: number;
  /** Store token positions (default false: a smaller index, no phrase queries). */
  withPosition?: boolean;
}

export type VectorDistance = "cosine" | "l2" | "dot";

export interface VectorSpec {
  /** Fixed length of every vector in the table. */
  dimension: number;
  /** Default "cosine". */
  distance?: VectorDistance;
  /**
   * "none" (default): exact (flat) search, right below ~100k rows. "auto": `ensureIndexes()` trains an
   * IVF index once the table holds `IVF_MIN_ROWS` rows (training takes ~90 s at 100k rows).
   */
  index?: "none" | "auto";
}

/** What a table holds, given every time it is opened; the stored schema must match it. */
export interface TableSpec<C extends ColumnSpecs = ColumnSpecs> {
  /** Letters, digits, `_` and `-`, e.g. "kb_chunks". */
  name: string;
  /** Typed metadata columns; names are letters, digits and `_`, and not id, text, title or vector. */
  columns?: C;
  vector?: VectorSpec;
  fts?: FtsTokenizerOptions;
}

type ValueOf<T extends ColumnType> = T extends "string"
  ? string
  : T extends "string[]"
    ? string[]
    : T extends "number"
      ? number
      : boolean;
type TypeOf<S> = S extends ColumnSpec ? S["type"] : S extends ColumnType ? S : never;

/** Metadata values of a row, typed from the column specs; a missing value is stored as null. */
export type RowMetadata<C extends ColumnSpecs> = { [K in keyof C]?: ValueOf<TypeOf<C[K]>> | null };

/** Metadata of a row when the table's columns are not known statically. */
export type AnyMetadata = Record<string, unknown>;

/** One stored row (a chunk): id, text, optional title and vector, plus the table's metadata columns. */
export type SearchRow<M extends object = AnyMetadata> = {
  id: string;
  text: string;
  title?: string | null;
  vector?: readonly number[] | null;
} & M;

export type SearchMode = "bm25" | "vector" | "hybrid";

export interface SearchQuery {
  mode: SearchMode;
  /** Query text for "bm25" and "hybrid"; tokenized like the indexed text. */
  text?: string;
  /** Query vector for "vector" and "hybrid"; its length must be the table's dimension. */
  vector?: readonly number[];
  /** Number of hits wanted (1–10,000). */
  k: number;
  /** Applied before the top-k cut: k hits are filled from the allowed rows only. */
  filter?: SearchFilter;
  /** Hybrid only: weights of the [bm25, vector] lists in the fusion (default [1, 1]). */
  weights?: readonly [number, number];
  /** Vector and hybrid only: skip an IVF index and compare with every vector. */
  exact?: boolean;
}

export interface SearchHit<M extends object = AnyMetadata> {
  id: string;
  /**
   * Higher is better. bm25: the BM25 score; vector: similarity (1 − distance for cosine and dot,
   * −distance for l2); hybrid: the reciprocal-rank-fusion score.
   */
  score: number;
  /** 1-based position in the result list. */
  rank: number;
  /** The stored row without its vector. */
  row: SearchRow<M>;
}

export interface IndexStatus {
  rows: number;
  /** Whether the BM25 index exists (it is built by `ensureIndexes()` or the first bm25/hybrid search). */
  ftsIndex: boolean;
  /** Rows written since the indexes were last brought up to date; still searchable, by a slower scan. */
  unindexedRows: number;
  /** Names of the table's indexes, e.g. ["text_idx", "acl_idx"]. */
  indexes: string[];
}

export interface EnsureIndexesOptions {
  /**
   * Leave up to this many written rows out of the indexes for now (default 0). They are still
   * found, by a flat scan that costs each BM25 query ~1.5 ms per 100 rows; folding rows in
   * costs about as much as building the BM25 index (1–2 s at 85k rows), so a writer of small
   * frequent changes defers it until they add up. Missing indexes are built regardless.
   */
  deferUpToRows?: number;
}

/** One named table of an index, e.g. "kb_chunks". */
export interface SearchTable<M extends object = AnyMetadata> {
  readonly name: string;
  /** Inserts rows, replacing any row with the same id (the last one wins within a call). */
  upsert(rows: readonly SearchRow<M>[]): Promise<void>;
  /** Deletes rows by id; returns how many existed. */
  delete(ids: readonly string[]): Promise<number>;
  /** Deletes the rows the filter selects; returns how many. */
  deleteWhere(filter: SearchFilter): Promise<number>;
  count(filter?: SearchFilter): Promise<number>;
  /** Hits ordered best first; at most k of them. */
  search(query: SearchQuery): Promise<SearchHit<M>[]>;
  /**
   * Creates missing indexes (BM25 on `text`, scalar indexes on `index: true` columns, IVF when due) and folds rows
   * written since the last call into them. Call it after a batch of writes (e.g. at the end of a sync).
   */
  ensureIndexes(options?: EnsureIndexesOptions): Promise<void>;
  indexStatus(): Promise<IndexStatus>;
}

/** The retrieval index of DESIGN.md: named tables with BM25, vector and hybrid search. */
export interface SearchIndex {
  readonly driver: "lancedb";
  /** Where the data lives: a local directory or an object-storage URI. */
  readonly uri: string;
  /** Opens a table, creating it when missing; throws if the stored table does not match the spec. */
  openTable<const C extends ColumnSpecs = Record<never, never>>(
    spec: TableSpec<C>,
  ): Promise<SearchTable<RowMetadata<C>>>;
  tableNames(): Promise<string[]>;
  /** Deletes a table and its data; a missing table is not an error. */
  dropTable(name: string): Promise<void>;
  close(): Promise<void>;
}
