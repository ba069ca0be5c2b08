import { describe, expect, it } from "vitest";
import { InputError } from "../errors.js";
import { insertRows, rowsPerStatement } from "./insert-many.js";
import { quoteIdentifier, unnestInsert, valuesInsert } from "./insert-sql.js";
import type { Queryable } from "./types.js";

/**
 * Records statements instead of running them (the SQL shape is under test here; the contract
 * suite runs the same code on real engines). Answers the column-type lookup with `types`.
 */
function recorder(types: Record<string, string | null> = {}, json: string[] = []) {
  const calls: { sql: string; params: readonly unknown[] }[] = [];
  const db: Queryable = {
    query: async <Row>(sql: string, params: readonly unknown[] = []) => {
      if (sql.includes("pg_attribute")) {
        const rows = Object.entries(types).map(([name, element_type]) => ({
          name,
          element_type,
          is_json: json.includes(name),
        }));
        return { rows: rows as Row[], rowCount: rows.length };
      }
      calls.push({ sql, params });
      const rowCount = Array.isArray(params[0]) ? params[0].length : params.length / 2;
      return { rows: [] as Row[], rowCount };
    },
  };
  return { db, calls };
}

describe("insert statements", () => {
  it("numbers VALUES parameters row by row and quotes names", () => {
    expect(valuesInsert("app.prs", ["id", "user"], 2)).toBe(
      'INSERT INTO "app"."prs" ("id", "user") VALUES ($1, $2), ($3, $4)',
    );
  });

  it("casts one array parameter per column for unnest", () => {
    expect(unnestInsert("t", ["id", "at"], ["pg_catalog.text", "pg_catalog.timestamptz"])).toBe(
      'INSERT INTO "t" ("id", "at") SELECT * FROM unnest($1::pg_catalog.text[], $2::pg_catalog.timestamptz[])',
    );
  });

  it("updates only the columns outside the conflict target", () => {
    expect(valuesInsert("t", ["id", "a", "b"], 1, { columns: ["id"], action: "update" })).toBe(
      'INSERT INTO "t" ("id", "a", "b") VALUES ($1, $2, $3) ON CONFLICT ("id") DO UPDATE SET "a" = EXCLUDED."a", "b" = EXCLUDED."b"',
    );
    expect(valuesInsert("t", ["id"], 1, { columns: ["id"], action: "update" })).toMatch(
      /ON CONFLICT \("id"\) DO NOTHING$/,
    );
  });

  it("refuses names that are not plain identifiers", () => {
    expect(() => quoteIdentifier('t"; DROP TABLE users; --')).toThrow(InputError);
    expect(() => quoteIdentifier("a.b.c")).toThrow(InputError);
  });
});

describe("rowsPerStatement", () => {
  it("caps a VALUES batch at 65,535 parameters but not an unnest batch", () => {
    expect(rowsPerStatement(3, 1_000)).toBe(1_000);
    expect(rowsPerStatement(3, 50_000)).toBe(21_845);
    expect(rowsPerStatement(70_000, 10)).toBe(1);
    expect(rowsPerStatement(3, 50_000, "unnest")).toBe(50_000);
    expect(() => rowsPerStatement(3, 0)).toThrow(InputError);
  });
});

describe("insertRows", () => {
  it("sends scalar columns as one array per column, one statement per batch, the last one shorter", async () => {
    const { db, calls } = recorder({ id: "pg_catalog.int4", name: "pg_catalog.text" });
    const rows = Array.from({ length: 250 }, (_, i) => [i, `r${i}`]);
    expect(await insertRows(db, "t", ["id", "name"], rows, { batchSize: 100 })).toBe(250);
    expect(calls.map((call) => (call.params[0] as unknown[]).length)).toEqual([100, 100, 50]);
    expect(calls[2]?.params[1]).toEqual(rows.slice(200).map((row) => row[1]));
  });

  it("falls back to VALUES when a column's type cannot travel in an array, capping parameters", async () => {
    const { db, calls } = recorder({ id: "pg_catalog.int4", tags: null });
    const rows = Array.from({ length: 40_000 }, (_, i) => [i, ["a", "b"]]);
    await insertRows(db, "t", ["id", "tags"], rows, { batchSize: 50_000 });
    expect(calls.map((call) => call.params.length)).toEqual([65_534, 14_466]);
    expect(calls[1]?.sql).toMatch(/^INSERT INTO "t" \("id", "tags"\) VALUES \(\$1, \$2\), /);
    expect(calls[1]?.params.slice(0, 2)).toEqual([32_767, ["a", "b"]]);
  });

  it("sends json values as JSON text on both paths, strings as they are", async () => {
    const values = [{ a: [1, 2] }, [1, "x"], '{"already":"json"}', null, 7n];
    const expected = ['{"a":[1,2]}', '[1,"x"]', '{"already":"json"}', null, '"7"'];
    const unnest = recorder({ doc: "pg_catalog.jsonb" }, ["doc"]);
    await insertRows(
      unnest.db,
      "t",
      ["doc"],
      values.map((value) => [value]),
    );
    expect(unnest.calls[0]?.params).toEqual([expected]);
    const plain = recorder({ doc: "pg_catalog.jsonb", tags: null }, ["doc"]);
    await insertRows(
      plain.db,
      "t",
      ["doc", "tags"],
      values.map((value) => [value, []]),
    );
    expect(plain.calls[0]?.params.filter((_, i) => i % 2 === 0)).toEqual(expected);
  });

  it("names the row whose width does not match the columns, before writing anything", async () => {
    const { db, calls } = recorder();
    await expect(insertRows(db, "t", ["id", "name"], [[1, "a"], [2]])).rejects.toThrow(
      "insertMany into t: row 1 has 1 values for 2 columns (id, name)",
    );
    expect(calls).toEqual([]);
  });
});
