import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Writable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLogger } from "../logger.js";
import { compileFilter, searchFilter as f, type SearchFilter } from "./filter.js";
import { evaluateFilter } from "./filter-eval.js";
import { openSearchIndex } from "./index.js";
import type { SearchIndex, SearchMode, SearchQuery, SearchTable } from "./types.js";

const spec = {
  name: "acl_chunks",
  columns: {
    acl_groups: { type: "string[]", index: true },
    public: { type: "boolean", index: true },
    team: "string",
    stars: "number",
  },
  vector: { dimension: 3 },
} as const;

/**
 * 30 restricted rows that beat every public row on both lists (more "deploy", vectors closer to
 * the query) and 10 public rows: a filter applied after the top-k cut would return nothing.
 */
const rows = [
  ...Array.from({ length: 30 }, (_, i) => ({
    id: `secret-${i}`,
    text: "deploy deploy deploy",
    vector: [1, i / 1000, 0],
    acl_groups: ["secret", "o'ps"],
    public: false,
    team: "o'brien",
    stars: i,
  })),
  ...Array.from({ length: 10 }, (_, i) => ({
    id: `public-${i}`,
    text: `deploy guide number ${i} with more words`,
    vector: [0, 1, i / 10],
    acl_groups: [],
    public: true,
    team: "platform",
    stars: 100 + i,
  })),
];

let dir: string;
let index: SearchIndex;
let table: SearchTable;
const logs: { msg?: string }[] = [];

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "uplift-filter-"));
  const destination = new Writable({
    write(chunk, _encoding, done) {
      logs.push(JSON.parse(String(chunk)));
      done();
    },
  });
  index = await openSearchIndex({ dataDir: dir, logger: createLogger({ level: "debug", destination }) });
  table = await index.openTable(spec);
  await table.upsert(rows);
  await table.ensureIndexes();
});

afterAll(async () => {
  await index?.close();
  rmSync(dir, { recursive: true, force: true });
});

const query = (mode: SearchMode, extra: Partial<SearchQuery>): SearchQuery => ({
  mode,
  text: "deploy",
  vector: [1, 0, 0],
  k: 5,
  ...extra,
});

describe("filters", () => {
  it.each(["bm25", "vector", "hybrid"] as const)(
    "%s: never returns a restricted row to a reader without its group, and still fills k",
    async (mode) => {
      const hits = await table.search(query(mode, { filter: f.readableBy({ groups: ["eng"] }) }));
      expect(hits).toHaveLength(5);
      expect(hits.every((h) => h.id.startsWith("public-"))).toBe(true);
      const unfiltered = await table.search(query(mode, {}));
      expect(unfiltered.every((h) => h.id.startsWith("secret-"))).toBe(true);
    },
  );

  it("returns restricted rows to a member of one of their groups", async () => {
    const hits = await table.search(
      query("bm25", { k: 40, filter: f.readableBy({ groups: ["nobody", "secret"] }) }),
    );
    expect(hits).toHaveLength(40);
    expect(hits[0]?.id).toMatch(/^secret-/);
    expect(hits[0]?.row.acl_groups).toEqual(["secret", "o'ps"]);
  });

  it("matches values containing a quote literally and cannot be escaped from", async () => {
    expect(await table.count(f.eq("team", "o'brien"))).toBe(30);
    expect(await table.count(f.anyOf("acl_groups", ["o'ps"]))).toBe(30);
    expect(await table.count(f.eq("team", "x' OR '1'='1"))).toBe(0);
    expect(await table.count(f.eq("team", "o\\' OR TRUE --"))).toBe(0);
    const hits = await table.search(
      query("bm25", { k: 40, filter: f.eq("team", "' OR public = FALSE OR '") }),
    );
    expect(hits).toEqual([]);
  });

  it("applies in, range, not and combinations", async () => {
    expect(await table.count(f.in("team", ["platform", "o'brien"]))).toBe(40);
    expect(await table.count(f.range("stars", { gte: 105, lt: 108 }))).toBe(3);
    expect(await table.count(f.not(f.eq("public", true)))).toBe(30);
    const hits = await table.search(
      query("bm25", { k: 10, filter: f.and([f.eq("public", false), f.range("stars", { lte: 2 })]) }),
    );
    expect(hits.map((h) => h.id).sort()).toEqual(["secret-0", "secret-1", "secret-2"]);
  });
});

describe("filtered BM25 when the allowed rows rank deep", () => {
  it("falls back to LanceDB's prefilter when the first candidates hold too few allowed rows", async () => {
    const deep = await index.openTable({ name: "deep", columns: { public: "boolean" } });
    await deep.upsert([
      ...Array.from({ length: 400 }, (_, i) => ({
        id: `secret-${i}`,
        text: "rollback rollback",
        public: false,
      })),
      { id: "public-0", text: "rollback rollback notes", public: true },
      { id: "public-1", text: "rollback notes part one", public: true },
      { id: "public-2", text: "rollback notes part one and two", public: true },
    ]);
    await deep.ensureIndexes();
    const fellBack = () => logs.some((l) => l.msg === "too few allowed rows after bm25, prefiltering");
    logs.length = 0;
    const secret = await deep.search({ mode: "bm25", text: "rollback", k: 2, filter: f.eq("public", false) });
    expect(secret.map((h) => h.id.startsWith("secret-"))).toEqual([true, true]);
    expect(fellBack()).toBe(false);
    // 400 restricted rows outrank every public one (tf 2 in 2 tokens), deeper than the 300 candidates.
    const hits = await deep.search({ mode: "bm25", text: "rollback", k: 2, filter: f.eq("public", true) });
    expect(hits.map((h) => h.id)).toEqual(["public-0", "public-1"]);
    expect(fellBack()).toBe(true);
    const all = await deep.search({ mode: "bm25", text: "rollback", k: 10, filter: f.eq("public", true) });
    expect(all.map((h) => h.id).sort()).toEqual(["public-0", "public-1", "public-2"]);
  });
});

describe("evaluateFilter", () => {
  it("agrees with LanceDB's SQL on every row, nulls included", async () => {
    const plain = await index.openTable({
      name: "nulls",
      columns: { team: "string", stars: "number", tags: "string[]" },
    });
    const sample = [
      { id: "a", text: "x", team: "eng", stars: 1, tags: ["red", "blue"] },
      { id: "b", text: "x", team: null, stars: null, tags: null },
      { id: "c", text: "x", team: "o'ps", stars: 5, tags: [] },
      { id: "d", text: "x", team: "eng", stars: 10, tags: ["blue"] },
    ];
    await plain.upsert(sample);
    const filters: SearchFilter[] = [
      f.eq("team", "eng"),
      f.not(f.eq("team", "eng")),
      f.in("team", ["o'ps", "x"]),
      f.in("team", []),
      f.range("stars", { gt: 1, lte: 10 }),
      f.anyOf("tags", ["blue"]),
      f.not(f.anyOf("tags", ["blue"])),
      f.anyOf("tags", []),
      f.or([f.eq("team", "eng"), f.range("stars", { gte: 5 })]),
      f.or([f.not(f.eq("team", "eng")), f.eq("stars", 1)]),
      f.and([f.not(f.eq("team", "x")), f.not(f.range("stars", { lt: 2 }))]),
      f.and([]),
      f.not(f.or([])),
    ];
    const columns = new Map([
      ["id", "string"],
      ["text", "string"],
      ["title", "string"],
      ["team", "string"],
      ["stars", "number"],
      ["tags", "string[]"],
    ] as const);
    for (const filter of filters) {
      compileFilter(filter, columns);
      const bySql = (await plain.search({ mode: "bm25", text: "x", k: 10, filter })).map((h) => h.id).sort();
      const byJs = sample.filter((row) => evaluateFilter(filter, row) === true).map((row) => row.id);
      expect({ filter, ids: byJs }).toEqual({ filter, ids: bySql });
    }
  });
});
