/**
 * Retrieval quality of `uplift kb` on a public *documentation* question set: the AWS
 * Documentation Dataset (github.com/siagholami/aws-documentation, CC BY 4.0) — the Markdown
 * sources of 202 AWS guides and 100 questions, each labelled by its authors with the one document
 * that answers it (`QA_true.csv`: Question, Answer_True, Yes_No_True, Document_True as
 * `GUIDE/FILE.md`). Uplift indexes the guides as a user would (`kb source add --type markdown`,
 * `kb sync`, `kb eval`); the Lucene/Anserini-style reference BM25 (bench/bm25-reference.ts)
 * indexes the same files whole, as they are on disk. Run after `npx tsc -b`:
 *   node bench/kb-awsdocs.ts CHECKOUT [--hybrid] [--embedder-url URL --embedder-model NAME]
 * `--hybrid` adds BM25 + vectors with the embedder made here (bench/lsi-embedder.ts); with
 * `--embedder-url`/`--embedder-model` the vectors come from that OpenAI-compatible endpoint.
 * CHECKOUT is a work tree (or `git archive` extract) of that repository: QA_true.csv and
 * documents/GUIDE/doc_source/**. The documents are copied to a temp dir as GUIDE/PATH (what
 * `Document_True` names) and deleted afterwards; nothing of the data is in this repository.
 */
import { cpSync, existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { parse as parseCsv } from "csv-parse/sync";
import { allRows, EMBEDDER_OPTIONS, printRows, type Qrels, type Query } from "./kb-quality.ts";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    ...EMBEDDER_OPTIONS,
  },
});
const checkout = positionals[0];
if (!checkout || !existsSync(path.join(checkout, "QA_true.csv"))) {
  console.error("usage: node bench/kb-awsdocs.ts CHECKOUT   (a copy of siagholami/aws-documentation)");
  process.exit(2);
}
const K = 10;
const DOC_FILE = /\.(md|mdx|adoc|rst)$/i; // what the markdown source reads

// ---- the corpus: every guide's doc_source, named GUIDE/PATH ----
const documentsDir = path.join(checkout, "documents");
const guides = readdirSync(documentsDir).filter((guide) =>
  existsSync(path.join(documentsDir, guide, "doc_source")),
);
const docs: { id: string; file: string }[] = [];
for (const guide of guides) {
  const root = path.join(documentsDir, guide, "doc_source");
  for (const entry of readdirSync(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !DOC_FILE.test(entry.name)) continue;
    const file = path.join(entry.parentPath, entry.name);
    docs.push({ id: `${guide}/${path.relative(root, file).split(path.sep).join("/")}`, file });
  }
}
const docIds = new Set(docs.map((d) => d.id));

// ---- the questions and their labelled documents ----
const records = parseCsv(readFileSync(path.join(checkout, "QA_true.csv")), {
  bom: true,
  columns: true,
  skip_empty_lines: true,
}) as Record<string, string>[];
const queries: Query[] = [];
const qrels: Qrels = new Map();
for (const [i, record] of records.entries()) {
  const question = record.Question?.trim();
  const doc = record.Document_True?.trim();
  if (!question || !doc) continue;
  if (!docIds.has(doc)) {
    console.error(`QA_true.csv row ${i + 2}: labelled document ${doc} is not in the corpus`);
    process.exit(2);
  }
  const id = `q${i + 1}`;
  queries.push({ id, text: question });
  qrels.set(id, new Map([[doc, 1]]));
}
console.log(
  `aws-documentation: ${docs.length} documents in ${guides.length} guides, ${queries.length} questions`,
);

// The reference indexes each file whole, as it is on disk (its first heading is its title).
const referenceDocs = docs.map((d) => ({ id: d.id, text: readFileSync(d.file, "utf8") }));
const source = {
  type: "markdown",
  prepare: (work: string) => {
    const corpus = path.join(work, "docs");
    for (const d of docs) cpSync(d.file, path.join(corpus, d.id));
    return corpus;
  },
};
const rows = await allRows(referenceDocs, source, queries, qrels, K, values);
printRows(rows, K);
