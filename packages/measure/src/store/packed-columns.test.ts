import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { openStore, type Store } from "@uplift/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadPacked, loadPackedByBlocks, type PackedColumn } from "./packed-columns.js";

const root = mkdtempSync(path.join(tmpdir(), "packed-columns-"));
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

  it("reads an empty table as no rows", async () => {
    await store.query("CREATE TABLE nothing (id int, label text, at timestamptz)");
    const packed = await loadPackedByBlocks(store, "nothing", "true", columns, [], 2);
    expect(packed.length).toBe(0);
    expect(packed.texts.label).toEqual([]);
  });
});
