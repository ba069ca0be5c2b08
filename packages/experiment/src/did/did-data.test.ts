import { describe, expect, it } from "vitest";
import { parseCsvTable } from "../csv/csv-table.js";
import { prepareDidPanel } from "./did-data.js";

const spec = { unit: "team", time: "week", treatedFrom: "from", outcome: "hours", logOutcome: false };

describe("prepareDidPanel", () => {
  it("orders ISO-date periods in time, maps treated-from to the first period at or after it, averages duplicate cells", () => {
    const table = parseCsvTable(
      [
        "team,week,from,hours",
        "a,2026-03-16,2026-03-10,5",
        "a,2026-03-02,2026-03-10,8",
        "a,2026-03-09,2026-03-10,7",
        "a,2026-03-09,2026-03-10,9",
        "b,2026-03-02,,6",
        "b,2026-03-09,,6",
        "b,2026-03-16,,6",
        "c,2026-03-02,2027-01-01,4",
        "c,2026-03-09,2027-01-01,4",
      ].join("\n"),
      "panel.csv",
    );
    const panel = prepareDidPanel(table, spec);
    expect(panel.periods).toEqual(["2026-03-02", "2026-03-09", "2026-03-16"]);
    expect(panel.unitIds).toEqual(["a", "b", "c"]);
    expect(panel.units.map((u) => u.cohort)).toEqual([2, null, null]); // c is treated after the panel
    expect(Array.from(panel.units[0]?.values ?? [])).toEqual([8, 8, 5]); // week 2: (7 + 9) / 2
    expect(Number.isNaN(panel.units[2]?.values[2] as number)).toBe(true);
    expect(panel.notes).toEqual({ averaged_rows: 1, missing_outcome: 0, treated_after_panel: 1 });
    expect(panel.cells.filter((c) => c.treated === 1)).toEqual([{ unit: 0, period: 2, y: 5, treated: 1 }]);
  });

  it("refuses non-positive outcomes under a log, and periods that are neither numbers nor dates", () => {
    const zero = parseCsvTable("team,week,from,hours\na,1,2,0\na,2,2,3\nb,1,,1\nb,2,,2\n", "zero.csv");
    expect(() => prepareDidPanel(zero, { ...spec, logOutcome: true })).toThrow(
      /1 row\(s\) of zero.csv have hours <= 0 \(line 2\)/,
    );
    const words = parseCsvTable("team,week,from,hours\na,early,,3\na,late,,4\n", "words.csv");
    expect(() => prepareDidPanel(words, spec)).toThrow(
      /"early" in words.csv is neither a number nor an ISO 8601 date/,
    );
  });
});
