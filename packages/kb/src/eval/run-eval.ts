import type { EvalQuery } from "./eval-files.js";
import { type EvalScores, meanScores } from "./metrics.js";

export interface RetrievalEval extends EvalScores {
  k: number;
  /** Queries left out: no relevant judgment in the qrels, or not in the queries file. */
  skipped: { noRelevantJudgment: number; judgedButMissing: number };
}

/**
 * Runs every judged query through `rank` (document ids best first; a document's rank is its
 * best chunk's) and averages nDCG@k, Recall@k and MRR@k over the queries that have at least one
 * relevant judgment — the convention of trec_eval and BEIR.
 */
export async function evaluateRetrieval(
  queries: readonly EvalQuery[],
  qrels: ReadonlyMap<string, ReadonlyMap<string, number>>,
  k: number,
  rank: (text: string, k: number) => Promise<string[]>,
): Promise<RetrievalEval> {
  const judged: { ranking: string[]; judgments: ReadonlyMap<string, number> }[] = [];
  let noRelevantJudgment = 0;
  for (const query of queries) {
    const judgments = qrels.get(query.id);
    if (!judgments || ![...judgments.values()].some((grade) => grade > 0)) {
      noRelevantJudgment++;
      continue;
    }
    judged.push({ ranking: await rank(query.text, k), judgments });
  }
  const ids = new Set(queries.map((q) => q.id));
  const judgedButMissing = [...qrels.keys()].filter((id) => !ids.has(id)).length;
  return { ...meanScores(judged, k), k, skipped: { noRelevantJudgment, judgedButMissing } };
}
