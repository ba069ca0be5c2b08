import path from "node:path";
import { silentLogger } from "@uplift/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { askKnowledgeBase } from "../answer/ask.js";
import { recordFeedback } from "../feedback.js";
import { addSource } from "../source-admin.js";
import { syncKnowledgeBase } from "../sync/sync.js";
import { type KbTestEnv, openKbTestEnv, writeJsonl } from "../test/kb-env.js";
import { FEEDBACK_WEIGHT, type FeedbackVote, feedbackMultipliers } from "./feedback-signal.js";
import type { Reader } from "./reader.js";
import { KbSearcher } from "./search.js";
import { contentTerms } from "./terms.js";

const terms = (text: string) => new Set(contentTerms(text));
const vote = (question: string, up: boolean, chunkIds: string[], ageDays = 0): FeedbackVote => ({
  questionTerms: terms(question),
  vote: up ? 1 : -1,
  ageDays,
  chunkIds,
});

describe("feedbackMultipliers", () => {
  it("lifts chunks cited by a liked answer to the same question and lowers those of a disliked one", () => {
    const m = feedbackMultipliers(terms("rotate signing keys"), [
      vote("how do I rotate signing keys", true, ["a#0"]),
      vote("rotate signing keys", false, ["b#0"]),
    ]);
    expect(m.get("a#0")).toBeGreaterThan(1);
    expect(m.get("b#0")).toBeLessThan(1);
    expect(m.get("b#0")).toBeGreaterThanOrEqual(1 - FEEDBACK_WEIGHT);
  });

  it("ignores votes on unrelated questions", () => {
    const m = feedbackMultipliers(terms("rotate signing keys"), [
      vote("office wifi password", false, ["a#0"]),
    ]);
    expect(m.has("a#0")).toBe(false);
  });

  it("halves a vote's weight every half-life, and never moves a score by more than the weight", () => {
    const q = terms("rotate signing keys");
    const fresh = feedbackMultipliers(q, [vote("rotate signing keys", true, ["a#0"])]).get("a#0") as number;
    const old = feedbackMultipliers(q, [vote("rotate signing keys", true, ["a#0"], 30)]).get("a#0") as number;
    expect(Math.atanh((old - 1) / FEEDBACK_WEIGHT)).toBeCloseTo(
      Math.atanh((fresh - 1) / FEEDBACK_WEIGHT) / 2,
      10,
    );
    const many = Array.from({ length: 50 }, () => vote("rotate signing keys", true, ["a#0"]));
    expect(feedbackMultipliers(q, many).get("a#0")).toBeLessThanOrEqual(1 + FEEDBACK_WEIGHT);
  });
});

describe("feedback in kb search", () => {
  const ada: Reader = { login: "ada", groups: [], known: true };
  let env: KbTestEnv;
  beforeAll(async () => {
    env = await openKbTestEnv();
    // two near-identical pages: BM25 ranks them almost equally
    writeJsonl(path.join(env.dir, "wiki.jsonl"), [
      {
        id: "old",
        title: "Key rotation",
        text: "Rotate the signing keys with the legacy script every quarter.",
      },
      { id: "new", title: "Key rotation", text: "Rotate the signing keys with the vault job every quarter." },
      { id: "wifi", title: "Office wifi", text: "The office wifi password is on the board." },
    ]);
    await addSource(env.store, { name: "wiki", type: "jsonl", path: path.join(env.dir, "wiki.jsonl") });
    await syncKnowledgeBase({ store: env.store, index: env.index, logger: silentLogger() });
  });
  afterAll(async () => {
    await env?.close();
  });

  it("a thumbs-down on an answer citing a page moves it below its twin for similar questions", async () => {
    const question = "How do I rotate the signing keys?";
    const before = await new KbSearcher(env).search({ query: question, k: 2, reader: ada });
    const top = before.results[0]?.doc_id as string;
    const twin = top === "old" ? "new" : "old";
    const answer = await askKnowledgeBase({ ...env, logger: silentLogger() }, { question, reader: ada });
    expect(answer.citations.map((c) => c.doc_id)).toContain(top);
    for (const c of answer.citations) expect(c.doc_id === top || c.doc_id === twin).toBe(true);
    // dislike: the answer cited the top page (and maybe its twin); cite only the top one for a clean test
    await env.store.query("UPDATE kb_answers SET citations = $2 WHERE id = $1", [
      answer.answer_id,
      JSON.stringify(answer.citations.filter((c) => c.doc_id === top)),
    ]);
    await recordFeedback(env.store, answer.answer_id as string, "down", ada);

    const after = await new KbSearcher(env).search({ query: "rotate signing keys", k: 2, reader: ada });
    expect(after.results.map((r) => r.doc_id)).toEqual([twin, top]);
    const without = await new KbSearcher(env).search({
      query: "rotate signing keys",
      k: 2,
      reader: ada,
      feedback: false,
    });
    expect(without.results[0]?.doc_id).toBe(top);
    const unrelated = await new KbSearcher(env).search({ query: "office wifi password", k: 1, reader: ada });
    expect(unrelated.results[0]?.doc_id).toBe("wifi");
  });
});
