import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CellError, readCell } from "./cell.js";

describe("readCell", () => {
  it("reads instants with Z or an offset and normalises +hhmm to +hh:mm", () => {
    expect(readCell("2025-03-03T09:00:00Z", "instant")).toBe("2025-03-03T09:00:00Z");
    expect(readCell("2025-03-04T09:00:00+02:00", "instant")).toBe("2025-03-04T09:00:00+02:00");
    expect(readCell("2025-03-04T09:00:00.123-0530", "instant")).toBe("2025-03-04T09:00:00.123-05:30");
  });

  it("refuses a naive time and says an offset is required", () => {
    expect(() => readCell("2025-03-05 09:00", "instant")).toThrow(/no UTC offset; an offset is required/);
    expect(() => readCell("2025-03-05T09:00:00", "instant")).toThrow(CellError);
  });

  it("refuses text that is not a time", () => {
    expect(() => readCell("yesterday", "instant")).toThrow(/"yesterday" is not an ISO 8601 time/);
    expect(() => readCell("2025-13-45T09:00:00Z", "instant")).toThrow(CellError);
  });

  it("reads every instant Date.toISOString writes, to the same moment", () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date("1990-01-01"), max: new Date("2090-01-01"), noInvalidDate: true }),
        (d) => {
          expect(Date.parse(readCell(d.toISOString(), "instant") as string)).toBe(d.getTime());
        },
      ),
      { seed: 4 },
    );
  });

  it("reads empty cells as absent and typed JSON values as they are", () => {
    expect(readCell("", "int")).toBeUndefined();
    expect(readCell("  ", "instant")).toBeUndefined();
    expect(readCell(null, "string")).toBeUndefined();
    expect(readCell(12, "int")).toBe(12);
    expect(readCell(true, "bool")).toBe(true);
  });

  it("reads whole numbers, booleans, dates and ;-separated lists", () => {
    expect(readCell(" 42 ", "int")).toBe(42);
    expect(() => readCell("4.5", "int")).toThrow(/not a whole number/);
    expect(readCell("3.5", "number")).toBe(3.5);
    expect(readCell("Yes", "bool")).toBe(true);
    expect(readCell("0", "bool")).toBe(false);
    expect(() => readCell("maybe", "bool")).toThrow(/not true\/false/);
    expect(readCell("2025-02-28", "date")).toBe("2025-02-28");
    expect(() => readCell("2025-02-30x", "date")).toThrow(/not a date/);
    expect(readCell("ann@example.com; Ann-GH ;", "list")).toEqual(["ann@example.com", "Ann-GH"]);
    expect(readCell(["a", "b"], "list")).toEqual(["a", "b"]);
  });
});
