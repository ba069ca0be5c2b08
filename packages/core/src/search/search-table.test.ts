import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ConflictError, InputError } from "../errors.js";
import { searchFilter as f } from "./filter.js";
import { openSearchIndex } from "./index.js";
import type { SearchIndex } from "./types.js";

let dir: string;
let index: SearchIndex;
let tableCount = 0;

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), "uplift-search-"));
});
beforeEach(async () => {
  index = await openSearchIndex({ dataDir: dir });
});
afterEach(async () => {
  await index.close();
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** Each test gets its own table, so tests stay independent within one data dir. */
const nextName = () => `t${++tableCount}`;

const vectorSpec = () =>
  ({ name: nextName(), vector: { dimension: 3 }, columns: { team: "string" } }) as const;

describe("vector search", () => {
  it("orders by cosine similarity and reports 1 − distance as the score", async () => {
    const table = await index.openTable(vectorSpec());
    await table.upsert([
      { id: "opposite", text: "o", vector: [-1, 0, 0] },
      { id: "diagonal", text: "d", vector: [1, 1, 0] },
      { id: "same", text: "s", vector: [2, 0, 0] },
      { id: "orthogonal", text: "r", vector: [0, 0, 5] },
      { id: "no-vector", text: "n" },
    ]);
    const hits = await table.search({ mode: "vector", vector: [1, 0, 0], k: 10 });
    expect(hits.map((h) => h.id)).toEqual(["same", "diagonal", "orthogonal", "opposite"]);
    const scores = hits.map((h) => h.score.toFixed(5));
    expect(scores).toEqual([1, Math.SQRT1_2, 0, -1].map((s) => s.toFixed(5)));
    expect(hits[0]?.row).toEqual({ id: "same", text: "s", title: null, team: null });
  });

  it("orders by squared euclidean distance on an l2 table", async () => {
    const table = await index.openTable({ name: nextName(), vector: { dimension: 3, distance: "l2" } });
    await table.upsert([
      { id: "far", text: "f", vector: [3, 0, 0] },
      { id: "near", text: "n", vector: [1, 0.5, 0] },
      { id: "mid", text: "m", vector: [0, 0, 1] },
    ]);
    const hits = await table.search({ mode: "vector", vector: [1, 0, 0], k: 2 });
    // distances 0.25, 2, 4 → the two nearest, scores −0.25 and −2.
    expect(hits.map((h) => h.id)).toEqual(["near", "mid"]);
    expect(hits[0]?.score).toBeCloseTo(-0.25, 5);
    expect(hits[1]?.score).toBeCloseTo(-2, 5);
  });

  it("rejects a query vector of the wrong length and vector search on a table without vectors", async () => {
    const table = await index.openTable(vectorSpec());
    await expect(table.search({ mode: "vector", vector: [1, 0], k: 1 })).rejects.toThrow(/3 finite numbers/);
    const plain = await index.openTable({ name: nextName() });
    await expect(plain.search({ mode: "vector", vector: [1, 0, 0], k: 1 })).rejects.toThrow(InputError);
    await expect(table.upsert([{ id: "x", text: "x", vector: [1, 2] }])).rejects.toThrow(
      /vector must be 3 numbers/,
    );
  });
});

describe("hybrid search", () => {
  // bm25 "rollback": p (tf 2) then q (tf 1). Vector [1,0,0] by cosine: r 1, q 0.8, p 0, s −1.
  // RRF (k = 60): p 1/61 + 1/63 = 0.032266, q 1/62 + 1/62 = 0.032258, r 1/61, s 1/64.
  const rows = [
    { id: "p", text: "rollback rollback", vector: [0, 1, 0], team: "ops" },
    { id: "q", text: "rollback steps", vector: [0.8, 0.6, 0], team: "eng" },
    { id: "r", text: "unrelated words", vector: [1, 0, 0], team: "eng" },
    { id: "s", text: "other topic", vector: [-1, 0, 0], team: "eng" },
  ];

  it("fuses the bm25 and vector lists by reciprocal rank", async () => {
    const table = await index.openTable(vectorSpec());
    await table.upsert(rows);
    const hits = await table.search({ mode: "hybrid", text: "rollback", vector: [1, 0, 0], k: 4 });
    expect(hits.map((h) => h.id)).toEqual(["p", "q", "r", "s"]);
    expect(hits[0]?.score).toBeCloseTo(1 / 61 + 1 / 63, 12);
    expect(hits[3]?.score).toBeCloseTo(1 / 64, 12);
    expect(hits.map((h) => h.rank)).toEqual([1, 2, 3, 4]);
  });

  it("weights the lists and applies the filter to both", async () => {
    const table = await index.openTable(vectorSpec());
    await table.upsert(rows);
    // weights [1, 2]: q 3/62 = 0.04839 > p 1/61 + 2/63 = 0.04814 > r 2/61 > s 2/64.
    const weighted = await table.search({
      mode: "hybrid",
      text: "rollback",
      vector: [1, 0, 0],
      k: 4,
      weights: [1, 2],
    });
    expect(weighted.map((h) => h.id)).toEqual(["q", "p", "r", "s"]);
    const filtered = await table.search({
      mode: "hybrid",
      text: "rollback",
      vector: [1, 0, 0],
      k: 2,
      filter: f.eq("team", "eng"),
    });
    // Without p: q 1/61 + 1/62 (bm25 rank 1 now), r 1/61.
    expect(filtered.map((h) => h.id)).toEqual(["q", "r"]);
  });

  it("needs both a text and a vector", async () => {
    const table = await index.openTable(vectorSpec());
    await expect(table.search({ mode: "hybrid", text: "x", k: 1 })).rejects.toThrow(/needs a query vector/);
    await expect(table.search({ mode: "hybrid", vector: [1, 0, 0], k: 1 })).rejects.toThrow(
      /needs a query text/,
    );
  });
});

describe("writes", () => {
  it("replaces a row on upsert by id, so its old text no longer matches", async () => {
    const table = await index.openTable({ name: nextName() });
    await table.upsert([
      { id: "a", text: "kubernetes rollout" },
      { id: "b", text: "kubernetes cluster" },
    ]);
    await table.ensureIndexes();
    await table.upsert([{ id: "a", text: "postgres vacuum", title: "DB" }]);
    expect(await table.count()).toBe(2);
    const ids = async (text: string) => (await table.search({ mode: "bm25", text, k: 5 })).map((h) => h.id);
    expect(await ids("rollout")).toEqual([]);
    expect(await ids("kubernetes")).toEqual(["b"]);
    const [hit] = await table.search({ mode: "bm25", text: "vacuum", k: 5 });
    expect(hit?.row).toEqual({ id: "a", text: "postgres vacuum", title: "DB" });
  });

  it("keeps the last of several rows with the same id in one upsert", async () => {
    const table = await index.openTable({ name: nextName() });
    await table.upsert([
      { id: "a", text: "first" },
      { id: "a", text: "second" },
    ]);
    expect(await table.count()).toBe(1);
    expect((await table.search({ mode: "bm25", text: "second", k: 1 })).map((h) => h.id)).toEqual(["a"]);
  });

  it("removes rows on delete and deleteWhere and reports how many existed", async () => {
    const table = await index.openTable({ name: nextName(), columns: { doc_id: "string" } });
    await table.upsert([
      { id: "a#1", text: "kafka lag", doc_id: "a" },
      { id: "a#2", text: "kafka broker", doc_id: "a" },
      { id: "b#1", text: "kafka consumer", doc_id: "b" },
      { id: "c#1", text: "redis", doc_id: "c" },
    ]);
    await table.ensureIndexes();
    expect(await table.delete(["c#1", "missing"])).toBe(1);
    expect(await table.deleteWhere(f.eq("doc_id", "a"))).toBe(2);
    expect(await table.count()).toBe(1);
    expect((await table.search({ mode: "bm25", text: "kafka", k: 10 })).map((h) => h.id)).toEqual(["b#1"]);
    expect(await table.delete([])).toBe(0);
  });

  it("rejects rows with unknown columns or values of the wrong type", async () => {
    const table = await index.openTable({ name: nextName(), columns: { stars: "number" } });
    await expect(table.upsert([{ id: "a", text: "x", stars: "many" as never }])).rejects.toThrow(
      /"stars" must be number/,
    );
    await expect(table.upsert([{ id: "a", text: "x", strs: 1 } as never])).rejects.toThrow(
      /unknown column "strs"/,
    );
    await expect(table.upsert([{ id: "", text: "x" }])).rejects.toThrow(/id must be a non-empty string/);
    expect(await table.count()).toBe(0);
  });
});

describe("index maintenance", () => {
  it("leaves up to deferUpToRows written rows to the flat scan, and folds them in past that", async () => {
    const table = await index.openTable({ name: nextName() });
    await table.upsert([{ id: "a", text: "alpha release" }]);
    await table.ensureIndexes({ deferUpToRows: 2 });
    expect((await table.indexStatus()).ftsIndex).toBe(true); // a missing index is built regardless
    await table.upsert([
      { id: "b", text: "beta release" },
      { id: "c", text: "gamma release" },
    ]);
    await table.ensureIndexes({ deferUpToRows: 2 });
    expect((await table.indexStatus()).unindexedRows).toBe(2);
    const found = await table.search({ mode: "bm25", text: "release", k: 5 });
    expect(found.map((h) => h.id).sort()).toEqual(["a", "b", "c"]);
    await table.upsert([{ id: "d", text: "delta release" }]);
    await table.ensureIndexes({ deferUpToRows: 2 });
    expect((await table.indexStatus()).unindexedRows).toBe(0);
  });

  it("finds rows written after the index build before ensureIndexes folds them in", async () => {
    const table = await index.openTable({ name: nextName() });
    await table.upsert([{ id: "a", text: "alpha release" }]);
    await table.ensureIndexes();
    await table.upsert([{ id: "b", text: "beta release" }]);
    await table.delete(["a"]);
    expect((await table.indexStatus()).unindexedRows).toBe(1);
    expect((await table.search({ mode: "bm25", text: "release", k: 5 })).map((h) => h.id)).toEqual(["b"]);
    await table.ensureIndexes();
    expect(await table.indexStatus()).toEqual({
      rows: 1,
      ftsIndex: true,
      unindexedRows: 0,
      indexes: ["text_idx"],
    });
    expect((await table.search({ mode: "bm25", text: "release", k: 5 })).map((h) => h.id)).toEqual(["b"]);
  });

  it("builds the BM25 index on the first text search when none exists yet", async () => {
    const table = await index.openTable({ name: nextName() });
    await table.upsert([{ id: "a", text: "gamma" }]);
    expect((await table.indexStatus()).ftsIndex).toBe(false);
    expect((await table.search({ mode: "bm25", text: "gamma", k: 1 })).map((h) => h.id)).toEqual(["a"]);
    expect((await table.indexStatus()).ftsIndex).toBe(true);
  });

  it("builds scalar indexes on indexed columns and rebuilds the text index when its tokenizer changes", async () => {
    const name = nextName();
    const columns = {
      acl_groups: { type: "string[]", index: true },
      public: { type: "boolean", index: true },
    } as const;
    const stemmed = await index.openTable({ name, columns });
    await stemmed.upsert([{ id: "a", text: "deploying", acl_groups: ["eng"], public: false }]);
    await stemmed.ensureIndexes();
    expect((await stemmed.indexStatus()).indexes.sort()).toEqual([
      "acl_groups_idx",
      "public_idx",
      "text_idx",
    ]);
    expect((await stemmed.search({ mode: "bm25", text: "deploy", k: 1 })).length).toBe(1);

    const exact = await index.openTable({ name, columns, fts: { stem: false } });
    await exact.ensureIndexes();
    expect((await exact.search({ mode: "bm25", text: "deploy", k: 1 })).length).toBe(0);
    expect((await exact.search({ mode: "bm25", text: "deploying", k: 1 })).length).toBe(1);
  });
});

describe("persistence", () => {
  it("keeps rows and indexes across a close and reopen", async () => {
    const name = nextName();
    const table = await index.openTable({ name, columns: { public: "boolean" } });
    await table.upsert([
      { id: "a", text: "persisted rollback", public: true },
      { id: "b", text: "persisted rollback rollback", public: false },
    ]);
    await table.ensureIndexes();
    const before = await table.search({ mode: "bm25", text: "rollback", k: 5 });
    await index.close();

    index = await openSearchIndex({ dataDir: dir });
    expect(await index.tableNames()).toContain(name);
    const reopened = await index.openTable({ name, columns: { public: "boolean" } });
    expect(await reopened.count()).toBe(2);
    expect(await reopened.search({ mode: "bm25", text: "rollback", k: 5 })).toEqual(before);
    expect(before.map((h) => h.id)).toEqual(["b", "a"]);
  });

  it("refuses to open a stored table with a spec whose columns differ", async () => {
    const name = nextName();
    await index.openTable({ name, columns: { repo: "string" } });
    await expect(index.openTable({ name, columns: { repo: "number" } })).rejects.toThrow(ConflictError);
    await expect(index.openTable({ name, columns: { repo: "number" } })).rejects.toThrow(
      /does not match its spec: column repo is Utf8, expected Float64/,
    );
  });

  it("drops a table and its rows", async () => {
    const name = nextName();
    const table = await index.openTable({ name });
    await table.upsert([{ id: "a", text: "x" }]);
    await index.dropTable(name);
    await index.dropTable(name);
    expect(await index.tableNames()).not.toContain(name);
    expect(await (await index.openTable({ name })).count()).toBe(0);
  });
});
