/**
 * SearchIndex at scale: 1,000,000 synthetic chunks of ~100 words on LanceDB in a temp dir.
 * Measures insert (upsert in batches) + BM25 index build, BM25 latency p50/p95 over 200 queries of
 * 2–4 words, the same with an ACL filter (before and after scalar indexes on the ACL columns), and
 * the cost of a small incremental write. The temp dir is deleted at the end.
 *
 *   npx tsc -b && node bench/search-1m.ts
 *
 * UPLIFT_BENCH_ROWS (default 1,000,000) and UPLIFT_BENCH_BATCH (default 10,000) change the size.
 * Input is fixed: words, chunks, ACLs and queries come from seeded generators.
 */
import { mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Writable } from "node:stream";
import { connect, MatchQuery } from "@lancedb/lancedb";
import {
  compileFilter,
  createLogger,
  openSearchIndex,
  type SearchFilter,
  type SearchIndex,
  searchFilter,
} from "@uplift/core";
import { mulberry32 } from "./seeded-random.ts";

const ROWS = Number(process.env.UPLIFT_BENCH_ROWS ?? 1_000_000);
const BATCH = Number(process.env.UPLIFT_BENCH_BATCH ?? 10_000);
const VOCABULARY = 50_000;
const ZIPF_S = 1.0;
const GROUPS = 200;
const PUBLIC_SHARE = 0.05;
const READER_GROUPS = 6; // public 5 % + ~5.6 % sharing a group ≈ 10.6 % of rows readable
const QUERIES = 200;
const WARMUP = 20;
const K = 10;

/** 50k distinct pronounceable words of 2–4 consonant-vowel syllables (plus a final consonant sometimes). */
function vocabulary(random: () => number): string[] {
  const consonants = "bcdfghjklmnprstvwz";
  const vowels = "aeiou";
  const pick = (s: string) => s[Math.floor(random() * s.length)] as string;
  const words = new Set<string>();
  while (words.size < VOCABULARY) {
    let word = "";
    const syllables = 2 + Math.floor(random() * 3);
    for (let i = 0; i < syllables; i++) word += pick(consonants) + pick(vowels);
    if (random() < 0.4) word += pick(consonants);
    words.add(word);
  }
  return [...words];
}

/** Samples ranks 0..n-1 with P(r) ∝ 1/(r+1)^s by binary search over the CDF. */
function zipfSampler(n: number, s: number, random: () => number): () => number {
  const cdf = new Float64Array(n);
  let total = 0;
  for (let r = 0; r < n; r++) {
    total += 1 / (r + 1) ** s;
    cdf[r] = total;
  }
  return () => {
    const u = random() * total;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((cdf[mid] as number) < u) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

interface Chunk {
  id: string;
  text: string;
  acl_groups: string[];
  public: boolean;
}

function* chunkBatches(words: string[]): Generator<Chunk[]> {
  const random = mulberry32(42);
  const zipf = zipfSampler(VOCABULARY, ZIPF_S, random);
  for (let start = 0; start < ROWS; start += BATCH) {
    const batch: Chunk[] = [];
    for (let i = start; i < Math.min(start + BATCH, ROWS); i++) {
      const length = 80 + Math.floor(random() * 41);
      const tokens = new Array<string>(length);
      for (let j = 0; j < length; j++) tokens[j] = words[zipf()] as string;
      const isPublic = random() < PUBLIC_SHARE;
      const groups = isPublic
        ? []
        : Array.from({ length: 1 + Math.floor(random() * 2) }, () => group(random));
      batch.push({ id: `chunk-${i}`, text: tokens.join(" "), acl_groups: groups, public: isPublic });
    }
    yield batch;
  }
}

const group = (random: () => number) => `group-${Math.floor(random() * GROUPS)}`;

/** Query sets: words drawn from the corpus distribution, and mid-frequency words (ranks 100–10,000). */
function queries(words: string[], kind: "zipf" | "mid", seed: number): string[] {
  const random = mulberry32(seed);
  const zipf = zipfSampler(VOCABULARY, ZIPF_S, random);
  return Array.from({ length: QUERIES }, () => {
    const length = 2 + Math.floor(random() * 3);
    return Array.from(
      { length },
      () => words[kind === "zipf" ? zipf() : 100 + Math.floor(random() * 9_900)],
    ).join(" ");
  });
}

function readers(seed: number): SearchFilter[] {
  const random = mulberry32(seed);
  return Array.from({ length: QUERIES }, () =>
    searchFilter.readableBy({ groups: Array.from({ length: READER_GROUPS }, () => group(random)) }),
  );
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] as number;
const seconds = (ms: number) => (ms / 1000).toFixed(1);

type Table = Awaited<ReturnType<SearchIndex["openTable"]>>;

/** Debug events of the search driver; the filtered-BM25 fallbacks are counted per measurement. */
const driverEvents: Record<string, unknown>[] = [];
const FALLBACK = "too few allowed rows after bm25, prefiltering";

async function latency(
  label: string,
  table: Table,
  texts: string[],
  filters?: SearchFilter[],
): Promise<void> {
  for (let i = 0; i < WARMUP; i++) {
    await table.search({
      mode: "bm25",
      text: texts[i] as string,
      k: K,
      ...(filters ? { filter: filters[i] } : {}),
    });
  }
  const times: number[] = [];
  let hits = 0;
  const fallbacksBefore = driverEvents.filter((e) => e.msg === FALLBACK).length;
  for (let i = 0; i < texts.length; i++) {
    const started = performance.now();
    const result = await table.search({
      mode: "bm25",
      text: texts[i] as string,
      k: K,
      ...(filters ? { filter: filters[i] } : {}),
    });
    times.push(performance.now() - started);
    hits += result.length;
  }
  times.sort((a, b) => a - b);
  const mean = times.reduce((a, b) => a + b, 0) / times.length;
  console.log(
    `${label.padEnd(46)} p50 ${percentile(times, 0.5).toFixed(1).padStart(6)} ms  p95 ${percentile(times, 0.95).toFixed(1).padStart(6)} ms  p99 ${percentile(times, 0.99).toFixed(1).padStart(6)} ms  mean ${mean.toFixed(1).padStart(6)} ms  hits/query ${(hits / texts.length).toFixed(1)}${filters ? `  prefilter fallbacks ${driverEvents.filter((e) => e.msg === FALLBACK).length - fallbacksBefore}` : ""}`,
  );
}

/** For comparison: LanceDB's own prefiltered search (filter as a row mask before the top-k cut). */
async function rawPrefilter(dir: string, texts: string[], filters: SearchFilter[]): Promise<void> {
  const connection = await connect(path.join(dir, "lance"));
  const table = await connection.openTable("chunks");
  const columns = new Map([
    ["acl_groups", "string[]"],
    ["public", "boolean"],
  ] as const);
  const times: number[] = [];
  for (let i = 0; i < texts.length + WARMUP; i++) {
    const where = compileFilter(filters[i % filters.length] as SearchFilter, columns);
    const started = performance.now();
    await table
      .query()
      .fullTextSearch(new MatchQuery(texts[i % texts.length] as string, "text"))
      .where(where)
      .select(["id", "text", "title", "acl_groups", "public", "_score"])
      .limit(K)
      .toArray();
    if (i >= WARMUP) times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  console.log(
    `${"  (LanceDB prefilter alone, same queries)".padEnd(46)} p50 ${percentile(times, 0.5).toFixed(1).padStart(6)} ms  p95 ${percentile(times, 0.95).toFixed(1).padStart(6)} ms`,
  );
  table.close();
  connection.close();
}

function directoryBytes(dir: string): number {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    total += entry.isDirectory() ? directoryBytes(full) : statSync(full).size;
  }
  return total;
}

/** Collects the info logs of the search driver (index build timings). */
function captureLogs(): { logger: ReturnType<typeof createLogger>; events: Record<string, unknown>[] } {
  const events = driverEvents;
  const destination = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split("\n")) if (line.trim()) events.push(JSON.parse(line));
      done();
    },
  });
  return { logger: createLogger({ level: "debug", destination }), events };
}

async function main(): Promise<void> {
  const { logger, events } = captureLogs();
  const dir = mkdtempSync(path.join(tmpdir(), "uplift-bench-search-"));
  let peakRss = 0;
  const sampleRss = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }, 200);
  try {
    console.log(
      `search-1m: ${ROWS.toLocaleString("en")} chunks of 80–120 words, batches of ${BATCH.toLocaleString("en")}, vocabulary ${VOCABULARY.toLocaleString("en")} (Zipf s=${ZIPF_S}), data in ${dir}`,
    );
    const words = vocabulary(mulberry32(7));
    let index = await openSearchIndex({ dataDir: dir, logger });
    const columns = { acl_groups: "string[]", public: "boolean" } as const;
    const table = await index.openTable({ name: "chunks", columns });

    let generateMs = 0;
    let upsertMs = 0;
    let mark = performance.now();
    for (const batch of chunkBatches(words)) {
      const generated = performance.now();
      generateMs += generated - mark;
      await table.upsert(batch);
      mark = performance.now();
      upsertMs += mark - generated;
    }
    console.log(
      `insert (upsert via mergeInsert)             ${seconds(upsertMs)} s  (+ ${seconds(generateMs)} s generating the text in JS)`,
    );

    let started = performance.now();
    await table.ensureIndexes();
    const indexMs = performance.now() - started;
    const ftsEvent = events.find((e) => e.msg === "full-text index built");
    console.log(
      `ensureIndexes (compaction + BM25 index)     ${seconds(indexMs)} s  (BM25 build alone ${seconds(Number(ftsEvent?.ms))} s)`,
    );
    console.log(
      `insert + index total                        ${seconds(upsertMs + indexMs)} s  (target < 300 s)`,
    );
    console.log(
      `on disk                                     ${(directoryBytes(dir) / 1e6).toFixed(0)} MB; rows ${await table.count()}`,
    );

    const zipfQueries = queries(words, "zipf", 101);
    const midQueries = queries(words, "mid", 202);
    const aclReaders = readers(303);
    const readable = await table.count(aclReaders[0]);
    console.log(
      `ACL filter of the first reader matches       ${((100 * readable) / ROWS).toFixed(1)} % of rows`,
    );
    await latency("BM25, Zipf-drawn words", table, zipfQueries);
    await latency("BM25, mid-frequency words", table, midQueries);
    await latency("BM25 + ACL filter, no scalar index", table, zipfQueries, aclReaders);

    const indexed = await index.openTable({
      name: "chunks",
      columns: { acl_groups: { type: "string[]", index: true }, public: { type: "boolean", index: true } },
    });
    started = performance.now();
    await indexed.ensureIndexes();
    console.log(`scalar indexes (label list + bitmap)        ${seconds(performance.now() - started)} s`);
    await latency("BM25 + ACL filter, label-list + bitmap", indexed, zipfQueries, aclReaders);
    await latency("BM25 + ACL filter, mid-frequency words", indexed, midQueries, aclReaders);
    await rawPrefilter(dir, zipfQueries, aclReaders);

    const batches = chunkBatches(words);
    const replaced = (batches.next().value as Chunk[])
      .slice(0, 1_000)
      .map((c) => ({ ...c, text: `${c.text} zzupdated` }));
    const added = replaced.map((c) => ({ ...c, id: `${c.id}-new` }));
    started = performance.now();
    await indexed.upsert([...replaced, ...added]);
    console.log(`upsert 1,000 replaced + 1,000 new rows       ${seconds(performance.now() - started)} s`);
    await latency("BM25 with 2,000 unindexed rows", indexed, zipfQueries);
    started = performance.now();
    await indexed.ensureIndexes();
    console.log(`ensureIndexes after that write              ${seconds(performance.now() - started)} s`);
    await latency("BM25 after ensureIndexes", indexed, zipfQueries);

    await index.close();
    started = performance.now();
    index = await openSearchIndex({ dataDir: dir, logger });
    const reopened = await index.openTable({ name: "chunks", columns });
    await reopened.search({ mode: "bm25", text: zipfQueries[0] as string, k: K });
    console.log(`reopen + first query (cold)                 ${(performance.now() - started).toFixed(0)} ms`);
    await index.close();
    console.log(`peak RSS                                    ${(peakRss / 1e6).toFixed(0)} MB`);
  } finally {
    clearInterval(sampleRss);
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
