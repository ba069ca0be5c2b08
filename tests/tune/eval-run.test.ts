import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { LlamaCppProvider, OpenAiLlmProvider, silentLogger, UnavailableError } from "@uplift/core";
import { type FakeOpenAI, startFakeOpenAI, writeTinyGguf } from "@uplift/test-support";
import { type EvalTask, runEval } from "@uplift/tune";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tempDir } from "../cli/run-cli.js";

const task = (id: string, expected: string, extra: Partial<EvalTask> = {}): EvalTask => ({
  id,
  kind: "next_line",
  repo: "shop",
  path: "src/receipt.ts",
  language: "typescript",
  prompt: "",
  prefix: "export function total(lines: Line[]): number {\n  ",
  suffix: "\n}\n",
  expected,
  ...extra,
});

const TASKS: EvalTask[] = [
  task("t1", "let sum = 0;"),
  task("t2", "return formatAmount(cents);"),
  task("t3", "const label = line.label;"),
  task("add", "return a + b;", {
    kind: "function_body",
    path: "sum.mjs",
    language: "javascript",
    prefix: "export function add(a, b) {\n",
    suffix: "\n}\n",
    expected: "  return a + b;",
    test: {
      path: "sum.mjs",
      command: [process.execPath, "check.mjs"],
      files: { "check.mjs": "import { add } from './sum.mjs';\nif (add(2, 3) !== 5) process.exit(1);\n" },
    },
  }),
];

let fake: FakeOpenAI;
let dir: string;
const provider = (model = "codellama-7b", timeoutMs = 5000) =>
  new OpenAiLlmProvider({
    baseUrl: fake.url,
    model,
    timeoutMs,
    retry: { maxRetries: 1, baseDelayMs: 1 },
    logger: silentLogger(),
  });

beforeAll(async () => {
  fake = await startFakeOpenAI({ models: ["codellama-7b", "plain-model"] });
  dir = tempDir("uplift-tune-eval-");
});
afterAll(async () => {
  await fake?.close();
});

describe("tune eval through an OpenAI-compatible endpoint", () => {
  it("scores exact match, edit similarity, identifier match and pass@1 from FIM completions", async () => {
    fake.requests.length = 0;
    fake.script(
      { path: "/v1/completions", text: "let sum = 0;\n  for (const x of lines) sum += x;" },
      { path: "/v1/completions", text: "return formatAmount(total);" },
      { path: "/v1/completions", text: "" },
      { path: "/v1/completions", text: "  return a + b;\n}\n\nexport function sub(a, b) {" },
    );
    const report = await runEval({
      tasks: TASKS,
      provider: provider(),
      endpoint: fake.url,
      plan: { mode: "fim", fim: "codellama" },
      concurrency: 1,
      logger: silentLogger(),
    });
    const body = fake.requests[0]?.body as { prompt: string; stop: string[]; temperature: number };
    expect(body.prompt).toBe("<PRE> export function total(lines: Line[]): number {\n   <SUF>\n}\n <MID>");
    expect(body.stop).toEqual(["<EOT>"]);
    expect(body.temperature).toBe(0);
    expect(
      report.tasks.map((t) => [t.id, t.completion, t.exact_match, t.identifier_match, t.passed]),
    ).toEqual([
      ["t1", "let sum = 0;", 1, 1, null],
      ["t2", "return formatAmount(total);", 0, 0, null],
      ["t3", "", 0, 0, null],
      ["add", "  return a + b;", 1, 1, true],
    ]);
    // "return formatAmount(total);" vs "return formatAmount(cents);": 5 edits over 27 characters
    expect(report.tasks[1]?.edit_similarity).toBeCloseTo(1 - 5 / 27, 6);
    expect(report.tasks[1]?.identifier_f1).toBeCloseTo(2 / 3, 6);
    expect(report).toMatchObject({
      n: 4,
      exact_match: 0.5,
      identifier_match: 0.5,
      "pass@1": 1,
      n_with_test: 1,
      model: "codellama-7b",
    });
    expect(report.edit_similarity).toBeCloseTo((1 + (1 - 5 / 27) + 0 + 1) / 4, 5);
    expect(report.by_kind.function_body).toMatchObject({ n: 1, "pass@1": 1 });
  });

  it("fails a wrong body's test, and sends prefix and suffix as they are without a FIM format", async () => {
    fake.requests.length = 0;
    fake.script({ path: "/v1/completions", text: "  return a - b;\n}" });
    const report = await runEval({
      tasks: TASKS.slice(3),
      provider: provider("plain-model"),
      endpoint: fake.url,
      plan: { mode: "completion" },
      logger: silentLogger(),
    });
    expect(fake.requests[0]?.body).toMatchObject({
      prompt: "export function add(a, b) {\n",
      suffix: "\n}\n",
    });
    expect(report.tasks[0]).toMatchObject({ completion: "  return a - b;", passed: false, exact_match: 0 });
    expect(report.tasks[0]?.test?.exit_code).toBe(1);
    expect(report["pass@1"]).toBe(0);
  });

  it("stops on an endpoint that keeps failing, keeps finished tasks, and resumes from the results file", async () => {
    const results = path.join(dir, "results.jsonl");
    fake.requests.length = 0;
    fake.script(
      { path: "/v1/completions", text: "let sum = 0;" },
      { path: "/v1/completions", status: 503 },
      { path: "/v1/completions", status: 503 },
    );
    const failed = await runEval({
      tasks: TASKS.slice(0, 3),
      provider: provider(),
      endpoint: fake.url,
      plan: { mode: "fim", fim: "codellama" },
      concurrency: 1,
      resultsFile: results,
      logger: silentLogger(),
    }).catch((error) => error);
    expect(failed).toBeInstanceOf(UnavailableError);
    expect(failed.message).toMatch(/model codellama-7b at .* failed on task t2: .*503/);
    expect(failed.message).toMatch(/1 finished tasks are in .*results\.jsonl: run again to resume/);
    expect(fake.requests).toHaveLength(3); // t1, then t2 and its one retry
    expect(readFileSync(results, "utf8").trim().split("\n")).toHaveLength(1);

    fake.requests.length = 0;
    fake.script(
      { path: "/v1/completions", text: "return formatAmount(cents);" },
      { path: "/v1/completions", text: "x" },
    );
    const resumed = await runEval({
      tasks: TASKS.slice(0, 3),
      provider: provider(),
      endpoint: fake.url,
      plan: { mode: "fim", fim: "codellama" },
      concurrency: 1,
      resultsFile: results,
      logger: silentLogger(),
    });
    expect(fake.requests).toHaveLength(2);
    expect(resumed).toMatchObject({ n: 3, resumed: 1, exact_match: 0.666667 });
    expect(readFileSync(results, "utf8").trim().split("\n")).toHaveLength(3);

    const other = await runEval({
      tasks: TASKS.slice(0, 1),
      provider: provider("plain-model"),
      endpoint: fake.url,
      plan: { mode: "completion" },
      resultsFile: results,
      logger: silentLogger(),
    }).catch((error) => error);
    expect(other.message).toMatch(/results\.jsonl:1: holds results of model codellama-7b, not plain-model/);
  });

  it("ignores a torn last line of the results file and redoes that task", async () => {
    const results = path.join(dir, "torn.jsonl");
    writeFileSync(results, '{"id":"t1","kind":"next_line"');
    fake.requests.length = 0;
    fake.script({ path: "/v1/completions", text: "let sum = 0;" });
    const report = await runEval({
      tasks: TASKS.slice(0, 1),
      provider: provider(),
      endpoint: fake.url,
      plan: { mode: "fim", fim: "codellama" },
      resultsFile: results,
      logger: silentLogger(),
    });
    expect(report).toMatchObject({ n: 1, resumed: 0, exact_match: 1 });
    const lines = readFileSync(results, "utf8").split("\n").filter(Boolean);
    expect(JSON.parse(lines.at(-1) ?? "")).toMatchObject({ id: "t1", exact_match: 1 });
  });

  it("names the task when the endpoint times out", async () => {
    fake.script({ path: "/v1/completions", delayMs: 2000 }, { path: "/v1/completions", delayMs: 2000 });
    const error = await runEval({
      tasks: TASKS.slice(0, 1),
      provider: provider("codellama-7b", 200),
      endpoint: fake.url,
      plan: { mode: "fim", fim: "codellama" },
      logger: silentLogger(),
    }).catch((e) => e);
    expect(error).toBeInstanceOf(UnavailableError);
    expect(error.message).toMatch(/failed on task t1: .*no answer from the model endpoint within 200 ms/);
  });

  it("asks a chat model for the missing code and takes its fenced block", async () => {
    fake.requests.length = 0;
    fake.script({ path: "/v1/chat/completions", text: "Here it is:\n```ts\nlet sum = 0;\n```" });
    const report = await runEval({
      tasks: TASKS.slice(0, 1),
      provider: provider("plain-model"),
      endpoint: fake.url,
      plan: { mode: "chat" },
      logger: silentLogger(),
    });
    expect(fake.requests[0]?.path).toBe("/v1/chat/completions");
    expect(report.tasks[0]).toMatchObject({ completion: "let sum = 0;", exact_match: 1 });
  });
});

describe("tune eval through node-llama-cpp on a tiny generated GGUF model", () => {
  it("runs every task, deterministically", async () => {
    const file = path.join(dir, "tiny.gguf");
    writeTinyGguf(file);
    const run = async () => {
      const llm = new LlamaCppProvider({ modelPath: file, threads: 1, gpu: false, logger: silentLogger() });
      try {
        return await runEval({
          tasks: TASKS.slice(0, 3),
          provider: llm,
          endpoint: file,
          plan: { mode: "completion", maxTokens: 8 },
          concurrency: 1,
          logger: silentLogger(),
        });
      } finally {
        await llm.close();
      }
    };
    const first = await run();
    const second = await run();
    expect(first.model).toBe("tiny.gguf");
    expect(first.n).toBe(3);
    expect(second.tasks.map((t) => t.completion)).toEqual(first.tasks.map((t) => t.completion));
    for (const t of first.tasks) {
      expect(t.edit_similarity).toBeGreaterThanOrEqual(0);
      expect(t.edit_similarity).toBeLessThanOrEqual(1);
    }
  });
});
