export interface EmbedOptions {
  signal?: AbortSignal;
}

/**
 * Turns texts into vectors for semantic search. `modelId` is recorded with every index so that
 * a change of model triggers re-embedding (vectors of two models are not comparable).
 */
export interface Embedder {
  /** Driver: `openai` (any OpenAI-compatible `/v1/embeddings`). */
  readonly kind: "openai";
  /** `<kind>:<model>`, e.g. `openai:text-embedding-3-small`. */
  readonly modelId: string;
  /**
   * Weight of this model's ranking against BM25's (weight 1) in hybrid search's reciprocal-rank
   * fusion (`embedder.fusion_weight`, default 1). Below 1 when `kb eval` shows the model ranking
   * worse than BM25 on the organisation's own questions; 0 leaves BM25's order.
   */
  readonly fusionWeight: number;
  /** Vector length: configured, or learned from the first answer (`undefined` until then). */
  readonly dimension: number | undefined;
  /** One vector per text, in the order of `texts`. */
  embed(texts: string[], options?: EmbedOptions): Promise<number[][]>;
  /** The vector length, embedding a probe text if it is not known yet. */
  detectDimension(options?: EmbedOptions): Promise<number>;
}
