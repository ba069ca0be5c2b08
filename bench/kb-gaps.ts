/**
 * Coverage-gap report (`uplift kb gaps`) over many stored answers: 100,000 answers to 5,000
 * question topics (each asked in 1–4 wordings, Zipf-like popularity), 30 % of them weak, 10,000
 * votes, in a fresh PGlite store; the report (query + normalisation + clustering) is timed.
 *
 *   npx tsc -b && node bench/kb-gaps.ts [--answers 100000] [--topics 5000]
 */
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { coreMigrations, insertRows, openStore, silentLogger } from "@uplift/core";
import { coverageGaps, kbMigrations } from "@uplift/kb";
import { mulberry32 } from "./seeded-random.ts";

const { values } = parseArgs({
  options: { answers: { type: "string", default: "100000" }, topics: { type: "string", default: "5000" } },
});
const ANSWERS = Number(values.answers);
const TOPICS = Number(values.topics);
const random = mulberry32(7);
const NOUNS = [
  "password",
  "certificate",
  "cluster",
  "pipeline",
  "runbook",
  "token",
  "dashboard",
  "queue",
  "invoice",
];
const VERBS = [
  "rotate",
  "deploy",
  "restart",
  "configure",
  "debug",
  "monitor",
  "request",
  "approve",
  "migrate",
];
const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)] as T;

/** Each topic: a verb, a noun and a service name; wordings vary the filler around them. */
const topics = Array.from({ length: TOPICS }, (_, i) => ({
  verb: pick(VERBS),
  noun: pick(NOUNS),
  service: `svc${i}`,
  wordings: 1 + Math.floor(random() * 4),
}));
const wording = (t: (typeof topics)[number], w: number) =>
  [
    `How do I ${t.verb} the ${t.service} ${t.noun}?`,
    `${t.verb} ${t.noun} for ${t.service}`,
    `how to ${t.verb} ${t.service} ${t.noun} in production`,
    `${t.service} ${t.noun}: ${t.verb}?`,
  ][w % 4] as string;

const dir = mkdtempSync(path.join(tmpdir(), "bench-kb-gaps-"));
const store = await openStore({ dataDir: dir, logger: silentLogger() });
try {
  await store.migrate([...coreMigrations, ...kbMigrations]);
  const ids: string[] = [];
  const rows: unknown[][] = [];
  for (let i = 0; i < ANSWERS; i++) {
    // Zipf-like: topic index ~ TOPICS^u, so a few topics are asked very often
    const topic = topics[Math.min(TOPICS - 1, Math.floor(TOPICS ** random()) - 1)] as (typeof topics)[number];
    const weak = random() < 0.3;
    const id = randomUUID();
    ids.push(id);
    rows.push([
      id,
      wording(topic, Math.floor(random() * topic.wordings)),
      `user${Math.floor(random() * 3000)}`,
      "an answer [1].",
      JSON.stringify(weak && random() < 0.5 ? [] : [{ n: 1 }]),
      "[]",
      "extractive",
      !weak,
      "bm25",
      weak ? 0.3 : 0.9,
    ]);
  }
  await insertRows(
    store,
    "kb_answers",
    [
      "id",
      "question",
      "user_login",
      "answer",
      "citations",
      "passages",
      "generator",
      "grounded",
      "retrieval",
      "top_coverage",
    ],
    rows,
  );
  const votes = Array.from({ length: ANSWERS / 10 }, () => [
    randomUUID(),
    pick(ids),
    "someone",
    random() < 0.4 ? "down" : "up",
  ]);
  await insertRows(store, "kb_feedback", ["id", "answer_id", "user_login", "vote"], votes);

  const times: number[] = [];
  let report: Awaited<ReturnType<typeof coverageGaps>> | undefined;
  for (let run = 0; run < 3; run++) {
    const start = performance.now();
    report = await coverageGaps(store, { minCount: 2 });
    times.push(performance.now() - start);
  }
  console.log(
    `kb gaps: ${ANSWERS} answers (${report?.weak_answers} weak), ${TOPICS} topics → ${report?.gaps.length} gaps (limit 50); ` +
      `report ${times.map((t) => `${(t / 1000).toFixed(2)} s`).join(", ")}`,
  );
  console.log(`top gap: ${JSON.stringify(report?.gaps[0])}`);
} finally {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
}
