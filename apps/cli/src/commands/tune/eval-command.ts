import path from "node:path";
import { FIM_MODELS, type FimModel } from "@uplift/code";
import {
  checkGgufFile,
  InputError,
  LlamaCppProvider,
  type LlmProvider,
  type Logger,
  OpenAiLlmProvider,
} from "@uplift/core";
import {
  type EvalMode,
  type EvalReport,
  fimFamilyOf,
  type PromptPlan,
  readTasksFile,
  runEval,
} from "@uplift/tune";
import { withContext } from "../../context.js";
import type { GlobalOptions } from "../../options.js";
import { positiveInteger } from "../code/parse-flags.js";

interface EvalOptions {
  endpoint?: string;
  model?: string;
  gguf?: string;
  tasks: string;
  mode?: string;
  fim?: string;
  concurrency: string;
  retries: string;
  timeout: string;
  testTimeout: string;
  maxTokens?: string;
  results?: string;
  apiKeyEnv?: string;
}

/** `uplift tune eval`: runs a model on evaluation tasks and scores it (docs/tune.md). */
export async function tuneEvalCommand(global: GlobalOptions, options: EvalOptions) {
  if (Boolean(options.endpoint) === Boolean(options.gguf))
    throw new InputError("give either --endpoint URL (with --model NAME) or --gguf PATH");
  if (options.endpoint && !options.model) throw new InputError("--model NAME is required with --endpoint");
  const concurrency = positiveInteger("--concurrency", options.concurrency, 256);
  const retries = nonNegative("--retries", options.retries);
  const timeoutMs = positiveInteger("--timeout", options.timeout, 3_600_000);
  const testTimeoutMs = positiveInteger("--test-timeout", options.testTimeout, 3_600_000);
  const maxTokens =
    options.maxTokens === undefined ? undefined : positiveInteger("--max-tokens", options.maxTokens, 100_000);
  const tasks = await readTasksFile(options.tasks);
  if (options.gguf) checkGgufFile(options.gguf);
  await withContext(global, async (ctx) => {
    const provider = openProvider(options, { timeoutMs, retries, logger: ctx.logger });
    try {
      const plan = promptPlan(options, provider.id, maxTokens);
      ctx.logger.info(
        { model: provider.id, tasks: tasks.length, mode: plan.mode, fim: plan.fim },
        "evaluating",
      );
      const report = await runEval({
        tasks,
        provider,
        // the base URL as used (with /v1): the registry's routes call it again
        endpoint: options.endpoint ? baseUrlOf(options.endpoint) : path.resolve(options.gguf ?? ""),
        plan,
        concurrency: provider.kind === "llama-cpp" ? 1 : concurrency,
        resultsFile: options.results,
        testTimeoutMs,
        logger: ctx.logger,
      });
      ctx.print(report, renderText);
    } finally {
      await provider.close();
    }
  });
}

function openProvider(
  options: EvalOptions,
  settings: { timeoutMs: number; retries: number; logger: Logger },
): LlmProvider {
  if (options.gguf) {
    return new LlamaCppProvider({
      modelPath: options.gguf,
      gpu: "auto",
      logger: settings.logger.child({ llm: "llama-cpp" }),
    });
  }
  const apiKey = options.apiKeyEnv ? process.env[options.apiKeyEnv] : undefined;
  if (options.apiKeyEnv && !apiKey)
    throw new InputError(`--api-key-env ${options.apiKeyEnv}: the variable is not set`);
  return new OpenAiLlmProvider({
    baseUrl: baseUrlOf(options.endpoint ?? ""),
    model: options.model ?? "",
    ...(apiKey && { apiKey }),
    ...(options.apiKeyEnv && { apiKeyEnv: options.apiKeyEnv }),
    timeoutMs: settings.timeoutMs,
    retry: { maxRetries: settings.retries },
    logger: settings.logger.child({ llm: "openai" }),
  });
}

/** `--endpoint` as an OpenAI base URL: `/v1` is added to a bare origin (`http://host:8000`). */
function baseUrlOf(endpoint: string): string {
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    throw new InputError(`--endpoint ${endpoint}: not a URL (e.g. http://127.0.0.1:8000/v1)`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:")
    throw new InputError(`--endpoint ${endpoint}: expected an http(s) URL`);
  const trimmed = endpoint.replace(/\/+$/, "");
  return url.pathname === "/" || url.pathname === "" ? `${trimmed}/v1` : trimmed;
}

function promptPlan(options: EvalOptions, model: string, maxTokens: number | undefined): PromptPlan {
  const fim =
    options.fim === undefined || options.fim === "auto" ? fimFamilyOf(model) : fimOption(options.fim);
  const mode = (options.mode ?? (fim ? "fim" : "completion")) as EvalMode;
  if (!["fim", "completion", "chat"].includes(mode))
    throw new InputError(`--mode ${options.mode}: expected fim, completion or chat`);
  if (mode === "fim" && !fim)
    throw new InputError(`--mode fim: the FIM format of ${model} is unknown`, {
      hint: `name it with --fim ${FIM_MODELS.join("|")}, or use --mode completion`,
    });
  return { mode, ...(mode === "fim" && { fim }), maxTokens };
}

function fimOption(value: string): FimModel | undefined {
  if (value === "none") return undefined;
  if (!(FIM_MODELS as readonly string[]).includes(value))
    throw new InputError(`--fim ${value}: expected auto, none or one of ${FIM_MODELS.join(", ")}`);
  return value as FimModel;
}

function nonNegative(flag: string, value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || n > 20)
    throw new InputError(`${flag} ${value}: expected a whole number from 0 to 20`);
  return n;
}

function renderText(report: EvalReport): string {
  const f = (v: number | null) => (v === null ? "—" : v.toFixed(4));
  const lines = [
    `${report.model} on ${report.n} tasks (${report.mode}${report.fim_model ? ` ${report.fim_model}` : ""}${report.resumed ? `; ${report.resumed} from the results file` : ""})`,
    `  exact_match       ${f(report.exact_match)}`,
    `  edit_similarity   ${f(report.edit_similarity)}`,
    `  identifier_match  ${f(report.identifier_match)}`,
    `  identifier_f1     ${f(report.identifier_f1)}`,
    `  pass@1            ${f(report["pass@1"])} (${report.n_with_test} tasks with a test)`,
  ];
  for (const [kind, s] of Object.entries(report.by_kind))
    lines.push(`  ${kind.padEnd(18)} n ${s.n}  EM ${f(s.exact_match)}  ES ${f(s.edit_similarity)}`);
  return lines.join("\n");
}
