import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { formatOf, readTable } from "./read-table.js";

const dir = mkdtempSync(path.join(tmpdir(), "measure-read-"));
function file(name: string, text: string): string {
  const full = path.join(dir, name);
  writeFileSync(full, text);
  return full;
}

describe("readTable", () => {
  it("reads CSV with a BOM, quoted commas and newlines, keeping each row's line", async () => {
    const table = await readTable(
      file("a.csv", '\uFEFFid,title\n1,"fix, then test"\n2,"two\nlines"\n\n3,plain\n'),
      "csv",
    );
    expect(table.header).toEqual(["id", "title"]);
    expect(table.rows.map((r) => r.cells.title)).toEqual(["fix, then test", "two\nlines", "plain"]);
    expect(table.rows[0]?.line).toBe(2);
    expect(table.rows[2]?.line).toBe(6);
  });

  it("names the line of a malformed CSV row", async () => {
    await expect(readTable(file("b.csv", "id,repo\n1,web\n2,web,extra\n"), "csv")).rejects.toThrow(
      /b\.csv line 3/,
    );
  });

  it("refuses a header with a repeated column", async () => {
    await expect(readTable(file("c.csv", "id,id\n1,2\n"), "csv")).rejects.toThrow(/"id" appears twice/);
  });

  it("reads JSONL by line and JSON arrays by record", async () => {
    const lines = await readTable(file("d.jsonl", '{"id":"1"}\n\n{"id":"2","x":3}\n'), "jsonl");
    expect(lines.rows.map((r) => r.line)).toEqual([1, 3]);
    expect(lines.header).toEqual(["id", "x"]);
    await expect(readTable(file("e.jsonl", '{"id":"1"}\n{oops\n'), "jsonl")).rejects.toThrow(
      /e\.jsonl line 2: not valid JSON/,
    );
    const array = await readTable(file("f.json", '[{"id":"1"},{"id":"2"}]'), "json");
    expect(array.rows.map((r) => r.line)).toEqual([1, 2]);
    expect(array.unit).toBe("record");
  });

  it("tells the format from the extension or --format", () => {
    expect(formatOf("x.CSV")).toBe("csv");
    expect(formatOf("x.ndjson")).toBe("jsonl");
    expect(formatOf("x.txt", "json")).toBe("json");
    expect(() => formatOf("x.txt")).toThrow(/cannot tell the format/);
  });
});
