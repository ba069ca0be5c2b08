import path from "node:path";
import { silentLogger } from "@uplift/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { askKnowledgeBase } from "../answer/ask.js";
import { recordFeedback } from "../feedback.js";
import type { Reader } from "../retrieve/reader.js";
import { addSource } from "../source-admin.js";
import { syncKnowledgeBase } from "../sync/sync.js";
import { type KbTestEnv, openKbTestEnv, writeJsonl } from "../test/kb-env.js";
import { coverageGaps } from "./coverage-gaps.js";

const ann: Reader = { login: "ann", groups: [], known: true };
const bob: Reader = { login: "bob", groups: [], known: true };
const secret = "okapi-canary-19";

let env: KbTestEnv;
beforeAll(async () => {
  env = await openKbTestEnv();
  writeJsonl(path.join(env.dir, "wiki.jsonl"), [
    {
      id: "deploy",
      title: "Deploying the shop",
      text: "Deploy the shop with the release pipeline once the review is approved.",
    },
    { id: "vault", title: "Vault", text: `The vault unseal key is ${secret}.`, acl: ["sre"] },
  ]);
  await addSource(env.store, { name: "wiki", type: "jsonl", path: path.join(env.dir, "wiki.jsonl") });
  await syncKnowledgeBase({ store: env.store, index: env.index, logger: silentLogger() });
  const ask = (question: string, reader: Reader) => askKnowledgeBase(env, { question, reader });
  // three wordings of one question the docs cannot answer, by two users
  await ask("How do I rotate the VPN certificate?", ann);
  await ask("how do I rotate the vpn certificate", bob);
  await ask("Rotate VPN certificate", ann);
  // answered, and liked
  const deploy = await ask("How do I deploy the shop?", ann);
  await recordFeedback(env.store, deploy.answer_id, "up", ann);
  // answered, but disliked twice
  for (const reader of [ann, bob]) {
    const answer = await ask("deploy the shop pipeline", reader);
    await recordFeedback(env.store, answer.answer_id, "down", reader);
  }
  // asked once only, long ago
  await ask("Where is the lunch menu?", bob);
  await env.store.query(
    "UPDATE kb_answers SET created_at = now() - interval '40 days' WHERE question LIKE '%lunch%'",
  );
});
afterAll(async () => {
  await env?.close();
});

describe("coverageGaps", () => {
  it("reports frequent questions with weak answers, clustered, with counts and reasons", async () => {
    const report = await coverageGaps(env.store);
    expect(report).toMatchObject({ since: null, min_count: 2, answers: 7, weak_answers: 6 });
    expect(report.gaps.map((g) => ({ ...g, last_asked_at: typeof g.last_asked_at }))).toEqual([
      {
        question: "How do I rotate the VPN certificate?",
        count: 3,
        asked: 3,
        users: 2,
        reasons: { not_found: 3, not_grounded: 0, low_coverage: 3, thumbs_down: 0 },
        terms: ["certificate", "rotate", "vpn"],
        examples: ["Rotate VPN certificate"],
        last_asked_at: "string",
      },
      {
        question: "deploy the shop pipeline",
        count: 2,
        asked: 3,
        users: 2,
        reasons: { not_found: 0, not_grounded: 0, low_coverage: 0, thumbs_down: 2 },
        terms: ["deploy", "pipeline", "shop"],
        examples: [],
        last_asked_at: "string",
      },
    ]);
  });

  it("lowers the bar with --min-count and drops older answers with --since", async () => {
    const all = await coverageGaps(env.store, { minCount: 1 });
    expect(all.gaps.map((g) => g.question)).toContain("Where is the lunch menu?");
    const recent = await coverageGaps(env.store, {
      minCount: 1,
      since: new Date(Date.now() - 7 * 86_400_000),
    });
    expect(recent.answers).toBe(6);
    expect(recent.gaps.map((g) => g.question)).not.toContain("Where is the lunch menu?");
  });

  it("never reports answer text, so passages of restricted documents cannot leak", async () => {
    const sre: Reader = { login: "sam", groups: ["sre"], known: true };
    await askKnowledgeBase(env, { question: "vault unseal key", reader: sre });
    await askKnowledgeBase(env, { question: "vault unseal key", reader: sre });
    const report = await coverageGaps(env.store, { minCount: 1 });
    expect(JSON.stringify(report)).not.toContain(secret);
  });
});
