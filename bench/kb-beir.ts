/**
 * Retrieval quality of `uplift kb` on a public BEIR data set, against a Lucene/Anserini-style BM25
 * (k1 = 0.9, b = 0.4) run on the same files (bench/bm25-reference.ts) and, when given, the
 * published Anserini figure. Uplift runs through its CLI contract: `kb source add --type jsonl`,
 * `kb sync`, `kb eval --queries --qrels --json`, in a fresh data dir (deleted afterwards).
 * Run after `npx tsc -b`:
 *   node bench/kb-beir.ts DIR [--split test] [--published NDCG@10] [--hybrid] [--embedder-url URL --embedder-model NAME]
 * `--hybrid` adds BM25 + vectors with the embedder made here (bench/lsi-embedder.ts); with
 * `--embedder-url`/`--embedder-model` the vectors come from that OpenAI-compatible endpoint.
 * DIR is a BEIR data set as distributed: corpus.jsonl ({ _id, title, text }), queries.jsonl
 * ({ _id, text }) and qrels/SPLIT.tsv (header row, then query-id, corpus-id, score). The data stays
 * outside the repository (docs/benchmarks.md says where it came from).
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { allRows, EMBEDDER_OPTIONS, printRows, type Qrels } from "./kb-quality.ts";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    split: { type: "string", default: "test" },
    published: { type: "string" },
    ...EMBEDDER_OPTIONS,
  },
});
const dir = positionals[0];
if (!dir) {
  console.error(
    "usage: node bench/kb-beir.ts DIR [--split test] [--published NDCG@10] [--hybrid] [--embedder-url URL --embedder-model NAME]",
  );
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
const qrels: Qrels = new Map();
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

const referenceDocs = corpus.map((d) => ({ id: d.id, text: `${d.title} ${d.text}` }));
const source = {
  type: "jsonl",
  prepare: (work: string) => {
    const docsFile = path.join(work, "docs.jsonl");
    writeFileSync(
      docsFile,
      corpus.map((d) => JSON.stringify({ id: d.id, title: d.title, text: d.text })).join("\n"),
    );
    return docsFile;
  },
};
const rows = await allRows(referenceDocs, source, queries, qrels, K, values);
printRows(rows, K, values.published ? Number(values.published) : undefined);
