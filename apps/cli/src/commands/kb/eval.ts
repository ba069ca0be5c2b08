import { createEmbedder, createReranker } from "@uplift/core";
import { evaluateRetrieval, KbSearcher, readQrels, readQueries, resolveReader } from "@uplift/kb";
import { withContext } from "../../context.js";
import type { GlobalOptions } from "../../options.js";
import { parseK } from "./search.js";

export async function evalCommand(
  global: GlobalOptions,
  options: { queries: string; qrels: string; k: string; source?: string },
) {
  const k = parseK(options.k, 100);
  const [queries, qrels] = await Promise.all([readQueries(options.queries), readQrels(options.qrels)]);
  await withContext(global, async (ctx) => {
    const store = await ctx.store();
    const reader = await resolveReader(store, global.as);
    const embedder = createEmbedder(ctx.config.embedder, { logger: ctx.logger });
    const reranker = createReranker(ctx.config.reranker, { logger: ctx.logger });
    const searcher = new KbSearcher({
      store,
      index: await ctx.searchIndex(),
      embedder,
      reranker,
      logger: ctx.logger,
    });
    let retrieval = "bm25";
    let note: string | undefined;
    const scores = await evaluateRetrieval(queries, qrels, k, async (text, cut) => {
      const result = await searcher.search({ query: text, k: cut, reader, source: options.source });
      retrieval = result.retrieval;
      note = result.note;
      return result.results.map((hit) => hit.doc_id);
    });
    const report = {
      [`ndcg@${k}`]: scores.ndcg,
      [`recall@${k}`]: scores.recall,
      [`mrr@${k}`]: scores.mrr,
      n_queries: scores.n,
      k,
      retrieval,
      ...(note ? { note } : {}),
      skipped_queries: {
        no_relevant_judgment: scores.skipped.noRelevantJudgment,
        judged_but_missing: scores.skipped.judgedButMissing,
      },
    };
    ctx.print(report, () =>
      [
        `nDCG@${k}   ${scores.ndcg.toFixed(4)}`,
        `Recall@${k} ${scores.recall.toFixed(4)}`,
        `MRR@${k}    ${scores.mrr.toFixed(4)}`,
        `queries    ${scores.n} (${retrieval}${note ? `; ${note}` : ""})`,
      ].join("\n"),
    );
  });
}
