/**
 * What the public-data retrieval benchmarks (bench/kb-beir.ts, bench/kb-awsdocs.ts) share: the
 * Lucene/Anserini-style reference runs, Uplift through its CLI contract in a fresh data dir, and
 * the result table. Bench code only.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { promisify } from "node:util";
import * as lancedb from "@lancedb/lancedb";
import { openSearchIndex, openStore, silentLogger } from "@uplift/core";
import { ANONYMOUS_READER, evaluateRetrieval, KbSearcher, meanScores } from "@uplift/kb";
import { ReferenceBm25, type ReferenceDoc } from "./bm25-reference.ts";
import { LsiModel, serveEmbeddings } from "./lsi-embedder.ts";

const execFileAsync = promisify(execFile);

export interface Query {
  id: string;
  text: string;
}
export type Qrels = Map<string, Map<string, number>>;
export interface Row {
  system: string;
  ndcg: number;
  recall: number;
  mrr: number;
  seconds: number;
}

/** The reference BM25 at Anserini's settings (k1 0.9, b 0.4; lossy and exact length) and LanceDB's. */
export function referenceRows(docs: ReferenceDoc[], queries: Query[], qrels: Qrels, k: number): Row[] {
  const rows: Row[] = [];
  for (const [k1, b, exactLength] of [
    [0.9, 0.4, false],
    [0.9, 0.4, true],
    [1.2, 0.75, false], // LanceDB's (and Lucene's default) parameters, for comparison
  ] as const) {
    const start = performance.now();
    const reference = new ReferenceBm25(docs, { k1, b, exactLength });
    const scores = meanScores(
      queries.map((q) => ({ ranking: reference.search(q.text, k), judgments: qrels.get(q.id) ?? new Map() })),
      k,
    );
    rows.push({
      system: `reference BM25 k1=${k1} b=${b} (${exactLength ? "exact" : "Lucene's lossy"} doc length)`,
      ...scores,
      seconds: (performance.now() - start) / 1000,
    });
  }
  return rows;
}

/**
 * Uplift as a new user runs it: `kb source add NAME --type TYPE --path P`, `kb sync`, `kb eval
 * --queries --qrels --json`; then the same index through `KbSearcher` with the title/heading boosts
 * off, and the reference on Uplift's own chunks. With `embedder` (an OpenAI-compatible endpoint)
 * the index is hybrid and only the `kb eval` row is measured. `prepare` may write the source's files into the work dir and returns the `--path`.
 */
export async function upliftRows(
  source: { type: string; prepare: (work: string) => string },
  queries: Query[],
  qrels: Qrels,
  k: number,
  embedder?: { baseUrl: string; model: string; fusionWeights: number[] },
): Promise<Row[]> {
  const rows: Row[] = [];
  const work = mkdtempSync(path.join(tmpdir(), "kb-quality-"));
  try {
    const sourcePath = source.prepare(work);
    const queriesFile = path.join(work, "queries.jsonl");
    writeFileSync(queriesFile, queries.map((q) => JSON.stringify({ id: q.id, text: q.text })).join("\n"));
    const qrelsFile = path.join(work, "qrels.tsv");
    writeFileSync(
      qrelsFile,
      [...qrels].flatMap(([q, docs]) => [...docs].map(([d, grade]) => `${q}\t${d}\t${grade}`)).join("\n"),
    );
    const dataDir = path.join(work, "data");
    const cli = path.resolve(import.meta.dirname, "../apps/cli/bin/uplift.js");
    // asynchronous: the embedder of hybridRows answers from this process while the CLI runs
    const uplift = async (args: string[], fusionWeight = 1) =>
      (
        await execFileAsync(process.execPath, [cli, "--data-dir", dataDir, ...args], {
          encoding: "utf8",
          env: {
            ...process.env,
            UPLIFT_LOG_LEVEL: "warn",
            ...(embedder && {
              UPLIFT_EMBEDDER_BASE_URL: embedder.baseUrl,
              UPLIFT_EMBEDDER_MODEL: embedder.model,
              UPLIFT_EMBEDDER_FUSION_WEIGHT: String(fusionWeight),
            }),
          },
          maxBuffer: 64 * 1024 * 1024,
        })
      ).stdout;
    await uplift(["kb", "source", "add", "bench", "--type", source.type, "--path", sourcePath]);
    let start = performance.now();
    const sync = await uplift(["kb", "sync", "--json"]);
    console.log(
      `uplift kb sync${embedder ? " (with embedder)" : ""}: ${((performance.now() - start) / 1000).toFixed(1)} s ${JSON.stringify(JSON.parse(sync))}`,
    );
    for (const fusionWeight of embedder?.fusionWeights ?? [1]) {
      start = performance.now();
      const report = JSON.parse(
        await uplift(
          ["kb", "eval", "--queries", queriesFile, "--qrels", qrelsFile, "--k", String(k), "--json"],
          fusionWeight,
        ),
      ) as Record<string, number | string>;
      rows.push({
        system: `uplift kb eval (${report.retrieval}${embedder ? `, embedder.fusion_weight ${fusionWeight}` : ""})`,
        ndcg: Number(report[`ndcg@${k}`]),
        recall: Number(report[`recall@${k}`]),
        mrr: Number(report[`mrr@${k}`]),
        seconds: (performance.now() - start) / 1000,
      });
    }
    if (embedder) return rows; // the rows below are about BM25 alone
    const store = await openStore({ dataDir, logger: silentLogger() });
    const index = await openSearchIndex({ dataDir, logger: silentLogger() });
    try {
      const searcher = new KbSearcher({ store, index });
      start = performance.now();
      const scores = await evaluateRetrieval(queries, qrels, k, async (text, top) =>
        (
          await searcher.search({
            query: text,
            k: top,
            reader: ANONYMOUS_READER,
            boosts: { title: 0, heading: 0 },
          })
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
    rows.push(await referenceOnChunks(dataDir, queries, qrels, k));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  return rows;
}

/**
 * The reference BM25 (k1 0.9, b 0.4) on the very chunks Uplift indexed (title + heading path +
 * body, as stored in LanceDB), each document ranked by its best chunk: the same data as Uplift's
 * scorer sees, so the difference left is the scorer and its analysis alone.
 */
async function referenceOnChunks(dataDir: string, queries: Query[], qrels: Qrels, k: number): Promise<Row> {
  const db = await lancedb.connect(path.join(dataDir, "lance"));
  const table = await db.openTable("kb_chunks");
  const chunks = (await table.query().select(["id", "doc_id", "text"]).toArray()) as {
    id: string;
    doc_id: string;
    text: string;
  }[];
  db.close();
  const start = performance.now();
  const docOf = new Map(chunks.map((c) => [c.id, c.doc_id]));
  const reference = new ReferenceBm25(
    chunks.map((c) => ({ id: c.id, text: c.text })),
    { k1: 0.9, b: 0.4 },
  );
  const ranking = (text: string) => {
    const docs: string[] = [];
    for (const id of reference.search(text, 50 * k)) {
      const doc = docOf.get(id) as string;
      if (!docs.includes(doc)) docs.push(doc);
      if (docs.length === k) break;
    }
    return docs;
  };
  return {
    system: `reference BM25 k1=0.9 b=0.4 on Uplift's ${chunks.length} chunks (best chunk per document)`,
    ...meanScores(
      queries.map((q) => ({ ranking: ranking(q.text), judgments: qrels.get(q.id) ?? new Map() })),
      k,
    ),
    seconds: (performance.now() - start) / 1000,
  };
}

/**
 * Hybrid retrieval with the embedder that can be made here (bench/lsi-embedder.ts, trained on the
 * documents): the LSI vectors alone over whole documents (brute-force cosine), then Uplift's
 * `kb eval` with `embedder.base_url` pointing at the model's endpoint (BM25 + vectors, RRF), at
 * `embedder.fusion_weight` 1, 0.5 and 0.25. With `external` (a real model's endpoint), only the
 * Uplift rows, with that model instead of LSI.
 */
export async function hybridRows(
  docs: ReferenceDoc[],
  source: { type: string; prepare: (work: string) => string },
  queries: Query[],
  qrels: Qrels,
  k: number,
  external?: { baseUrl: string; model: string },
): Promise<Row[]> {
  const fusionWeights = [1, 0.5, 0.25];
  if (external) return upliftRows(source, queries, qrels, k, { ...external, fusionWeights });
  let start = performance.now();
  const model = new LsiModel(docs.map((d) => d.text));
  console.log(
    `LSI model (rank ${model.rank}) trained in ${((performance.now() - start) / 1000).toFixed(1)} s`,
  );
  start = performance.now();
  const vectors = docs.map((d) => model.embed(d.text));
  const ranking = (text: string) => {
    const q = model.embed(text);
    return vectors
      .map((v, i) => ({ i, score: v.reduce((sum, x, c) => sum + x * (q[c] as number), 0) }))
      .sort((a, b) => b.score - a.score)
      .slice(0, k)
      .map(({ i }) => (docs[i] as ReferenceDoc).id);
  };
  const rows: Row[] = [
    {
      system: `LSI vectors alone (rank ${model.rank}, whole documents)`,
      ...meanScores(
        queries.map((q) => ({ ranking: ranking(q.text), judgments: qrels.get(q.id) ?? new Map() })),
        k,
      ),
      seconds: (performance.now() - start) / 1000,
    },
  ];
  const { baseUrl, server } = await serveEmbeddings(model);
  try {
    rows.push(
      ...(await upliftRows(source, queries, qrels, k, {
        baseUrl,
        model: `lsi-${model.rank}`,
        fusionWeights,
      })),
    );
  } finally {
    server.close();
  }
  return rows;
}

/** The benches' flags for hybrid rows: `--hybrid` (LSI made here) or a served model. */
export const EMBEDDER_OPTIONS = {
  hybrid: { type: "boolean", default: false },
  "embedder-url": { type: "string" },
  "embedder-model": { type: "string" },
} as const;

/** Reference rows, Uplift's BM25 rows and, when the flags ask for them, the hybrid rows. */
export async function allRows(
  docs: ReferenceDoc[],
  source: { type: string; prepare: (work: string) => string },
  queries: Query[],
  qrels: Qrels,
  k: number,
  flags: { hybrid?: boolean; "embedder-url"?: string; "embedder-model"?: string },
): Promise<Row[]> {
  const rows = referenceRows(docs, queries, qrels, k);
  rows.push(...(await upliftRows(source, queries, qrels, k)));
  const url = flags["embedder-url"];
  const model = flags["embedder-model"];
  const external = url && model ? { baseUrl: url, model } : undefined;
  if (flags.hybrid || external) rows.push(...(await hybridRows(docs, source, queries, qrels, k, external)));
  return rows;
}

/** The Markdown table: every row against the first (the reference) and, when given, a published figure. */
export function printRows(rows: Row[], k: number, published?: number): void {
  const reference = rows[0] as Row;
  console.log(
    `\n| system | nDCG@${k} | Recall@${k} | MRR@${k} | vs reference nDCG${published ? " | vs published" : ""} | time |`,
  );
  for (const row of rows) {
    const vs = (base: number) => `${(((row.ndcg - base) / base) * 100).toFixed(1)} %`;
    console.log(
      `| ${row.system} | ${row.ndcg.toFixed(4)} | ${row.recall.toFixed(4)} | ${row.mrr.toFixed(4)} | ${vs(reference.ndcg)}${published ? ` | ${vs(published)}` : ""} | ${row.seconds.toFixed(1)} s |`,
    );
  }
}
