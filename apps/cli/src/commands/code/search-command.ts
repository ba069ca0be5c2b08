import { type CodeSearchResult, searchCode } from "@uplift/code";
import { createEmbedder } from "@uplift/core";
import { withContext } from "../../context.js";
import type { GlobalOptions } from "../../options.js";
import { positiveInteger } from "./parse-flags.js";

export async function codeSearchCommand(
  global: GlobalOptions,
  options: { k: string; repo?: string },
  [query]: string[],
) {
  const k = positiveInteger("--k", options.k, 1000);
  await withContext(global, async (ctx) => {
    const embedder = createEmbedder(ctx.config.embedder, { logger: ctx.logger });
    const results = await searchCode(await ctx.searchIndex(), query ?? "", {
      k,
      embedder,
      logger: ctx.logger,
      ...(options.repo && { repo: options.repo }),
    });
    ctx.print({ results }, ({ results }) =>
      results.length ? results.map(render).join("\n\n") : "no matches",
    );
  });
}

function render(r: CodeSearchResult): string {
  const head = `${r.repo}/${r.path}:${r.start_line}-${r.end_line}${r.symbol ? `  ${r.symbol} (${r.kind})` : ""}  score ${r.score.toFixed(3)}`;
  const body = r.text
    .split("\n")
    .slice(0, 8)
    .map((line) => `    ${line}`);
  return [head, ...body].join("\n");
}
