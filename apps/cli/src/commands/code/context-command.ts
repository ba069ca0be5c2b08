import { readFile } from "node:fs/promises";
import {
  type AssembledContext,
  assembleContext,
  buildFimPrompt,
  FIM_MODELS,
  type FimModel,
  languageOf,
  lineCommentOf,
  loadCl100kCounter,
  openCodeChunks,
  TreeSitterLoader,
} from "@uplift/code";
import { ConflictError, createEmbedder, InputError } from "@uplift/core";
import { withContext } from "../../context.js";
import type { GlobalOptions } from "../../options.js";
import { positiveInteger } from "./parse-flags.js";

interface ContextOptions {
  file: string;
  line: string;
  column: string;
  budgetTokens: string;
  fim?: string;
}

export async function codeContextCommand(global: GlobalOptions, options: ContextOptions) {
  const line = positiveInteger("--line", options.line, 10_000_000);
  const column = positiveInteger("--column", options.column, 10_000_000);
  const budgetTokens = positiveInteger("--budget-tokens", options.budgetTokens, 1_000_000);
  const fim = options.fim === undefined ? undefined : fimModel(options.fim);
  await withContext(global, async (ctx) => {
    const embedder = createEmbedder(ctx.config.embedder, { logger: ctx.logger });
    const dimension = embedder ? await embedder.detectDimension() : undefined;
    let chunks: Awaited<ReturnType<typeof openCodeChunks>>["table"] | undefined;
    try {
      chunks = (await openCodeChunks(await ctx.searchIndex(), dimension, ctx.logger, { rebuild: false }))
        .table;
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
      ctx.logger.warn(
        { err: error },
        "similar snippets from BM25 are skipped until the code index is rebuilt",
      );
    }
    const context = await assembleContext(
      { file: options.file, cursor: { line, column }, budgetTokens },
      {
        store: await ctx.store(),
        chunks,
        loader: new TreeSitterLoader(),
        counter: await loadCl100kCounter(),
        logger: ctx.logger,
      },
    );
    const prompt = fim ? await fimPrompt(fim, options.file, line, column, context) : undefined;
    ctx.print({ ...context, ...(prompt !== undefined && { prompt }) }, (c) => human(c, prompt));
  });
}

function fimModel(value: string): FimModel {
  if (!(FIM_MODELS as readonly string[]).includes(value))
    throw new InputError(`--fim ${value}: expected one of ${FIM_MODELS.join(", ")}`);
  return value as FimModel;
}

async function fimPrompt(
  model: FimModel,
  file: string,
  line: number,
  column: number,
  context: AssembledContext,
) {
  const text = (await readFile(file, "utf8")).replace(/\r\n/g, "\n");
  const lines = text.split("\n");
  const offset = lines.slice(0, line - 1).reduce((sum, l) => sum + l.length + 1, 0) + column - 1;
  return buildFimPrompt({
    model,
    prefix: text.slice(0, offset),
    suffix: text.slice(offset),
    path: context.path,
    repo: context.repo,
    snippets: context.snippets.filter((s) => s.reason !== "imports"),
    comment: lineCommentOf(languageOf(file)),
  });
}

function human(context: AssembledContext, prompt: string | undefined): string {
  const parts = context.snippets.map(
    (s) =>
      `── ${s.reason} ${s.score.toFixed(2)}  ${s.repo ? `${s.repo}/` : ""}${s.path}:${s.start_line}-${s.end_line}\n${s.text}`,
  );
  parts.push(`${context.tokens} tokens (${context.tokenizer})`);
  if (prompt !== undefined) parts.push(`── prompt\n${prompt}`);
  return parts.join("\n\n");
}
