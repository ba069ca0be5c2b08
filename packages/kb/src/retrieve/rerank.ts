import { type Logger, type Reranker, UpliftError } from "@uplift/core";
import type { KbSearchHit } from "./search.js";

/** Characters of each candidate sent to the reranker (cross-encoders truncate near 512 tokens anyway). */
const MAX_RERANK_CHARS = 2_000;

export interface RerankOutcome {
  hits: KbSearchHit[];
  reranked: boolean;
  /** Why the fused ranking was kept. */
  note?: string;
}

/**
 * Reorders the best `reranker.topN` candidates (already ACL-filtered and fused) by the
 * reranker's relevance score, which becomes their `score`; the rest keep their order after them.
 * A failing reranker leaves the fused ranking and says so: a model makes retrieval better,
 * never makes it work.
 */
export async function rerankHits(
  reranker: Reranker,
  query: string,
  hits: KbSearchHit[],
  logger?: Logger,
): Promise<RerankOutcome> {
  const head = hits.slice(0, reranker.topN);
  if (head.length === 0) return { hits, reranked: false };
  try {
    const scores = await reranker.rerank(query, head.map(rerankText));
    const reordered = scores.map(({ index, score }) => ({ ...(head[index] as KbSearchHit), score }));
    return { hits: [...reordered, ...hits.slice(head.length)], reranked: true };
  } catch (error) {
    if (!(error instanceof UpliftError)) throw error;
    logger?.warn({ err: error }, "reranking failed; keeping the fused ranking");
    return { hits, reranked: false, note: `not reranked: the reranker failed (${error.message})` };
  }
}

/** What the cross-encoder reads: title and heading path give the chunk its context. */
function rerankText(hit: KbSearchHit): string {
  const context = [hit.title, hit.heading_path].filter(Boolean).join(" › ");
  return `${context ? `${context}\n` : ""}${hit.text}`.slice(0, MAX_RERANK_CHARS);
}
