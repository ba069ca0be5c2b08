/**
 * Writes BEIR SciFact's test split (corpus.jsonl, queries.jsonl, qrels/test.tsv) from the SciFact
 * release exported as CSV (`corpus_train.csv`: doc_id, title, abstract as a NumPy array of
 * sentences; `claims_validation.csv`: id, claim, …, cited_doc_ids), the way BEIR built it:
 * a document is its title and its abstract sentences joined by spaces; the queries are the 300
 * dev claims; a claim's relevant documents are its cited documents (relevance 1). For
 * bench/kb-beir.ts; docs/benchmarks.md says where the CSV files come from.
 *   node bench/beir-scifact-from-csv.ts SRC_DIR OUT_DIR
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

const [src, out] = process.argv.slice(2);
if (!src || !out) {
  console.error("usage: node bench/beir-scifact-from-csv.ts SRC_DIR OUT_DIR");
  process.exit(2);
}

/** RFC 4180 CSV: quoted fields may hold commas, doubled quotes and newlines. */
function parseCsv(text: string): Record<string, string>[] {
  const records: string[][] = [];
  let field = "";
  let record: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') field += text[i++];
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      record.push(field);
      field = "";
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") i++;
      record.push(field);
      records.push(record);
      record = [];
      field = "";
    } else field += c;
  }
  if (field || record.length) records.push([...record, field]);
  const [header = [], ...rows] = records;
  return rows.map((row) => Object.fromEntries(header.map((name, i) => [name, row[i] ?? ""])));
}

const PYTHON_ESCAPES: Record<string, string> = { n: "\n", t: "\t", r: "\r", "\\": "\\", "'": "'", '"': '"' };

/** The sentences of a NumPy array repr: Python string literals, '…' or "…", with backslash escapes. */
function pythonStrings(repr: string): string[] {
  return [...repr.matchAll(/'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)"/gs)].map((m) =>
    (m[1] ?? m[2] ?? "").replace(/\\(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|.)/gs, (_, e: string) =>
      e.length > 1 ? String.fromCodePoint(Number.parseInt(e.slice(1), 16)) : (PYTHON_ESCAPES[e] ?? `\\${e}`),
    ),
  );
}

mkdirSync(path.join(out, "qrels"), { recursive: true });
const corpus = parseCsv(readFileSync(path.join(src, "corpus_train.csv"), "utf8"));
writeFileSync(
  path.join(out, "corpus.jsonl"),
  corpus
    .map((row) =>
      JSON.stringify({
        _id: row.doc_id,
        title: row.title,
        text: pythonStrings(row.abstract ?? "").join(" "),
      }),
    )
    .join("\n"),
);
const claims = new Map<string, string>();
const qrels = new Set<string>();
for (const row of parseCsv(readFileSync(path.join(src, "claims_validation.csv"), "utf8"))) {
  const id = row.id as string;
  claims.set(id, row.claim as string);
  for (const doc of (row.cited_doc_ids ?? "").match(/\d+/g) ?? []) qrels.add(`${id}\t${doc}\t1`);
}
writeFileSync(
  path.join(out, "queries.jsonl"),
  [...claims].map(([id, text]) => JSON.stringify({ _id: id, text })).join("\n"),
);
writeFileSync(path.join(out, "qrels", "test.tsv"), ["query-id\tcorpus-id\tscore", ...qrels].join("\n"));
console.log(`${corpus.length} documents, ${claims.size} queries, ${qrels.size} judgments → ${out}`);
