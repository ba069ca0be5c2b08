import { spawn } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { openStore, silentLogger } from "@uplift/core";
import { type FakeOpenAI, startFakeOpenAI, writeTinyGguf } from "@uplift/test-support";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT, runCli, tempDir } from "../cli/run-cli.js";
import { writeEvalOrg } from "./eval-fixture.js";

interface Task {
  id: string;
  kind: string;
  expected: string;
  context?: { repo: string; path: string; text: string }[];
}

let work: string;
let dataDir: string;
let org: { money: string; shop: string };
let fake: FakeOpenAI;
const BASE = "codellama-7b";
const TUNED = "codellama-7b-acme";

function uplift(...args: string[]) {
  const result = runCli(["--data-dir", dataDir, ...args], { cwd: work });
  return { ...result, json: () => JSON.parse(result.stdout) };
}

/**
 * `uplift` without blocking this process: the fake endpoint runs in it, so a synchronous spawn
 * would keep it from answering the CLI's requests.
 */
async function upliftAsync(...args: string[]) {
  const child = spawn(
    process.execPath,
    [path.join(ROOT, "apps/cli/bin/uplift.js"), "--data-dir", dataDir, ...args],
    {
      cwd: work,
      env: { ...process.env, UPLIFT_LOG_LEVEL: "warn" },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  child.stderr.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const status = await new Promise<number | null>((resolve) => child.on("close", resolve));
  return { status, stdout, stderr, json: () => JSON.parse(stdout) };
}

beforeAll(async () => {
  work = tempDir("uplift-tune-cli-");
  dataDir = path.join(work, "data");
  org = writeEvalOrg(work);
  fake = await startFakeOpenAI({ models: [BASE, TUNED] });
});
afterAll(async () => {
  await fake?.close();
});

describe("uplift tune tasks | eval | compare, model promote | list | route", { timeout: 300_000 }, () => {
  it("builds tasks, without code context until the org is indexed", () => {
    const plain = uplift(
      "tune",
      "tasks",
      "--repo",
      org.money,
      "--repo",
      org.shop,
      "--after",
      "2026-01-01",
      "--out",
      "plain.jsonl",
      "--json",
    );
    expect(plain.status, plain.stderr).toBe(0);
    expect(plain.json()).toMatchObject({
      context: expect.stringMatching(/^none/),
      by_kind: { next_line_context: 0 },
    });

    const indexed = uplift("code", "index", "--path", org.money, "--path", org.shop, "--json");
    expect(indexed.status, indexed.stderr).toBe(0);
    const built = uplift(
      "tune",
      "tasks",
      "--repo",
      org.money,
      "--repo",
      org.shop,
      "--after",
      "2026-01-01",
      "--out",
      "tasks.jsonl",
      "--json",
    );
    expect(built.status, built.stderr).toBe(0);
    const summary = built.json();
    expect(summary.by_kind.next_line_context).toBeGreaterThan(0);
    const tasks = readTasks();
    expect(tasks).toHaveLength(summary.n);
    const withContext = tasks.filter((t) => t.kind === "next_line_context");
    for (const t of withContext) expect(t.context?.every((s) => s.path !== "src/receipt.ts")).toBe(true);
    expect(
      withContext.some((t) => t.context?.some((s) => s.repo === "money" && s.text.includes("formatAmount"))),
    ).toBe(true);
    // the same seed gives the same file
    const again = uplift(
      "tune",
      "tasks",
      "--repo",
      org.money,
      "--repo",
      org.shop,
      "--after",
      "2026-01-01",
      "--out",
      "again.jsonl",
    );
    expect(again.status, again.stderr).toBe(0);
    expect(readFileSync(path.join(work, "again.jsonl"), "utf8")).toBe(
      readFileSync(path.join(work, "tasks.jsonl"), "utf8"),
    );
  });

  it("evaluates two models, compares them, and promotes only the one that passes the gate", async () => {
    const tasks = readTasks();
    const base = await upliftAsync(
      "tune",
      "eval",
      "--endpoint",
      fake.url,
      "--model",
      BASE,
      "--tasks",
      "tasks.jsonl",
      "--concurrency",
      "1",
      "--results",
      "base.jsonl",
      "--json",
    );
    expect(base.status, base.stderr).toBe(0);
    writeFileSync(path.join(work, "base.json"), base.stdout);
    expect(base.json()).toMatchObject({ n: tasks.length, model: BASE, mode: "fim", fim_model: "codellama" });

    fake.script(...tasks.map((t) => ({ path: "/v1/completions", text: t.expected })));
    const tuned = await upliftAsync(
      "tune",
      "eval",
      "--endpoint",
      fake.url.replace(/\/v1$/, ""),
      "--model",
      TUNED,
      "--tasks",
      "tasks.jsonl",
      "--concurrency",
      "1",
      "--json",
    );
    expect(tuned.status, tuned.stderr).toBe(0);
    writeFileSync(path.join(work, "tuned.json"), tuned.stdout);
    expect(tuned.json()).toMatchObject({
      n: tasks.length,
      exact_match: 1,
      edit_similarity: 1,
      identifier_match: 1,
    });

    const compared = uplift("tune", "compare", "base.json", "tuned.json", "--json");
    expect(compared.status, compared.stderr).toBe(0);
    const comparison = compared.json();
    expect(comparison).toMatchObject({ n_paired: tasks.length, unmatched: { base_only: 0, tuned_only: 0 } });
    expect(comparison.metrics.edit_similarity.difference).toBeGreaterThan(0.3);
    expect(comparison.metrics.edit_similarity.ci[0]).toBeGreaterThan(0);

    const promoted = uplift(
      "model",
      "promote",
      "acme-coder",
      "--eval",
      "tuned.json",
      "--baseline",
      "base.json",
      "--json",
    );
    expect(promoted.status, promoted.stderr).toBe(0);
    expect(promoted.json()).toMatchObject({
      decision: "promoted",
      version: 1,
      model: TUNED,
      baseline_model: BASE,
    });

    const rejected = uplift(
      "model",
      "promote",
      "base-again",
      "--eval",
      "base.json",
      "--baseline",
      "tuned.json",
      "--json",
    );
    expect(rejected.status).toBe(1);
    expect(rejected.json()).toMatchObject({ decision: "rejected", version: null });
    expect(rejected.stderr).toMatch(
      /gate failed for base-again: nothing registered — edit_similarity not shown to improve/,
    );

    const listed = uplift("model", "list", "--json");
    expect(listed.status, listed.stderr).toBe(0);
    const registry = listed.json();
    expect(registry.models.map((m: { name: string; version: number }) => [m.name, m.version])).toEqual([
      ["acme-coder", 1],
    ]);
    expect(registry.decisions.map((d: { name: string; passed: boolean }) => [d.name, d.passed])).toEqual([
      ["base-again", false],
      ["acme-coder", true],
    ]);
  });

  it("resumes from the results file without asking the endpoint again", async () => {
    const before = fake.requests.length;
    const rerun = await upliftAsync(
      "tune",
      "eval",
      "--endpoint",
      fake.url,
      "--model",
      BASE,
      "--tasks",
      "tasks.jsonl",
      "--results",
      "base.jsonl",
      "--json",
    );
    expect(rerun.status, rerun.stderr).toBe(0);
    expect(fake.requests.length).toBe(before);
    expect(rerun.json().resumed).toBe(readTasks().length);
  });

  it("runs a local GGUF model through node-llama-cpp", async () => {
    const gguf = path.join(work, "tiny.gguf");
    writeTinyGguf(gguf);
    const local = await upliftAsync(
      "tune",
      "eval",
      "--gguf",
      gguf,
      "--tasks",
      "tasks.jsonl",
      "--max-tokens",
      "4",
      "--json",
    );
    expect(local.status, local.stderr).toBe(0);
    const report = local.json();
    expect(report).toMatchObject({
      n: readTasks().length,
      model: "tiny.gguf",
      mode: "completion",
      endpoint: gguf,
    });
    expect(
      report.tasks.every(
        (t: { edit_similarity: number }) => t.edit_similarity >= 0 && t.edit_similarity <= 1,
      ),
    ).toBe(true);
    const missing = await upliftAsync(
      "tune",
      "eval",
      "--gguf",
      path.join(work, "none.gguf"),
      "--tasks",
      "tasks.jsonl",
    );
    expect(missing.status).toBe(2);
  });

  it("refuses bad input with exit 2 and an unreachable endpoint with exit 1", async () => {
    writeFileSync(path.join(work, "bad.jsonl"), '{"id":"x"}\n');
    const bad = await upliftAsync(
      "tune",
      "eval",
      "--endpoint",
      fake.url,
      "--model",
      BASE,
      "--tasks",
      "bad.jsonl",
    );
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/bad\.jsonl:1: field kind/);
    const missing = uplift("tune", "tasks", "--repo", path.join(work, "nope"), "--out", "x.jsonl");
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/--repo .*nope: no such directory/);
    const down = await upliftAsync(
      "tune",
      "eval",
      "--endpoint",
      "http://127.0.0.1:9/v1",
      "--model",
      BASE,
      "--tasks",
      "tasks.jsonl",
      "--retries",
      "0",
      "--timeout",
      "2000",
    );
    expect(down.status).toBe(1);
    expect(down.stderr).toMatch(/model codellama-7b at http:\/\/127\.0\.0\.1:9\/v1 failed on task/);
    const unknown = uplift("model", "promote", "x", "--eval", "tuned.json", "--baseline", "nope.json");
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/--baseline nope\.json: no such file/);
  });

  it("routes an experiment arm's developers to the promoted model through the gateway, and records the arm", async () => {
    writeFileSync(
      path.join(work, "developers.csv"),
      "login,team\nann,a\nbob,a\ncat,b\ndan,b\neve,a\nfay,b\n",
    );
    const design = uplift(
      "experiment",
      "design",
      "--units",
      "developers.csv",
      "--seed",
      "3",
      "--out",
      "rollout.csv",
      "--json",
    );
    expect(design.status, design.stderr).toBe(0);
    const arms = new Map(
      readFileSync(path.join(work, "rollout.csv"), "utf8")
        .trim()
        .split("\n")
        .slice(1)
        .map((line) => line.split(",") as [string, string]),
    );
    const treated = [...arms].find(([, arm]) => arm === "treatment")?.[0] as string;
    const control = [...arms].find(([, arm]) => arm === "control")?.[0] as string;

    const badArm = uplift(
      "model",
      "route",
      "--experiment",
      "rollout",
      "--arm",
      "placebo",
      "--model",
      "acme-coder",
    );
    expect(badArm.status).toBe(2);
    const route = uplift(
      "model",
      "route",
      "--experiment",
      "rollout",
      "--arm",
      "treatment",
      "--model",
      "acme-coder",
      "--json",
    );
    expect(route.status, route.stderr).toBe(0);
    expect(route.json()).toMatchObject({
      experiment: "rollout",
      arm: "treatment",
      model_name: "acme-coder",
      developers: 3,
    });

    const tokens: Record<string, string> = {};
    for (const login of [treated, control]) {
      const created = uplift("token", "create", "--user", login, "--json");
      expect(created.status, created.stderr).toBe(0);
      tokens[login] = created.json().token;
    }
    const served = await serve({ UPLIFT_LLM_BASE_URL: fake.url, UPLIFT_LLM_MODEL: BASE });
    try {
      const complete = async (login: string) => {
        const response = await fetch(`${served.url}/v1/completions`, {
          method: "POST",
          headers: { authorization: `Bearer ${tokens[login]}`, "content-type": "application/json" },
          body: JSON.stringify({ model: "any", prompt: "const total = ", max_tokens: 8 }),
        });
        expect(response.status).toBe(200);
        return (await response.json()) as { model: string };
      };
      expect((await complete(treated)).model).toBe(TUNED);
      expect((await complete(control)).model).toBe(BASE);
      const models = await fetch(`${served.url}/api/models`, {
        headers: { authorization: `Bearer ${tokens[control]}` },
      });
      expect(models.status).toBe(200);
      const body = (await models.json()) as {
        routes: unknown[];
        models: { metrics: { metric: string; tuned: number }[] }[];
      };
      expect(body.routes).toEqual([
        expect.objectContaining({ experiment: "rollout", arm: "treatment", model_name: "acme-coder" }),
      ]);
      expect(body.models[0]?.metrics.find((m) => m.metric === "edit_similarity")?.tuned).toBe(1);
    } finally {
      await served.stop();
    }
    const store = await openStore({ dataDir, logger: silentLogger() });
    try {
      const { rows } = await store.query<{
        login: string;
        model: string;
        experiment: string | null;
        arm: string | null;
      }>("SELECT login, model, experiment, arm FROM gateway_events WHERE kind = 'completion' ORDER BY at");
      expect(rows).toEqual([
        { login: treated, model: TUNED, experiment: "rollout", arm: "treatment" },
        { login: control, model: BASE, experiment: null, arm: null },
      ]);
    } finally {
      await store.close();
    }
  });
});

function readTasks(): Task[] {
  return readFileSync(path.join(work, "tasks.jsonl"), "utf8")
    .trim()
    .split("\n")
    .map((line) => JSON.parse(line) as Task);
}

async function serve(env: Record<string, string>): Promise<{ url: string; stop(): Promise<void> }> {
  const child = spawn(
    process.execPath,
    [path.join(ROOT, "apps/cli/bin/uplift.js"), "serve", "--port", "0", "--data-dir", dataDir],
    {
      cwd: work,
      env: { ...process.env, UPLIFT_LOG_LEVEL: "warn", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let stderr = "";
  const url = await new Promise<string>((resolve, reject) => {
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
      const match = /serving on (http:\/\/\S+)/.exec(stderr);
      if (match?.[1]) resolve(match[1]);
    });
    child.on("exit", (code) => reject(new Error(`serve exited ${code}: ${stderr}`)));
  });
  const exited = new Promise<number | null>((resolve) => child.on("exit", resolve));
  return {
    url,
    stop: async () => {
      child.kill("SIGTERM");
      expect(await exited).toBe(0);
    },
  };
}
