/**
 * `tune tasks` + `tune eval` + `tune compare` end to end on real code: tasks from four of this
 * repository's packages taken as held-out repositories (fixed seed), run through the fake
 * OpenAI-compatible server (test-support; answers at once) and through node-llama-cpp on a tiny
 * generated GGUF model (writeTinyGguf; gibberish, 1 thread), then compared with the paired bootstrap.
 *
 *   npx tsc -b && node bench/tune-eval.ts [--limit 400] [--gguf-tasks 40]
 *
 * Prints the task mix, tasks per second at concurrency 1 and 8, and the metrics of each run.
 * The fake's "tuned" run answers the expected text for every other task, so the paired CI has
 * a known centre (half of 1 − base score on those tasks).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { TreeSitterLoader } from "@uplift/code";
import { LlamaCppProvider, OpenAiLlmProvider, silentLogger } from "@uplift/core";
import { startFakeOpenAI, writeTinyGguf } from "@uplift/test-support";
import { buildEvalTasks, compareEvals, type EvalReport, runEval } from "@uplift/tune";

const { values } = parseArgs({
  options: { limit: { type: "string", default: "400" }, "gguf-tasks": { type: "string", default: "40" } },
});
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const logger = silentLogger();
const repos = ["code", "kb", "stats", "core"].map((p) => path.join(root, "packages", p));

let started = performance.now();
const { tasks, summary } = await buildEvalTasks({
  repos: [],
  holdoutRepos: repos,
  seed: 1,
  limit: Number(values.limit),
  loader: new TreeSitterLoader(),
  logger,
});
console.log(
  `tasks: ${summary.n} from ${summary.files_parsed} parsed files in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  summary.by_kind,
);

const fake = await startFakeOpenAI({ models: ["codellama-13b", "codellama-13b-acme"] });
const dir = mkdtempSync(path.join(tmpdir(), "uplift-bench-tune-eval-"));
try {
  const provider = (model: string) =>
    new OpenAiLlmProvider({ baseUrl: fake.url, model, timeoutMs: 30_000, logger });
  const line = (label: string, r: EvalReport, seconds: number) =>
    console.log(
      `${label.padEnd(34)} n ${r.n}  ${(r.n / seconds).toFixed(0).padStart(5)} tasks/s  EM ${r.exact_match.toFixed(4)}  ES ${r.edit_similarity.toFixed(4)}  ID ${r.identifier_match.toFixed(4)}`,
    );
  let base: EvalReport | undefined;
  for (const concurrency of [1, 8]) {
    started = performance.now();
    base = await runEval({
      tasks,
      provider: provider("codellama-13b"),
      endpoint: fake.url,
      plan: { mode: "fim", fim: "codellama" },
      concurrency,
      resultsFile: path.join(dir, `base-${concurrency}.jsonl`),
      logger,
    });
    line(`fake, codellama FIM, concurrency ${concurrency}`, base, (performance.now() - started) / 1000);
  }
  started = performance.now();
  const resumed = await runEval({
    tasks,
    provider: provider("codellama-13b"),
    endpoint: fake.url,
    plan: { mode: "fim", fim: "codellama" },
    resultsFile: path.join(dir, "base-8.jsonl"),
    logger,
  });
  console.log(
    `resume of a finished results file: ${resumed.resumed} tasks in ${(performance.now() - started).toFixed(0)} ms`,
  );

  fake.script(
    ...tasks.map((t, i) => ({ path: "/v1/completions", ...(i % 2 === 0 ? { text: t.expected } : {}) })),
  );
  started = performance.now();
  const tuned = await runEval({
    tasks,
    provider: provider("codellama-13b-acme"),
    endpoint: fake.url,
    plan: { mode: "fim", fim: "codellama" },
    concurrency: 1,
    logger,
  });
  line("fake, 'tuned' (every other exact)", tuned, (performance.now() - started) / 1000);
  started = performance.now();
  const comparison = compareEvals(
    { file: "base", model: "codellama-13b", endpoint: "", tasks: (base as EvalReport).tasks },
    { file: "tuned", model: "codellama-13b-acme", endpoint: "", tasks: tuned.tasks },
  );
  const es = comparison.metrics.edit_similarity;
  const em = comparison.metrics.exact_match;
  console.log(
    `compare (2,000 resamples, ${comparison.n_paired} pairs) in ${(performance.now() - started).toFixed(0)} ms: ES ${es.difference?.toFixed(4)} [${es.ci?.map((v) => v.toFixed(4)).join(", ")}], EM ${em.difference?.toFixed(4)} [${em.ci?.map((v) => v.toFixed(4)).join(", ")}]`,
  );

  const gguf = path.join(dir, "tiny.gguf");
  writeTinyGguf(gguf);
  const llm = new LlamaCppProvider({ modelPath: gguf, threads: 1, gpu: false, logger });
  try {
    started = performance.now();
    const local = await runEval({
      tasks: tasks.slice(0, Number(values["gguf-tasks"])),
      provider: llm,
      endpoint: gguf,
      plan: { mode: "completion", maxTokens: 16 },
      concurrency: 1,
      logger,
    });
    line("node-llama-cpp, tiny GGUF, 16 tokens", local, (performance.now() - started) / 1000);
  } finally {
    await llm.close();
  }
} finally {
  await fake.close();
  rmSync(dir, { recursive: true, force: true });
}
