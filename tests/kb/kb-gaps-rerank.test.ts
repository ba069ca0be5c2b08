import { writeFileSync } from "node:fs";
import path from "node:path";
import { type FakeReranker, startFakeReranker } from "@uplift/test-support";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tempDir } from "../cli/run-cli.js";
import { runCliAsync } from "./run-cli-async.js";

let work: string;
let fake: FakeReranker;
const uplift = (args: string[], env: Record<string, string> = {}) =>
  runCliAsync(["--data-dir", path.join(work, "data"), ...args], { cwd: work, env });
const json = async (args: string[], env: Record<string, string> = {}) => {
  const result = await uplift([...args, "--json"], env);
  expect(result.status, result.stderr).toBe(0);
  return JSON.parse(result.stdout);
};

beforeAll(async () => {
  work = tempDir("uplift-kb-gaps-");
  fake = await startFakeReranker({ score: (_q, text) => (text.includes("step by step") ? 0.9 : 0.2) });
  writeFileSync(
    path.join(work, "docs.jsonl"),
    [
      {
        id: "glossary",
        title: "Deploy deploy glossary",
        text: "Deploy: to deploy. A deploy is a deployment.",
      },
      {
        id: "runbook",
        title: "Release runbook",
        text: "To deploy the shop, step by step: tag, build, promote.",
      },
    ]
      .map((row) => JSON.stringify(row))
      .join("\n"),
  );
  expect(
    (await uplift(["kb", "source", "add", "wiki", "--type", "jsonl", "--path", "docs.jsonl"])).status,
  ).toBe(0);
  expect((await uplift(["kb", "sync"])).status).toBe(0);
}, 120_000);
afterAll(async () => {
  await fake?.close();
});

describe("uplift kb search with a reranker (end to end)", () => {
  it("says reranked: false without one, and reorders by the TEI endpoint with reranker.base_url", async () => {
    const plain = await json(["kb", "search", "deploy"]);
    expect(plain.reranked).toBe(false);
    const reranked = await json(["kb", "search", "deploy"], { UPLIFT_RERANKER_BASE_URL: fake.url });
    expect(reranked.reranked).toBe(true);
    expect(reranked.results[0].doc_id).toBe("runbook");
  });

  it("falls back to the fused ranking with a note when the endpoint is down", async () => {
    const down = await json(["kb", "search", "deploy"], { UPLIFT_RERANKER_BASE_URL: "http://127.0.0.1:9" });
    expect(down.reranked).toBe(false);
    expect(down.note).toMatch(/not reranked/);
    expect(down.results.length).toBe(2);
  });
});

describe("uplift kb gaps (end to end)", () => {
  it("lists questions asked at least --min-count times with weak answers", async () => {
    for (const question of [
      "How do I rotate the VPN certificate?",
      "rotate the vpn certificate",
      "VPN certificate",
    ])
      expect((await uplift(["kb", "ask", question])).status).toBe(0);
    const report = await json(["kb", "gaps"]);
    expect(report).toMatchObject({ min_count: 2, answers: 3, weak_answers: 3 });
    expect(report.gaps).toHaveLength(1);
    expect(report.gaps[0]).toMatchObject({
      question: "How do I rotate the VPN certificate?",
      count: 3,
      reasons: { not_found: 3 },
    });
    expect((await json(["kb", "gaps", "--min-count", "4"])).gaps).toEqual([]);
    expect((await json(["kb", "gaps", "--since", "2999-01-01"])).answers).toBe(0);
  });

  it("exits 2 naming the flag for a bad date or count", async () => {
    const badDate = await uplift(["kb", "gaps", "--since", "yesterday-ish"]);
    expect(badDate.status).toBe(2);
    expect(badDate.stderr).toContain("--since yesterday-ish");
    const badCount = await uplift(["kb", "gaps", "--min-count", "0"]);
    expect(badCount.status).toBe(2);
    expect(badCount.stderr).toContain("--min-count 0");
  });
});
