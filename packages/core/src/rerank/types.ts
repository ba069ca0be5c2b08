export interface RerankOptions {
  signal?: AbortSignal;
}

/** One reranked text: its position in the input and the model's relevance score (higher is better). */
export interface RerankScore {
  index: number;
  score: number;
}

/**
 * Scores texts against a query with a cross-encoder behind an HTTP endpoint. Optional: retrieval
 * works without one and uses it, when configured, to reorder its best candidates.
 */
export interface Reranker {
  /** Request shape: `tei` (`POST /rerank {query, texts}`) or `cohere` (`POST /v1/rerank {model, query, documents, top_n}`). */
  readonly api: "tei" | "cohere";
  /** `<api>:<model>`, e.g. `cohere:jina-reranker-v2-base-multilingual`. */
  readonly modelId: string;
  /** How many candidates a caller should send (`reranker.top_n`). */
  readonly topN: number;
  /** One score per text, best first; every index of `texts` appears once. */
  rerank(query: string, texts: string[], options?: RerankOptions): Promise<RerankScore[]>;
}
