import path from "node:path";
import { configSchema, createReranker, type Reranker, silentLogger } from "@uplift/core";
import { type FakeReranker, startFakeReranker } from "@uplift/test-support";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { askKnowledgeBase } from "../answer/ask.js";
import { addSource } from "../source-admin.js";
import { syncKnowledgeBase } from "../sync/sync.js";
import { type KbTestEnv, openKbTestEnv, writeJsonl } from "../test/kb-env.js";
import type { Reader } from "./reader.js";
import { KbSearcher } from "./search.js";

const ann: Reader = { login: "ann", groups: ["sre"], known: true };
const bob: Reader = { login: "bob", groups: ["web"], known: true };
const secret = "walrus-canary-77";

let env: KbTestEnv;
let fake: FakeReranker;
beforeAll(async () => {
  env = await openKbTestEnv();
  // the cross-encoder's judgement: the runbook answers "rotate the database password", the
  // glossary only repeats its words
  fake = await startFakeReranker({ score: (_query, text) => (text.includes("step by step") ? 0.9 : 0.1) });
  writeJsonl(path.join(env.dir, "wiki.jsonl"), [
    {
      id: "glossary",
      title: "Database password rotate rotation glossary",
      text: "Database password: a password. Rotate: to rotate a database password. Rotation of passwords.",
    },
    {
      id: "runbook",
      title: "Credentials runbook",
      text: "To change the database password, step by step: open the vault, rotate, restart the pods.",
    },
    { id: "lunch", title: "Lunch", text: "The cafeteria opens at noon." },
  ]);
  writeJsonl(path.join(env.dir, "vault.jsonl"), [
    {
      id: "root",
      title: "Database password vault root",
      text: `Rotate the root database password ${secret}.`,
    },
  ]);
  await addSource(env.store, { name: "wiki", type: "jsonl", path: path.join(env.dir, "wiki.jsonl") });
  await addSource(env.store, {
    name: "vault",
    type: "jsonl",
    path: path.join(env.dir, "vault.jsonl"),
    acl: ["sre"],
  });
  await syncKnowledgeBase({ store: env.store, index: env.index, logger: silentLogger() });
});
afterAll(async () => {
  await env?.close();
  await fake?.close();
});

function reranker(section: Record<string, unknown>): Reranker {
  return createReranker(configSchema.parse({ reranker: section }).reranker) as Reranker;
}

const query = "rotate the database password";

describe("kb search with a reranker", () => {
  it("keeps the fused ranking and says reranked: false without a reranker", async () => {
    const result = await new KbSearcher(env).search({ query, k: 3, reader: bob });
    expect(result.reranked).toBe(false);
    expect(result.results[0]?.doc_id).toBe("glossary");
  });

  it.each([
    ["tei", () => ({ base_url: fake.url })],
    ["cohere", () => ({ base_url: `${fake.url}/v1`, model: "rerank-v3" })],
  ])("reorders the candidates by the %s endpoint's scores", async (_api, section) => {
    const searcher = new KbSearcher({ ...env, reranker: reranker(section()) });
    const result = await searcher.search({ query, k: 2, reader: bob });
    expect(result.reranked).toBe(true);
    expect(result.results.map((r) => r.doc_id)).toEqual(["runbook", "glossary"]);
    expect(result.results[0]?.score).toBe(0.9);
  });

  it("sends the reranker only chunks the reader may read", async () => {
    const before = fake.requests.length;
    await new KbSearcher({ ...env, reranker: reranker({ base_url: fake.url }) }).search({
      query,
      k: 5,
      reader: bob,
    });
    const sent = JSON.stringify(fake.requests.slice(before));
    expect(sent).toContain("step by step");
    expect(sent).not.toContain(secret);
    const forAnn = await new KbSearcher({ ...env, reranker: reranker({ base_url: fake.url }) }).search({
      query,
      k: 5,
      reader: ann,
    });
    expect(forAnn.results.map((r) => r.doc_id)).toContain("root");
  });

  it("falls back to the fused ranking with a note when the reranker fails", async () => {
    fake.failNext(503, 2);
    const result = await new KbSearcher({ ...env, reranker: reranker({ base_url: fake.url }) }).search({
      query,
      k: 2,
      reader: bob,
    });
    expect(result.reranked).toBe(false);
    expect(result.note).toMatch(/not reranked: the reranker failed/);
    expect(result.results[0]?.doc_id).toBe("glossary");
  });

  it("gives the answerer the reranked passages first", async () => {
    const answer = await askKnowledgeBase(
      { ...env, reranker: reranker({ base_url: fake.url }) },
      { question: "how do I rotate the database password", reader: bob },
    );
    expect(answer.reranked).toBe(true);
    expect(answer.citations[0]?.doc_id).toBe("runbook");
  });
});
