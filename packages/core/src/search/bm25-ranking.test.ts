import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openSearchIndex } from "./index.js";
import type { SearchIndex, SearchTable } from "./types.js";

/**
 * A corpus small enough to rank by hand. Tokens after LanceDB's default analyzer (lowercase,
 * English stop words removed, Snowball stems), N = 8 documents, average length 6.25 tokens:
 *   d1 rollback fail releas run rollback script verifi rollback finish     (9)
 *   d2 releas checklist tag build publish note plan rollback need          (9)
 *   d3 deploy bill servic deploy pipelin                                   (5)
 *   d4 payment team deploy new databas schema                              (6)
 *   d5 databas backup run night restor databas latest backup               (8)
 *   d6 kafka consum lag broker slow                                        (5)
 *   d7 databas connect pool set public api gateway client                  (8)
 *   d8 (only stop words: nothing indexed)                                  (0)
 * BM25 (k1 = 1.2, b = 0.75): score = Σ idf(t) · tf·(k1+1) / (tf + k1·(1 − b + b·len/avg)),
 * idf(t) = ln(1 + (N − df + 0.5)/(df + 0.5)). The expected orders below follow from it; the
 * comments give the values of that formula (LanceDB's own scores differ by a few percent
 * because it stores document lengths approximately, which changes no order here).
 */
const corpus = [
  {
    id: "d1",
    text: "Rollback a failed release: run the rollback script, then verify that the rollback finished.",
  },
  { id: "d2", text: "Release checklist: tag the build, publish the notes and plan a rollback if needed." },
  { id: "d3", text: "Deploy the billing service with the deploy pipeline." },
  { id: "d4", text: "The payments team deployed a new database schema." },
  { id: "d5", text: "Database backups run nightly; restore a database from the latest backup." },
  { id: "d6", text: "Kafka consumers lag when the broker is slow." },
  { id: "d7", text: "Database connection pool settings for the public API gateway and its clients." },
  { id: "d8", text: "It is what it is, and that is that." },
];

let dir: string;
let index: SearchIndex;
let table: SearchTable;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "uplift-bm25-"));
  index = await openSearchIndex({ dataDir: dir });
  table = await index.openTable({ name: "docs" });
  await table.upsert(corpus);
  await table.ensureIndexes();
});

afterAll(async () => {
  await index?.close();
  rmSync(dir, { recursive: true, force: true });
});

const ids = async (text: string) => (await table.search({ mode: "bm25", text, k: 10 })).map((h) => h.id);

describe("BM25 ranking with the default English analyzer", () => {
  it("ranks the document with more occurrences of the term first (term frequency)", async () => {
    // Both have 9 tokens; rollback tf 3 vs 1: d1 1.84 > d2 1.09.
    expect(await ids("rollback")).toEqual(["d1", "d2"]);
  });

  it("lets a rare term outweigh a common one (inverse document frequency)", async () => {
    // idf(kafka) = ln 6 = 1.79 (df 1) against idf(database) = ln(1 + 5.5/3.5) = 0.94 (df 3):
    // d6 (kafka, 5 tokens) 1.95 > d5 (database twice) 1.20 > d4 (once, 6 tokens) 0.96 > d7 (once, 8 tokens) 0.85.
    expect(await ids("kafka database")).toEqual(["d6", "d5", "d4", "d7"]);
  });

  it("matches other forms of a word through stemming", async () => {
    // "deploying", "deploy" and "deployed" all stem to "deploy": d3 (tf 2, 5 tokens) 1.87 > d4 (tf 1) 1.30.
    expect(await ids("deploying")).toEqual(["d3", "d4"]);
    expect(await ids("deployments")).toEqual(["d3", "d4"]);
  });

  it("ignores stop words in the query", async () => {
    const withStopWords = await table.search({ mode: "bm25", text: "how to rollback the release", k: 10 });
    const without = await table.search({ mode: "bm25", text: "rollback release", k: 10 });
    // d1: 2.93 (rollback ×3, release ×1) > d2: 2.17.
    expect(withStopWords.map((h) => h.id)).toEqual(["d1", "d2"]);
    expect(withStopWords.map((h) => h.score)).toEqual(without.map((h) => h.score));
  });

  it("finds nothing for a query made of stop words only", async () => {
    expect(await ids("the of and")).toEqual([]);
    expect(await ids("it is what it is")).toEqual([]);
  });

  it("returns hits with decreasing scores, 1-based ranks and the stored row", async () => {
    const hits = await table.search({ mode: "bm25", text: "kafka database", k: 2 });
    expect(hits.map((h) => [h.id, h.rank])).toEqual([
      ["d6", 1],
      ["d5", 2],
    ]);
    expect(hits[0]?.score).toBeGreaterThan(hits[1]?.score ?? Number.POSITIVE_INFINITY);
    expect(hits[0]?.row).toEqual({ id: "d6", text: corpus[5]?.text, title: null });
  });
});
