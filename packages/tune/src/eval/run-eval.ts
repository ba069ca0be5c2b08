import { type LlmProvider, type Logger, UnavailableError, UpliftError } from "@uplift/core";
import type { EvalTask, TaskKind } from "../tasks/eval-task.js";
import { editSimilarity, exactMatch, identifierF1, identifierMatch } from "./completion-metrics.js";
import { ResultsAppender, readDoneResults } from "./results-file.js";
import { DEFAULT_TEST_TIMEOUT_MS, runTaskTest } from "./run-task-test.js";
import { chatMessagesFor, completionRequestFor, extractCompletion, type PromptPlan } from "./task-prompt.js";
import type { TaskResult } from "./task-result.js";

export interface RunEvalOptions {
  tasks: readonly EvalTask[];
  provider: LlmProvider;
  /** Where the model is: the endpoint URL or the GGUF file (reported, not used). */
  endpoint: string;
  plan: PromptPlan;
  /** Tasks in flight at once (default 4). */
  concurrency?: number;
  /** JSONL of finished tasks; tasks already in it are not asked again. */
  resultsFile?: string | undefined;
  testTimeoutMs?: number;
  logger: Logger;
  onProgress?: (done: number, total: number) => void;
}

/** Means over a set of task results. */
export interface EvalScores {
  n: number;
  exact_match: number;
  edit_similarity: number;
  identifier_match: number;
  identifier_f1: number;
  /** Share of tasks with a test whose test passed; null when no task has a test. */
  "pass@1": number | null;
  n_with_test: number;
}

/** What `uplift tune eval --json` prints (and `tune compare` / `model promote` read). */
export interface EvalReport extends EvalScores {
  model: string;
  endpoint: string;
  mode: PromptPlan["mode"];
  fim_model: string | null;
  by_kind: Partial<Record<TaskKind, EvalScores>>;
  /** Tasks taken from the results file instead of asking the model again. */
  resumed: number;
  tasks: TaskResult[];
}

/**
 * Runs every task through a model and scores the answers (exact match, edit similarity,
 * identifier match/F1, pass@1 for tasks with a test). Requests go through core's provider,
 * whose HTTP layer times out, retries 429/5xx with backoff (honouring Retry-After) and maps
 * errors. A task that still fails stops the run with an UnavailableError naming the task;
 * finished tasks are in the results file, so a rerun resumes where it stopped.
 */
export async function runEval(options: RunEvalOptions): Promise<EvalReport> {
  const model = options.provider.id;
  const done = options.resultsFile
    ? await readDoneResults(options.resultsFile, model, options.logger)
    : new Map<string, TaskResult>();
  const appender = options.resultsFile ? new ResultsAppender(options.resultsFile) : undefined;
  const results = new Map<string, TaskResult>();
  let resumed = 0;
  for (const task of options.tasks) {
    const old = done.get(task.id);
    if (old) {
      results.set(task.id, old);
      resumed++;
    }
  }
  const pending = options.tasks.filter((t) => !results.has(t.id));
  const concurrency = Math.max(1, options.concurrency ?? 4);
  let next = 0;
  let failure: { task: EvalTask; error: unknown } | undefined;
  const worker = async () => {
    while (!failure && next < pending.length) {
      const task = pending[next++] as EvalTask;
      try {
        const result = await runTask(task, options);
        results.set(task.id, result);
        await appender?.append(result);
        options.onProgress?.(results.size, options.tasks.length);
      } catch (error) {
        failure ??= { task, error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, pending.length) }, worker));
  if (failure) {
    const reason = failure.error instanceof Error ? failure.error.message : String(failure.error);
    const kept = options.resultsFile
      ? `; ${results.size} finished tasks are in ${options.resultsFile}: run again to resume`
      : "; give --results FILE to keep finished tasks across runs";
    throw new UnavailableError(
      `model ${model} at ${options.endpoint} failed on task ${failure.task.id}: ${reason}${kept}`,
      {
        cause: failure.error,
        ...(failure.error instanceof UpliftError && failure.error.hint ? { hint: failure.error.hint } : {}),
      },
    );
  }
  const ordered = options.tasks.map((t) => results.get(t.id) as TaskResult);
  const byKind: Partial<Record<TaskKind, EvalScores>> = {};
  for (const kind of new Set(ordered.map((r) => r.kind))) {
    byKind[kind] = scoresOf(ordered.filter((r) => r.kind === kind));
  }
  return {
    ...scoresOf(ordered),
    model,
    endpoint: options.endpoint,
    mode: options.plan.mode,
    fim_model: options.plan.mode === "fim" ? (options.plan.fim ?? null) : null,
    by_kind: byKind,
    resumed,
    tasks: ordered,
  };
}

async function runTask(task: EvalTask, options: RunEvalOptions): Promise<TaskResult> {
  const started = performance.now();
  const { provider, plan } = options;
  const generation =
    plan.mode === "chat"
      ? await provider.chat({
          messages: chatMessagesFor(task),
          maxTokens: plan.maxTokens ?? 512,
          temperature: 0,
        })
      : await provider.complete(completionRequestFor(task, plan));
  const latency = performance.now() - started;
  const completion = extractCompletion(task, generation.text, plan.mode);
  const test = task.test
    ? await runTaskTest(
        task.test,
        task.prefix + completion + (task.suffix ?? ""),
        options.testTimeoutMs ?? DEFAULT_TEST_TIMEOUT_MS,
      )
    : undefined;
  return {
    id: task.id,
    kind: task.kind,
    repo: task.repo,
    path: task.path,
    model: provider.id,
    completion,
    exact_match: exactMatch(completion, task.expected),
    edit_similarity: round(editSimilarity(completion, task.expected)),
    identifier_match: identifierMatch(completion, task.expected),
    identifier_f1: round(identifierF1(completion, task.expected)),
    passed: test ? test.passed : null,
    ...(test && { test: { exit_code: test.exit_code, timed_out: test.timed_out, output: test.output } }),
    latency_ms: Math.round(latency),
  };
}

/** Means of the per-task metrics. */
export function scoresOf(results: readonly TaskResult[]): EvalScores {
  const mean = (values: number[]) =>
    values.length === 0 ? 0 : round(values.reduce((a, b) => a + b, 0) / values.length);
  const tested = results.filter((r) => r.passed !== null);
  return {
    n: results.length,
    exact_match: mean(results.map((r) => r.exact_match)),
    edit_similarity: mean(results.map((r) => r.edit_similarity)),
    identifier_match: mean(results.map((r) => r.identifier_match)),
    identifier_f1: mean(results.map((r) => r.identifier_f1)),
    "pass@1": tested.length === 0 ? null : mean(tested.map((r) => (r.passed ? 1 : 0))),
    n_with_test: tested.length,
  };
}

function round(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}
