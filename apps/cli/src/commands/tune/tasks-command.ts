import { existsSync } from "node:fs";
import path from "node:path";
import { loadCl100kCounter, openCodeChunks, TreeSitterLoader } from "@uplift/code";
import { ConflictError, InputError } from "@uplift/core";
import { buildEvalTasks, indexContextSource, type TaskContextSource, writeTasksFile } from "@uplift/tune";
import { type CliContext, withContext } from "../../context.js";
import type { GlobalOptions } from "../../options.js";
import { positiveInteger } from "../code/parse-flags.js";

interface TasksOptions {
  repo: string[];
  holdoutRepo: string[];
  after?: string;
  out: string;
  seed: string;
  limit?: string;
  perFile: string;
  context: boolean;
}

/** `uplift tune tasks`: evaluation tasks from code the model has not seen (docs/tune.md). */
export async function tuneTasksCommand(global: GlobalOptions, options: TasksOptions) {
  const after = options.after === undefined ? undefined : parseDate(options.after);
  const seed = integer("--seed", options.seed);
  const limit =
    options.limit === undefined ? undefined : positiveInteger("--limit", options.limit, 10_000_000);
  const perFile = positiveInteger("--per-file", options.perFile, 1000);
  await withContext(global, async (ctx) => {
    const loader = new TreeSitterLoader();
    const context = options.context ? await codeIndexContext(ctx, loader) : undefined;
    const { tasks, summary } = await buildEvalTasks({
      repos: options.repo,
      holdoutRepos: options.holdoutRepo,
      after,
      seed,
      limit,
      perFile,
      context,
      loader,
      logger: ctx.logger,
    });
    await writeTasksFile(options.out, tasks);
    ctx.print({ out: path.resolve(options.out), ...summary }, (s) =>
      [
        `${s.n} tasks → ${s.out}`,
        `  ${Object.entries(s.by_kind)
          .map(([kind, n]) => `${kind} ${n}`)
          .join(", ")}`,
        `  from ${s.files_parsed} parsed of ${s.files_considered} source files; ${s.selection.join("; ")}`,
        `  code context: ${s.context}`,
      ].join("\n"),
    );
  });
}

/** Context from the org code index when the data dir has one with files in it, else undefined. */
async function codeIndexContext(
  ctx: CliContext,
  loader: TreeSitterLoader,
): Promise<TaskContextSource | undefined> {
  if (!ctx.config.database.url && !existsSync(path.join(ctx.dataDir, "pg"))) return undefined;
  const store = await ctx.store();
  const { rows } = await store.query<{ n: number }>("SELECT count(*)::int AS n FROM code_files");
  if ((rows[0]?.n ?? 0) === 0) return undefined;
  let chunks: Awaited<ReturnType<typeof openCodeChunks>>["table"] | undefined;
  try {
    chunks = (await openCodeChunks(await ctx.searchIndex(), undefined, ctx.logger, { rebuild: false })).table;
  } catch (error) {
    if (!(error instanceof ConflictError)) throw error;
    ctx.logger.warn({ err: error }, "similar snippets from BM25 are skipped (the code index has vectors)");
  }
  return indexContextSource({
    store,
    chunks,
    loader,
    counter: await loadCl100kCounter(),
    logger: ctx.logger,
  });
}

function parseDate(value: string): Date {
  const date = new Date(value);
  if (!/^\d{4}-\d{2}-\d{2}/.test(value) || Number.isNaN(date.getTime()))
    throw new InputError(`--after ${value}: expected a date like 2026-06-30 (ISO 8601)`);
  return date;
}

function integer(flag: string, value: string): number {
  const n = Number(value);
  if (!/^-?\d+$/.test(value.trim()) || !Number.isSafeInteger(n))
    throw new InputError(`${flag} ${value}: expected a whole number`);
  return n;
}
