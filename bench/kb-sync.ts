/**
 * `uplift kb sync` throughput, BM25 only (issue 6 bars: 100,000 documents of ~1 KB in under
 * 3 minutes; a no-change re-sync in under 20 s), then a sync after 1% of the documents changed,
 * and search latency over the result (ACL-filtered as an anonymous reader). Documents are
 * generated (fixed seed), ~1 KB of English-like text with a heading each, in one jsonl file.
 * Run after `npx tsc -b`:
 *   node bench/kb-sync.ts [documents=100000]
 */
import { createWriteStream, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { finished } from "node:stream/promises";
import { coreMigrations, openSearchIndex, openStore, silentLogger } from "@uplift/core";
import { ANONYMOUS_READER, addSource, KbSearcher, kbMigrations, syncKnowledgeBase } from "@uplift/kb";

const N = Number(process.argv[2] ?? 100_000);
const WORDS = (
  "deploy canary release pipeline service team review change merge branch test build cache flag rollout " +
  "secret vault access incident page alert runbook metric log trace latency error budget cluster node pod " +
  "schema migration table column index query cursor page token user group owner tier region cost tag " +
  "model drift shadow event topic retry queue consumer producer contract api version field request response"
).split(" ");

let seed = 42;
const random = () => {
  seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
  return seed / 2_147_483_648;
};
const word = () => WORDS[Math.floor(random() * WORDS.length)] as string;
const sentence = () => {
  const n = 8 + Math.floor(random() * 10);
  const words = Array.from({ length: n }, word);
  return `${words.join(" ").replace(/^./, (c) => c.toUpperCase())}.`;
};

async function writeDocs(file: string, version: (i: number) => number): Promise<void> {
  seed = 42;
  const out = createWriteStream(file);
  for (let i = 0; i < N; i++) {
    const body = Array.from({ length: 9 }, sentence).join(" ");
    const text = `## Section ${i % 17}\n\n${body}${version(i) ? ` Revised ${version(i)}.` : ""}`;
    const ok = out.write(
      `${JSON.stringify({ id: `doc-${i}`, title: `Page ${i} about ${word()} and ${word()}`, text })}\n`,
    );
    if (!ok) await new Promise<void>((resolve) => out.once("drain", () => resolve()));
  }
  out.end();
  await finished(out);
}

const root = mkdtempSync(path.join(tmpdir(), "kb-sync-"));
const file = path.join(root, "docs.jsonl");
const store = await openStore({ dataDir: root, logger: silentLogger() });
await store.migrate([...coreMigrations, ...kbMigrations]);
const index = await openSearchIndex({ dataDir: root, logger: silentLogger() });
try {
  await writeDocs(file, () => 0);
  await addSource(store, { name: "bench", type: "jsonl", path: file });
  const sync = async (label: string) => {
    const start = performance.now();
    const report = await syncKnowledgeBase({ store, index, logger: silentLogger() });
    const seconds = (performance.now() - start) / 1000;
    const c = report.sources[0]?.counts;
    console.log(
      `${label}: ${seconds.toFixed(1)} s — ${c?.documentsSeen} seen, ${c?.documentsAdded} added, ${c?.documentsUpdated} updated, ${c?.chunksIndexed} chunks indexed, ${c?.chunksDeleted} removed`,
    );
  };
  await sync(`first sync of ${N} documents`);
  await sync("no-change re-sync");
  await writeDocs(file, (i) => (i % 100 === 0 ? 1 : 0));
  await sync("re-sync after 1% changed");

  const searcher = new KbSearcher({ store, index });
  const times: number[] = [];
  for (let q = 0; q < 200; q++) {
    const text = `${word()} ${word()} ${word()}`;
    const start = performance.now();
    await searcher.search({ query: text, k: 10, reader: ANONYMOUS_READER });
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const at = (p: number) => (times[Math.floor(p * (times.length - 1))] ?? Number.NaN).toFixed(1);
  console.log(
    `kb search (BM25, ACL filter, best chunk per doc, k=10): p50 ${at(0.5)} ms, p95 ${at(0.95)} ms`,
  );
} finally {
  await index.close();
  await store.close();
  rmSync(root, { recursive: true, force: true });
}
