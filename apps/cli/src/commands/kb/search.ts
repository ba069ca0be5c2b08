import { createEmbedder, createReranker, InputError } from "@uplift/core";
import { KbSearcher, resolveReader } from "@uplift/kb";
import { withContext } from "../../context.js";
import type { GlobalOptions } from "../../options.js";

/** Parses `--k`: a whole number from 1 to `max`. */
export function parseK(text: string, max = 1000): number {
  const k = Number(text);
  if (!/^\d+$/.test(text.trim()) || k < 1 || k > max)
    throw new InputError(`--k ${text}: expected a whole number from 1 to ${max}`);
  return k;
}

export async function searchCommand(
  global: GlobalOptions,
  options: { k: string; source?: string; allChunks?: boolean },
  [query]: string[],
) {
  const k = parseK(options.k);
  if (!query?.trim()) throw new InputError("QUERY: the query is empty");
  await withContext(global, async (ctx) => {
    const store = await ctx.store();
    const reader = await resolveReader(store, global.as);
    const embedder = createEmbedder(ctx.config.embedder, { logger: ctx.logger });
    const result = await new KbSearcher({
      store,
      index: await ctx.searchIndex(),
      embedder,
      reranker: createReranker(ctx.config.reranker, { logger: ctx.logger }),
      logger: ctx.logger,
    }).search({
      query,
      k,
      reader,
      source: options.source,
      perDocument: !options.allChunks,
    });
    ctx.print({ ...result, as: reader.login }, (r) => {
      const lines = r.results.map(
        (hit, i) =>
          `${i + 1}. ${hit.title}${hit.heading_path ? ` › ${hit.heading_path}` : ""}  [${hit.doc_id}]  ${hit.score.toFixed(3)}\n   ${hit.url ?? "(no url)"}\n   ${snippet(hit.text)}`,
      );
      if (lines.length === 0) lines.push("no results");
      if (r.note) lines.push(r.note);
      if (r.reranked) lines.push("reranked");
      return lines.join("\n");
    });
  });
}

function snippet(text: string): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > 200 ? `${flat.slice(0, 199)}…` : flat;
}
