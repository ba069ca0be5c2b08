/**
 * `uplift kb` at 1,000,000 chunks (issue 6 bars: search p95 < 50 ms; `kb ask` overhead over the
 * model's own time p95 < 100 ms). One jsonl source of 1M generated documents (one chunk each:
 * a title, a heading and 80–120 words drawn with Zipf s = 1 from a 30,000-word vocabulary; 10 %
 * public, the rest shared with 1–2 of 200 groups), indexed once into DIR and reused by later
 * runs: the first 10,000 through the package's sync (as `uplift kb sync` does), the rest written
 * into `kb_chunks` in the rows that sync writes for them (see below). Then:
 * - `kb search` (BM25, ACL filter, best chunk per document, k = 10) as the anonymous reader (sees
 *   the ~10 % public documents) and as a member of 6 groups (~14 %);
 * - `kb ask` with the fake OpenAI-compatible server (packages/test-support) as the generator:
 *   overhead = total time of `askKnowledgeBase` − time spent inside the model's `chat` call.
 * Run after `npx tsc -b`:
 *   node bench/kb-1m.ts DIR [documents=1000000]
 * DIR keeps docs.jsonl and the data dir (PGlite + LanceDB); delete it to start over.
 */
import { createReadStream, createWriteStream, existsSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { createInterface } from "node:readline";
import { finished } from "node:stream/promises";
import {
  coreMigrations,
  createLlmProvider,
  type LlmProvider,
  openSearchIndex,
  openStore,
  silentLogger,
} from "@uplift/core";
import {
  ANONYMOUS_READER,
  addSource,
  askKnowledgeBase,
  KbSearcher,
  kbChunksSpec,
  kbMigrations,
  type Reader,
  syncKnowledgeBase,
} from "@uplift/kb";
import { startFakeOpenAI } from "@uplift/test-support";
import { mulberry32, syllableWords } from "./seeded-random.ts";

const dir = process.argv[2];
if (!dir) {
  console.error("usage: node bench/kb-1m.ts DIR [documents=1000000]");
  process.exit(2);
}
const N = Number(process.argv[3] ?? 1_000_000);
const VOCABULARY = 30_000;
const GROUPS = 200;
const PUBLIC_SHARE = 0.1;
const QUERIES = 200;
const WARMUP = 20;
const ASKS = 100;
const SYNCED = 10_000;

/** Samples ranks 0..n-1 with P(r) ∝ 1/(r+1) by binary search over the CDF. */
function zipfSampler(n: number, random: () => number): () => number {
  const cdf = new Float64Array(n);
  let total = 0;
  for (let r = 0; r < n; r++) {
    total += 1 / (r + 1);
    cdf[r] = total;
  }
  return () => {
    const x = random() * total;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((cdf[mid] as number) < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

const vocabulary = [...new Set(syllableWords(mulberry32(7), VOCABULARY * 2))].slice(0, VOCABULARY);
const rank = zipfSampler(vocabulary.length, mulberry32(11));
const zipfWord = () => vocabulary[rank()] as string;

async function writeDocs(file: string): Promise<void> {
  const random = mulberry32(42);
  const out = createWriteStream(file);
  for (let i = 0; i < N; i++) {
    const words = Array.from({ length: 80 + Math.floor(random() * 41) }, zipfWord);
    const sentences: string[] = [];
    for (let at = 0; at < words.length; at += 12) sentences.push(`${words.slice(at, at + 12).join(" ")}.`);
    const acl =
      random() < PUBLIC_SHARE
        ? undefined
        : [...new Set([`g${Math.floor(random() * GROUPS)}`, `g${Math.floor(random() * GROUPS)}`])].slice(
            0,
            1 + Math.floor(random() * 2),
          );
    const row = {
      id: `doc-${i}`,
      title: `${zipfWord()} ${zipfWord()} ${zipfWord()}`,
      text: `## ${zipfWord()} ${zipfWord()}\n\n${sentences.join(" ")}`,
      ...(acl ? { acl } : {}),
    };
    if (!out.write(`${JSON.stringify(row)}\n`)) await new Promise<void>((r) => out.once("drain", () => r()));
  }
  out.end();
  await finished(out);
}

const percentile = (sorted: number[], p: number) =>
  (sorted[Math.floor(p * (sorted.length - 1))] ?? Number.NaN).toFixed(1);
const cpuMs = (usage: NodeJS.CpuUsage) => (usage.user + usage.system) / 1000;
const summary = (times: number[]) => {
  const sorted = [...times].sort((a, b) => a - b);
  return `p50 ${percentile(sorted, 0.5)} ms, p95 ${percentile(sorted, 0.95)} ms, p99 ${percentile(sorted, 0.99)} ms, max ${percentile(sorted, 1)} ms`;
};

mkdirSync(dir, { recursive: true });
const file = path.join(dir, "docs.jsonl");
const dataDir = path.join(dir, "data");
const syncedMarker = path.join(dir, "synced");
if (!existsSync(file)) {
  const start = performance.now();
  await writeDocs(file);
  console.log(`generated ${N} documents in ${((performance.now() - start) / 1000).toFixed(1)} s`);
}
const store = await openStore({ dataDir, logger: silentLogger() });
await store.migrate([...coreMigrations, ...kbMigrations]);
const index = await openSearchIndex({ dataDir, logger: silentLogger() });
const fake = await startFakeOpenAI({ models: ["fake-model"] });
let llm: LlmProvider | undefined;
try {
  if (!existsSync(syncedMarker)) {
    // The first SYNCED documents go through a real sync (store rows, index state, table spec);
    // the rest are written straight into kb_chunks in the rows sync writes for them (title,
    // heading path and body as `chunkDocument` renders these one-section documents, ACL columns
    // from `acl`): a full sync of 1M of these documents is chunker-bound (~4 ms per document of
    // made-up words here), and the bars below are about searching and answering, not syncing.
    const head = path.join(dir, "head.jsonl");
    const out = createWriteStream(head);
    let lines = 0;
    for await (const line of createInterface({ input: createReadStream(file) })) {
      if (lines++ >= SYNCED) break;
      out.write(`${line}\n`);
    }
    out.end();
    await finished(out);
    await addSource(store, { name: "bench", type: "jsonl", path: head });
    let start = performance.now();
    const report = await syncKnowledgeBase({ store, index, logger: silentLogger() });
    console.log(
      `sync of the first ${SYNCED} documents: ${((performance.now() - start) / 1000).toFixed(1)} s — ${report.sources[0]?.counts.chunksIndexed} chunks indexed`,
    );
    start = performance.now();
    const table = await index.openTable(kbChunksSpec({ embedder: "none" }));
    let batch: Parameters<typeof table.upsert>[0][number][] = [];
    let at = 0;
    for await (const line of createInterface({ input: createReadStream(file) })) {
      if (at++ < SYNCED || !line) continue;
      const row = JSON.parse(line) as { id: string; title: string; text: string; acl?: string[] };
      const [heading, body] = row.text.replace(/^## /, "").split("\n\n") as [string, string];
      batch.push({
        id: `bench:${row.id}:0`,
        text: `${row.title}\n${heading}\n\n${body}`,
        title: row.title,
        doc_id: row.id,
        source: "bench",
        url: null,
        heading_path: heading,
        body_offset: row.title.length + heading.length + 3,
        acl_groups: row.acl ?? [],
        public: !row.acl?.length,
      });
      if (batch.length === 20_000) {
        await table.upsert(batch);
        batch = [];
      }
    }
    if (batch.length) await table.upsert(batch);
    const written = performance.now();
    await table.ensureIndexes();
    console.log(
      `direct write of ${at - SYNCED} more chunks: ${((written - start) / 1000).toFixed(1)} s, ensureIndexes ${((performance.now() - written) / 1000).toFixed(1)} s`,
    );
    writeFileSync(syncedMarker, `${N}\n`);
  }
  const searcher = new KbSearcher({ store, index });
  const queryRandom = mulberry32(99);
  const query = () => Array.from({ length: 2 + Math.floor(queryRandom() * 3) }, zipfWord).join(" ");
  const member: Reader = {
    login: "bench-member",
    groups: Array.from({ length: 6 }, (_, i) => `g${i * 31}`),
    known: true,
  };
  for (const [label, reader] of [
    ["anonymous reader (public documents only)", ANONYMOUS_READER],
    ["member of 6 groups", member],
  ] as const) {
    const times: number[] = [];
    const cpuTimes: number[] = [];
    let empty = 0;
    for (let q = 0; q < WARMUP + QUERIES; q++) {
      const text = query();
      const cpu = process.cpuUsage();
      const start = performance.now();
      const result = await searcher.search({ query: text, k: 10, reader });
      if (q >= WARMUP) {
        times.push(performance.now() - start);
        cpuTimes.push(cpuMs(process.cpuUsage(cpu)));
      }
      if (result.results.length < 10) empty++;
    }
    console.log(
      `kb search, ${label}: ${summary(times)} (${QUERIES} queries, ${empty} with fewer than 10 results)`,
    );
    console.log(`  CPU time of the process per search (all threads): ${summary(cpuTimes)}`);
  }

  const provider = createLlmProvider(
    { base_url: fake.url, model: "fake-model", timeout_ms: 60_000 },
    { logger: silentLogger() },
  );
  if (!provider) throw new Error("no LLM provider for the fake server");
  llm = provider;
  let modelMs = 0;
  const timed: LlmProvider = {
    kind: provider.kind,
    id: provider.id,
    chat: async (request) => {
      const start = performance.now();
      try {
        return await provider.chat(request);
      } finally {
        modelMs += performance.now() - start;
      }
    },
    chatStream: (request) => provider.chatStream(request),
    complete: (request) => provider.complete(request),
    completeStream: (request) => provider.completeStream(request),
    close: () => provider.close(),
  };
  const totals: number[] = [];
  const overheads: number[] = [];
  const models: number[] = [];
  const askCpu: number[] = [];
  let answered = 0;
  for (let q = 0; q < WARMUP + ASKS; q++) {
    const question = `How do I ${query()}?`;
    modelMs = 0;
    const cpu = process.cpuUsage();
    const start = performance.now();
    const answer = await askKnowledgeBase({ store, index, llm: timed }, { question, reader: member });
    const total = performance.now() - start;
    if (q < WARMUP) continue;
    askCpu.push(cpuMs(process.cpuUsage(cpu)));
    if (answer.citations.length > 0) answered++;
    totals.push(total);
    models.push(modelMs);
    overheads.push(total - modelMs);
  }
  console.log(`kb ask (fake OpenAI generator, member reader), total: ${summary(totals)}`);
  console.log(`  model's own time (inside chat): ${summary(models)}`);
  console.log(
    `  overhead = total − model: ${summary(overheads)} (${answered}/${ASKS} answers with citations)`,
  );
  console.log(`  CPU time of the process per ask (with the in-process fake server): ${summary(askCpu)}`);
} finally {
  await llm?.close();
  await fake.close();
  await index.close();
  await store.close();
}
