/**
 * Retrieval quality of `uplift kb` on a public BEIR data set, against a Lucene/Anserini-style BM25
 * (k1 = 0.9, b = 0.4) run on the same files (bench/bm25-reference.ts) and, when given, the
 * published Anserini figure. Uplift runs through its CLI contract: `kb source add --type jsonl`,
 * `kb sync`, `kb eval --queries --qrels --json`, in a fresh data dir (deleted afterwards).
 * Run after `npx tsc -b`:
 *   node bench/kb-beir.ts DIR [--split test] [--published NDCG@10]
 * DIR is a BEIR data set as distributed: corpus.jsonl ({ _id, title, text }), queries.jsonl
 * ({ _id, text }) and qrels/SPLIT.tsv (header row, then query-id, corpus-id, score). The data stays
 * outside the repository (docs/benchmarks.md says where it came from).
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { openSearchIndex, openStore, silentLogger } from "@uplift/core";
import { ANONYMOUS_READER, evaluateRetrieval, KbSearcher, meanScores } from "@uplift/kb";
import { ReferenceBm25 } from "./bm25-reference.ts";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { split: { type: "string", default: "test" }, published: { type: "string" } },
});
const dir = positionals[0];
if (!dir) {
  console.error("usage: node bench/kb-beir.ts DIR [--split test] [--published NDCG@10]");
  process.exit(2);
}
const K = 10;

const jsonLines = (file: string) =>
  readFileSync(file, "utf8")
    .split("\n")
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as Record<string, unknown>);

const corpus = jsonLines(path.join(dir, "corpus.jsonl")).map((row) => ({
  id: String(row._id),
  title: String(row.title ?? ""),
  text: String(row.text ?? ""),
}));
const qrels = new Map<string, Map<string, number>>();
for (const line of readFileSync(path.join(dir, "qrels", `${values.split}.tsv`), "utf8")
  .split("\n")
  .slice(1)) {
  const [query, doc, score] = line.trim().split("\t");
  if (!query || !doc) continue;
  if (!qrels.has(query)) qrels.set(query, new Map());
  qrels.get(query)?.set(doc, Number(score));
}
const queries = jsonLines(path.join(dir, "queries.jsonl"))
  .map((row) => ({ id: String(row._id), text: String(row.text) }))
  .filter((q) => qrels.has(q.id));
console.log(
  `${path.basename(dir)}: ${corpus.length} documents, ${queries.length} judged queries (${values.split})`,
);

const rows: { system: string; ndcg: number; recall: number; mrr: number; seconds: number }[] = [];

// ---- the reference: Lucene-style BM25 over title + text ("flat", as Anserini indexes BEIR) ----
for (const [k1, b, exactLength] of [
  [0.9, 0.4, false],
  [0.9, 0.4, true],
  [1.2, 0.75, false], // LanceDB's (and Lucene's default) parameters, for comparison
] as const) {
  const start = performance.now();
  const reference = new ReferenceBm25(
    corpus.map((d) => ({ id: d.id, text: `${d.title} ${d.text}` })),
    { k1, b, exactLength },
  );
  const scores = meanScores(
    queries.map((q) => ({ ranking: reference.search(q.text, K), judgments: qrels.get(q.id) ?? new Map() })),
    K,
  );
  rows.push({
    system: `reference BM25 k1=${k1} b=${b} (${exactLength ? "exact" : "Lucene's lossy"} doc length)`,
    ...scores,
    seconds: (performance.now() - start) / 1000,
  });
}

// ---- Uplift through the CLI contract ----
const work = mkdtempSync(path.join(tmpdir(), "kb-beir-"));
try {
  const docsFile = path.join(work, "docs.jsonl");
  writeFileSync(
    docsFile,
    corpus.map((d) => JSON.stringify({ id: d.id, title: d.title, text: d.text })).join("\n"),
  );
  const queriesFile = path.join(work, "queries.jsonl");
  writeFileSync(queriesFile, queries.map((q) => JSON.stringify({ id: q.id, text: q.text })).join("\n"));
  const qrelsFile = path.join(work, "qrels.tsv");
  writeFileSync(
    qrelsFile,
    [...qrels].flatMap(([q, docs]) => [...docs].map(([d, grade]) => `${q}\t${d}\t${grade}`)).join("\n"),
  );
  const cli = path.resolve(import.meta.dirname, "../apps/cli/bin/uplift.js");
  const uplift = (...args: string[]) =>
    execFileSync(process.execPath, [cli, "--data-dir", path.join(work, "data"), ...args], {
      encoding: "utf8",
      env: { ...process.env, UPLIFT_LOG_LEVEL: "warn" },
      stdio: ["ignore", "pipe", "inherit"],
      maxBuffer: 64 * 1024 * 1024,
    });
  uplift("kb", "source", "add", "beir", "--type", "jsonl", "--path", docsFile);
  let start = performance.now();
  uplift("kb", "sync");
  console.log(`uplift kb sync: ${((performance.now() - start) / 1000).toFixed(1)} s`);
  start = performance.now();
  const report = JSON.parse(
    uplift("kb", "eval", "--queries", queriesFile, "--qrels", qrelsFile, "--k", String(K), "--json"),
  ) as Record<string, number | string>;
  rows.push({
    system: `uplift kb eval (${report.retrieval})`,
    ndcg: Number(report[`ndcg@${K}`]),
    recall: Number(report[`recall@${K}`]),
    mrr: Number(report[`mrr@${K}`]),
    seconds: (performance.now() - start) / 1000,
  });
  // the same index through the package API, with the title/heading boosts off
  const dataDir = path.join(work, "data");
  const store = await openStore({ dataDir, logger: silentLogger() });
  const index = await openSearchIndex({ dataDir, logger: silentLogger() });
  try {
    const searcher = new KbSearcher({ store, index });
    start = performance.now();
    const scores = await evaluateRetrieval(queries, qrels, K, async (text, k) =>
      (
        await searcher.search({ query: text, k, reader: ANONYMOUS_READER, boosts: { title: 0, heading: 0 } })
      ).results.map((hit) => hit.doc_id),
    );
    rows.push({
      system: "uplift KbSearcher, title/heading boosts off",
      ...scores,
      seconds: (performance.now() - start) / 1000,
    });
  } finally {
    await index.close();
    await store.close();
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}

const reference = rows[0] as (typeof rows)[number];
const published = values.published ? Number(values.published) : undefined;
console.log(
  `\n| system | nDCG@${K} | Recall@${K} | MRR@${K} | vs reference nDCG${published ? " | vs published" : ""} | time |`,
);
for (const row of rows) {
  const vs = (base: number) => `${(((row.ndcg - base) / base) * 100).toFixed(1)} %`;
  console.log(
    `| ${row.system} | ${row.ndcg.toFixed(4)} | ${row.recall.toFixed(4)} | ${row.mrr.toFixed(4)} | ${vs(reference.ndcg)}${published ? ` | ${vs(published)}` : ""} | ${row.seconds.toFixed(1)} s |`,
  );
}
