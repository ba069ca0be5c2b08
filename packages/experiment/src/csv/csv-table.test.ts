import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { InputError } from "@uplift/core";
import { describe, expect, it } from "vitest";
import { parseCsvTable, readCsvTable } from "./csv-table.js";
import { numericCell } from "./numeric-cell.js";
import { formatCsv } from "./write-csv.js";

describe("readCsvTable", () => {
  it("reads header and rows with the line each row starts on, skipping blank lines and a BOM", () => {
    const table = parseCsvTable('\ufeffid,note\n1,plain\n\n2,"two\nlines"\n3,x\n', "t.csv");
    expect(table.header).toEqual(["id", "note"]);
    expect(table.rows).toEqual([
      ["1", "plain"],
      ["2", "two\nlines"],
      ["3", "x"],
    ]);
    expect(table.lines).toEqual([2, 4, 6]);
  });

  it("names the file and line of a row with the wrong number of fields", () => {
    expect(() => parseCsvTable("a,b\n1,2\n3,4,5\n", "t.csv")).toThrow(/^t\.csv line 3: .*expect 2, got 3/);
  });

  it("refuses an empty file, an empty column name and a duplicate column", () => {
    expect(() => parseCsvTable("", "t.csv")).toThrow("t.csv is empty: a header row is required");
    expect(() => parseCsvTable("a,,c\n", "t.csv")).toThrow("t.csv line 1: column 2 has no name");
    expect(() => parseCsvTable("a,b,a\n", "t.csv")).toThrow(
      't.csv line 1: column "a" appears twice (columns 1 and 3)',
    );
  });

  it("names a missing file", () => {
    expect(() => readCsvTable("/nonexistent/prs.csv")).toThrow(InputError);
    expect(() => readCsvTable("/nonexistent/prs.csv")).toThrow("cannot read /nonexistent/prs.csv: ENOENT");
  });

  it("round-trips values written by formatCsv, quotes included", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "uplift-csv-"));
    const file = path.join(dir, "out.csv");
    writeFileSync(
      file,
      formatCsv(
        ["unit", "stratum"],
        [
          ["a", 'team="x",y'],
          ["b", "multi\nline"],
        ],
      ),
    );
    expect(readCsvTable(file).rows).toEqual([
      ["a", 'team="x",y'],
      ["b", "multi\nline"],
    ]);
  });
});

describe("numericCell", () => {
  const table = parseCsvTable("v\n1.5\n\n-2e3\n \nInfinity\n0x10\n", "n.csv");
  it("parses decimal numbers and treats an empty cell as missing", () => {
    expect(numericCell(table, 0, 0)).toBe(1.5);
    expect(numericCell(table, 1, 0)).toBe(-2000);
    expect(numericCell(table, 2, 0)).toBeUndefined();
  });
  it("refuses Infinity and hexadecimal, naming line and column", () => {
    expect(() => numericCell(table, 3, 0)).toThrow('n.csv line 6, column "v": "Infinity" is not a number');
    expect(() => numericCell(table, 4, 0)).toThrow('n.csv line 7, column "v": "0x10" is not a number');
  });
});
