import path from "node:path";
import { createEmbedder, createLlmProvider, type Embedder, NotFoundError, silentLogger } from "@uplift/core";
import { type FakeOpenAI, startFakeOpenAI } from "@uplift/test-support";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { askKnowledgeBase, EXTRACTIVE_GENERATOR } from "../answer/ask.js";
import { recordFeedback } from "../feedback.js";
import { addSource } from "../source-admin.js";
import { syncKnowledgeBase } from "../sync/sync.js";
import { type KbTestEnv, openKbTestEnv, writeJsonl } from "../test/kb-env.js";
import { ANONYMOUS_READER, type Reader } from "./reader.js";
import { KbSearcher, NO_EMBEDDER_NOTE } from "./search.js";

const ann: Reader = { login: "ann", groups: ["sre"], known: true };
const bob: Reader = { login: "bob", groups: ["web"], known: true };
const secret = "zebra-canary-42";

let env: KbTestEnv;
let fake: FakeOpenAI;
let searcher: KbSearcher;
beforeAll(async () => {
  env = await openKbTestEnv();
  fake = await startFakeOpenAI();
  const filler = Array.from({ length: 30 }, (_, i) => ({
    id: `note-${i}`,
    title: `Release note ${i}`,
    text: `The canary stage of release ${i} went fine.`,
    url: `https://wiki.example/notes/${i}`,
  }));
  writeJsonl(path.join(env.dir, "wiki.jsonl"), [
    {
      id: "deploy",
      title: "Deploying the billing service",
      text: "Run the release pipeline, then watch the canary for ten minutes before promoting.",
      url: "https://wiki.example/deploy",
    },
    {
      id: "oncall",
      title: "On-call handbook",
      text: "Page the secondary after fifteen minutes without acknowledgement.",
    },
    {
      id: "long",
      title: "Canary guide",
      text: "## Canary basics\n\nA canary takes a small share of traffic.\n\n## Canary metrics\n\nCanary error rates are compared with the baseline.",
    },
    ...filler,
  ]);
  writeJsonl(path.join(env.dir, "vault.jsonl"), [
    {
      id: "secret",
      title: "Canary canary canary: rotating the vault root token",
      text: `Canary root token rotation uses the break-glass procedure ${secret}.`,
    },
  ]);
  await addSource(env.store, { name: "wiki", type: "jsonl", path: path.join(env.dir, "wiki.jsonl") });
  await addSource(env.store, {
    name: "vault",
    type: "jsonl",
    path: path.join(env.dir, "vault.jsonl"),
    acl: ["sre"],
  });
  await syncKnowledgeBase({
    store: env.store,
    index: env.index,
    logger: silentLogger(),
    chunking: { maxTokens: 20, minTokens: 5, hardMaxTokens: 400 },
  });
  searcher = new KbSearcher(env);
});
afterAll(async () => {
  await env?.close();
  await fake?.close();
});

describe("kb search", () => {
  it("applies the ACL before the top-k cut: a non-member still gets k readable results", async () => {
    const forAnn = await searcher.search({ query: "canary root token", k: 3, reader: ann });
    expect(forAnn.results[0]?.doc_id).toBe("secret");
    for (const reader of [bob, ANONYMOUS_READER, { login: "mallory", groups: [], known: false }]) {
      const result = await searcher.search({ query: "canary root token", k: 3, reader });
      expect(result.results).toHaveLength(3);
      expect(JSON.stringify(result)).not.toContain(secret);
    }
  });

  it("returns the best chunk per document, or every chunk on request", async () => {
    const perDoc = await searcher.search({ query: "canary metrics basics", k: 10, reader: bob });
    expect(perDoc.results.filter((r) => r.doc_id === "long")).toHaveLength(1);
    const chunks = await searcher.search({
      query: "canary metrics basics",
      k: 10,
      reader: bob,
      perDocument: false,
    });
    expect(chunks.results.filter((r) => r.doc_id === "long").length).toBeGreaterThan(1);
    expect(chunks.results.find((r) => r.heading_path === "Canary metrics")?.text).toBe(
      "Canary error rates are compared with the baseline.",
    );
  });

  it("filters by source and says that it is BM25 only without an embedder", async () => {
    const result = await searcher.search({ query: "canary", k: 5, reader: ann, source: "vault" });
    expect(result.results.map((r) => r.doc_id)).toEqual(["secret"]);
    expect(result).toMatchObject({ retrieval: "bm25", note: NO_EMBEDDER_NOTE });
  });

  it("stays BM25 and says why when the configured embedder did not build the index", async () => {
    const embedder = createEmbedder({ base_url: fake.url, model: "fake-embedding" }) as Embedder;
    const result = await new KbSearcher({ ...env, embedder }).search({ query: "canary", k: 1, reader: bob });
    expect(result.retrieval).toBe("bm25");
    expect(result.note).toContain("run uplift kb sync to re-embed");
  });
});

describe("kb ask", () => {
  it("answers extractively with citations that point at the passages quoted, and stores the answer", async () => {
    const answer = await askKnowledgeBase(env, {
      question: "How long should I watch the canary before promoting?",
      reader: bob,
    });
    expect(answer.generator).toBe(EXTRACTIVE_GENERATOR);
    expect(answer.answer).toContain("watch the canary for ten minutes before promoting. [1]");
    expect(answer.citations[0]).toMatchObject({
      n: 1,
      doc_id: "deploy",
      url: "https://wiki.example/deploy",
      quote: "Run the release pipeline, then watch the canary for ten minutes before promoting.",
    });
    expect(answer.grounded).toBe(true);
    const { rows } = await env.store.query<{ user_login: string; question: string }>(
      "SELECT user_login, question FROM kb_answers WHERE id = $1",
      [answer.answer_id],
    );
    expect(rows).toEqual([
      { user_login: "bob", question: "How long should I watch the canary before promoting?" },
    ]);
  });

  it("says it could not find the answer when nothing readable matches", async () => {
    const answer = await askKnowledgeBase(env, {
      question: "What is the break-glass procedure?",
      reader: bob,
    });
    expect(answer).toMatchObject({
      answer: "I could not find this in the knowledge base.",
      citations: [],
      grounded: false,
    });
  });

  it("checks an LLM's citations: a number naming no passage is dropped, the others renumbered", async () => {
    const llm = createLlmProvider({ base_url: fake.url, model: "fake-model", timeout_ms: 10_000 });
    const question = "How long do I watch the canary, and when do I page the secondary?";
    fake.script({
      path: "/v1/chat/completions",
      text: "Watch the canary for ten minutes before promoting [2]. Page the secondary after fifteen minutes [9]. A canary takes a small share of traffic [3].",
    });
    const answer = await askKnowledgeBase({ ...env, llm }, { question, reader: bob });
    const body = fake.requests.findLast((r) => r.path === "/v1/chat/completions")?.body as {
      messages: { role: string; content: string }[];
    };
    const prompt = body.messages[1]?.content ?? "";
    // the passages as the model saw them
    expect(prompt).toContain("[2] Deploying the billing service (https://wiki.example/deploy)\n");
    expect(prompt).toContain("[3] Canary guide > Canary basics\n");
    expect(prompt).not.toContain(secret);
    expect(body.messages[0]?.content).toContain("Use only the numbers 1 to 5");
    expect(answer.generator).toBe("openai:fake-model");
    expect(answer.dropped_citations).toEqual([9]);
    expect(answer.answer).toBe(
      "Watch the canary for ten minutes before promoting [1]. Page the secondary after fifteen minutes. A canary takes a small share of traffic [2].",
    );
    expect(answer.citations.map((c) => [c.n, c.doc_id, c.quote])).toEqual([
      [1, "deploy", "Run the release pipeline, then watch the canary for ten minutes before promoting."],
      [2, "long", "A canary takes a small share of traffic."],
    ]);
    expect(answer.unsupported).toEqual(["Page the secondary after fifteen minutes."]);
    expect(answer.grounded).toBe(false);
  });

  it("flags a sentence that cites an existing passage which does not support it", async () => {
    const llm = createLlmProvider({ base_url: fake.url, model: "fake-model", timeout_ms: 10_000 });
    fake.script({
      path: "/v1/chat/completions",
      text: "Watch the canary for ten minutes before promoting [3].",
    });
    const answer = await askKnowledgeBase(
      { ...env, llm },
      { question: "How long do I watch the canary, and when do I page the secondary?", reader: bob },
    );
    expect(answer.citations.map((c) => c.doc_id)).toEqual(["long"]);
    expect(answer.unsupported).toEqual(["Watch the canary for ten minutes before promoting [1]."]);
    expect(answer.grounded).toBe(false);
  });

  it("marks an LLM answer grounded when every sentence cites a supporting passage", async () => {
    const llm = createLlmProvider({ base_url: fake.url, model: "fake-model", timeout_ms: 10_000 });
    fake.script({
      path: "/v1/chat/completions",
      text: "Watch the canary for ten minutes before promoting [2]. Page the secondary after fifteen minutes [1].",
    });
    const answer = await askKnowledgeBase(
      { ...env, llm },
      { question: "How long do I watch the canary, and when do I page the secondary?", reader: bob },
    );
    expect(answer.answer).toBe(
      "Watch the canary for ten minutes before promoting [1]. Page the secondary after fifteen minutes [2].",
    );
    expect(answer.citations.map((c) => c.doc_id)).toEqual(["deploy", "oncall"]);
    expect(answer.grounded).toBe(true);
  });

  it("records feedback with the user, and refuses an unknown answer id", async () => {
    const answer = await askKnowledgeBase(env, { question: "canary traffic share", reader: ann });
    const feedback = await recordFeedback(env.store, answer.answer_id, "down", ann, "too vague");
    expect(feedback).toMatchObject({ answer_id: answer.answer_id, vote: "down", user: "ann" });
    const { rows } = await env.store.query(
      "SELECT vote, comment, user_login FROM kb_feedback WHERE answer_id = $1",
      [answer.answer_id],
    );
    expect(rows).toEqual([{ vote: "down", comment: "too vague", user_login: "ann" }]);
    await expect(recordFeedback(env.store, "no-such-answer", "up", ann)).rejects.toThrow(NotFoundError);
  });
});
