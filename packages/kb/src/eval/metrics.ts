/** Relevance grades of one query's judged documents (grade > 0: relevant). */
export type Judgments = ReadonlyMap<string, number>;

/**
 * nDCG@k with graded gains and a log2 discount, as trec_eval's `ndcg_cut` (and BEIR):
 * DCG = Σᵢ₌₁..ₖ relᵢ / log2(i + 1), divided by the DCG of the ideal ordering of the judged grades.
 * Järvelin & Kekäläinen 2002. Returns 0 when no judged document is relevant.
 */
export function ndcgAt(ranking: readonly string[], judgments: Judgments, k: number): number {
  let dcg = 0;
  ranking.slice(0, k).forEach((doc, i) => {
    const grade = judgments.get(doc) ?? 0;
    if (grade > 0) dcg += grade / Math.log2(i + 2);
  });
  const ideal = [...judgments.values()]
    .filter((grade) => grade > 0)
    .sort((a, b) => b - a)
    .slice(0, k);
  const idcg = ideal.reduce((sum, grade, i) => sum + grade / Math.log2(i + 2), 0);
  return idcg === 0 ? 0 : dcg / idcg;
}

/** Recall@k: relevant documents in the top k over all judged relevant documents (0 when none is relevant). */
export function recallAt(ranking: readonly string[], judgments: Judgments, k: number): number {
  const relevant = [...judgments.values()].filter((grade) => grade > 0).length;
  if (relevant === 0) return 0;
  const found = new Set(ranking.slice(0, k).filter((doc) => (judgments.get(doc) ?? 0) > 0)).size;
  return found / relevant;
}

/** Reciprocal rank of the first relevant document within the top k, else 0 (MRR@k averages it). */
export function reciprocalRankAt(ranking: readonly string[], judgments: Judgments, k: number): number {
  const at = ranking.slice(0, k).findIndex((doc) => (judgments.get(doc) ?? 0) > 0);
  return at < 0 ? 0 : 1 / (at + 1);
}

export interface EvalScores {
  ndcg: number;
  recall: number;
  mrr: number;
  n: number;
}

/** Means over queries of the three metrics; each query: its ranked doc ids and its judgments. */
export function meanScores(
  queries: readonly { ranking: readonly string[]; judgments: Judgments }[],
  k: number,
): EvalScores {
  const n = queries.length;
  if (n === 0) return { ndcg: 0, recall: 0, mrr: 0, n };
  const mean = (f: (q: (typeof queries)[number]) => number) => queries.reduce((sum, q) => sum + f(q), 0) / n;
  return {
    ndcg: mean((q) => ndcgAt(q.ranking, q.judgments, k)),
    recall: mean((q) => recallAt(q.ranking, q.judgments, k)),
    mrr: mean((q) => reciprocalRankAt(q.ranking, q.judgments, k)),
    n,
  };
}
