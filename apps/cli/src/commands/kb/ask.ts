import { createEmbedder, createLlmProvider, createReranker, InputError } from "@uplift/core";
import { askKnowledgeBase, resolveReader } from "@uplift/kb";
import { withContext } from "../../context.js";
import type { GlobalOptions } from "../../options.js";

export async function askCommand(global: GlobalOptions, options: { source?: string }, [question]: string[]) {
  if (!question?.trim()) throw new InputError("QUESTION: the question is empty");
  await withContext(global, async (ctx) => {
    const store = await ctx.store();
    const llm = createLlmProvider(ctx.config.llm, { logger: ctx.logger });
    try {
      const answer = await askKnowledgeBase(
        {
          store,
          index: await ctx.searchIndex(),
          embedder: createEmbedder(ctx.config.embedder, { logger: ctx.logger }),
          reranker: createReranker(ctx.config.reranker, { logger: ctx.logger }),
          llm,
          logger: ctx.logger,
        },
        { question, reader: await resolveReader(store, global.as), source: options.source },
      );
      ctx.print(answer, (a) =>
        [
          a.answer,
          "",
          ...a.citations.map((c) => `[${c.n}] ${c.title} — ${c.url ?? c.doc_id}\n    “${c.quote}”`),
          "",
          `generator: ${a.generator}; retrieval: ${a.retrieval}${a.note ? ` (${a.note})` : ""}; grounded: ${a.grounded}`,
          ...(a.unsupported.length ? [`unsupported sentences: ${a.unsupported.length}`] : []),
          `answer id: ${a.answer_id} (uplift kb feedback ${a.answer_id} up|down)`,
        ].join("\n"),
      );
    } finally {
      await llm?.close();
    }
  });
}
