import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { openStore, type Store } from "@uplift/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadPacked, loadPackedByBlocks, type PackedColumn } from "./packed-columns.js";

const root = mkdtempSync(path.join(tmpdir(), "packed-columns-"));
const SERVER_URL = process.env.UPLIFT_TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
let store: Store;

beforeAll(async () => {
  store = await openStore({ dataDir: path.join(root, "pg") });
  await store.query("CREATE TABLE items (id int, label text, at timestamptz)");
  await store.query(`INSERT INTO items SELECT g, CASE WHEN g % 5 = 0 THEN NULL ELSE 'item' || g END,
    CASE WHEN g % 7 = 0 THEN NULL ELSE timestamptz '2025-01-01Z' + g * interval '1 hour' END
    FROM generate_series(1, 3000) g`);
  // an updated row moves to a later block: it must still be read once
  await store.query("UPDATE items SET label = 'moved' WHERE id = 10");
});

afterAll(async () => {
  await store.close();
  rmSync(root, { recursive: true, force: true });
});

const columns: PackedColumn[] = [
  { name: "id", sql: "id", type: "number" },
  { name: "label", sql: "label", type: "text" },
  { name: "at", sql: "at", type: "time" },
  { name: "bucket", sql: "'b' || (id % 7)", type: "label" },
];

describe("loadPackedByBlocks", () => {
  it("reads the rows of several block ranges in the order and with the values of one packed query", async () => {
    const blocks = await store.query<{ n: number }>(
      "SELECT (pg_relation_size('items') / current_setting('block_size')::int)::int AS n",
    );
    expect(blocks.rows[0]?.n).toBeGreaterThan(4);
    const whole = await loadPacked(store, "items WHERE id % 3 <> 0", columns);
    const chunked = await loadPackedByBlocks(store, "items", "id % 3 <> 0", columns, [], 2);
    expect(chunked.length).toBe(2000);
    expect(chunked).toEqual(whole);
    expect(chunked.texts.label?.filter((label) => label === "moved")).toEqual(["moved"]);
  });

  it("numbers a label column's values across chunks as one query does", async () => {
    const chunked = await loadPackedByBlocks(store, "items", "id % 3 <> 0", columns, [], 2);
    const bucket = chunked.labels.bucket;
    const ids = [...(chunked.numbers.id as Float64Array)];
    const values = ids.map((id) => `b${id % 7}`);
    // distinct values in order of first appearance, one number each
    expect(bucket?.names).toEqual([...new Set(values)]);
    expect([...(bucket?.codes ?? [])].map((code) => bucket?.names[code])).toEqual(values);
  });

  it("reads texts holding the separator as before: replaced by a space, rows still aligned", async () => {
    const values = "(VALUES ('a' || chr(31) || 'b', 'x'), (NULL, 'y' || chr(31)), ('c', 'z')) v(s, l)";
    const packed = await loadPacked(store, values, [
      { name: "s", sql: "s", type: "text" },
      { name: "l", sql: "l", type: "label" },
    ]);
    expect(packed.texts.s).toEqual(["a b", "", "c"]);
    expect(packed.labels.l?.names).toEqual(["x", "y ", "z"]);
  });

  it("reads an empty table as no rows", async () => {
    await store.query("CREATE TABLE nothing (id int, label text, at timestamptz)");
    const packed = await loadPackedByBlocks(store, "nothing", "true", columns, [], 2);
    expect(packed.length).toBe(0);
    expect(packed.texts.label).toEqual([]);
  });
});

/** Times read in binary equal `date_part('epoch', t) * 1000` to the bit (edge years, µs, infinities). */
async function expectTimesAsDatePart(db: Store): Promise<void> {
  const times = [
    "2025-03-03 09:00:00.123456+02",
    "1969-12-31 23:59:59.999999+00",
    "1999-12-31 23:59:59.999999+00",
    "1500-06-01 12:34:56.789012+00",
    "2500-02-28 01:02:03.456789+00",
    "294000-01-01 00:00:00.123457+00",
    "4713-11-24 00:00:00.000001+00 BC",
    "infinity",
    "-infinity",
  ];
  const values = `(VALUES ${times.map((t, i) => `('${t}'::timestamptz, ${i})`).join(", ")}, (NULL, 99)) v(t, k)`;
  const packed = await loadPacked(db, values, [{ name: "t", sql: "t", type: "time" }]);
  const { rows } = await db.query<{ ms: number | null }>(
    `SELECT date_part('epoch', t) * 1000 AS ms FROM ${values}`,
  );
  expect([...(packed.numbers.t ?? [])]).toEqual(rows.map((row) => row.ms ?? Number.NaN));
  expect(packed.numbers.t?.[1]).toBe(-0.001);
}

describe("packed times", () => {
  it("equal date_part('epoch') * 1000 on PGlite, to the bit, and NULL reads as NaN", async () => {
    await expectTimesAsDatePart(store);
  });

  it("equal date_part('epoch') * 1000 on PostgreSQL", async () => {
    const server = await openStore({ url: SERVER_URL, dataDir: "/unused" });
    try {
      await expectTimesAsDatePart(server);
    } finally {
      await server.close();
    }
  });
});
