import { writeFileSync } from "node:fs";
import path from "node:path";
import { type FakeOpenAI, startFakeOpenAI } from "@uplift/test-support";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tempDir } from "../cli/run-cli.js";
import { runCliAsync } from "./run-cli-async.js";

let fake: FakeOpenAI;
let work: string;
let env: Record<string, string>;
const uplift = async (...args: string[]) => {
  const result = await runCliAsync(["--data-dir", path.join(work, "data"), ...args, "--json"], {
    cwd: work,
    env,
  });
  expect(result.status, result.stderr).toBe(0);
  return JSON.parse(result.stdout);
};

beforeAll(async () => {
  fake = await startFakeOpenAI();
  work = tempDir("uplift-kb-models-");
  env = {
    UPLIFT_EMBEDDER_BASE_URL: fake.url,
    UPLIFT_EMBEDDER_MODEL: "fake-embedding",
    UPLIFT_LLM_BASE_URL: fake.url,
    UPLIFT_LLM_MODEL: "fake-model",
  };
  writeFileSync(
    path.join(work, "docs.jsonl"),
    [
      {
        id: "deploy",
        title: "Deploying",
        text: "Watch the canary for ten minutes before promoting.",
        url: "https://wiki.example/deploy",
      },
      {
        id: "oncall",
        title: "On-call",
        text: "Page the secondary after fifteen minutes.",
        url: "https://wiki.example/oncall",
      },
    ]
      .map((row) => JSON.stringify(row))
      .join("\n"),
  );
  await uplift("kb", "source", "add", "wiki", "--type", "jsonl", "--path", "docs.jsonl");
});
afterAll(async () => {
  await fake?.close();
});

describe("uplift kb with an embedder and an LLM configured", () => {
  it("embeds at sync and searches hybrid (BM25 + vector, RRF)", async () => {
    const sync = await uplift("kb", "sync");
    expect(sync).toMatchObject({ embedder: "openai:fake-embedding", retrieval: "hybrid" });
    expect(sync.note).toBeUndefined();
    const search = await uplift("kb", "search", "canary promoting");
    expect(search).toMatchObject({ retrieval: "hybrid" });
    expect(search.note).toBeUndefined();
    expect(search.results[0].doc_id).toBe("deploy");
  });

  it("answers through the LLM with checked, renumbered citations", async () => {
    fake.script({
      path: "/v1/chat/completions",
      text: "Watch the canary for ten minutes [2]. Page the secondary after fifteen minutes [1].",
    });
    const answer = await uplift(
      "kb",
      "ask",
      "When do I page the secondary, and how long is the canary watched?",
    );
    expect(answer.generator).toBe("openai:fake-model");
    const prompt = JSON.stringify(fake.requests.findLast((r) => r.path === "/v1/chat/completions")?.body);
    // the passages as the model saw them: [1] oncall, [2] deploy
    expect(prompt.indexOf("[1] On-call")).toBeGreaterThan(0);
    expect(prompt.indexOf("[2] Deploying")).toBeGreaterThan(0);
    // renumbered in order of first use: citation n names the document its sentence came from
    expect(answer.citations.map((c: { n: number; doc_id: string }) => [c.n, c.doc_id])).toEqual([
      [1, "deploy"],
      [2, "oncall"],
    ]);
    expect(answer.answer).toBe(
      "Watch the canary for ten minutes [1]. Page the secondary after fifteen minutes [2].",
    );
    expect(answer.grounded).toBe(true);
    expect(typeof answer.answer_id).toBe("string");
  });
});
