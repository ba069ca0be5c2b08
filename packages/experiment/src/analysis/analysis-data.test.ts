import { InputError } from "@uplift/core";
import { describe, expect, it } from "vitest";
import { parseCsvTable } from "../csv/csv-table.js";
import { prepareAnalysisData } from "./analysis-data.js";
import type { AnalysisSpec } from "./analysis-spec.js";

const spec: AnalysisSpec = {
  outcome: "hours",
  arm: "arm",
  treatment: "t",
  unit: "dev",
  logOutcome: true,
  logCovariate: false,
};

/** A table from CSV lines (header first). */
const csv = (...lines: string[]) => parseCsvTable(`${lines.join("\n")}\n`, "prs.csv");
const fourDevs = ["dev,arm,hours,pre", "a,c,5,1", "b,c,6,2", "c,t,4,3", "d,t,3,4", "a,c,7,1", "c,t,2,3"];

function inputError(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return (error as Error).message;
  }
  throw new Error("expected an InputError");
}

describe("prepareAnalysisData on valid input", () => {
  it("logs the outcome, groups rows by unit and infers the control arm", () => {
    const data = prepareAnalysisData(csv(...fourDevs), spec);
    expect(data.control).toBe("c");
    expect(data.units.map((u) => [u.id, u.treated, u.rows])).toEqual([
      ["a", false, [0, 4]],
      ["b", false, [1]],
      ["c", true, [2, 5]],
      ["d", true, [3]],
    ]);
    expect(data.y[0]).toBeCloseTo(Math.log(5), 15);
    expect(data.raw[0]).toBe(5);
  });

  it("leaves out and counts rows with an empty outcome or covariate, and rows of other arms with --control", () => {
    const data = prepareAnalysisData(csv(...fourDevs, "e,t,,4", "f,x,3,3", "d,t,9,"), {
      ...spec,
      control: "c",
      covariate: "pre",
    });
    expect(data.excluded).toEqual({
      missing_outcome: 1,
      missing_covariate: 1,
      other_arms: 1,
      outside_period: 0,
    });
    expect(data.y).toHaveLength(6);
  });

  it("counts zero and negative outcomes on the absolute scale", () => {
    const data = prepareAnalysisData(csv(...fourDevs, "a,c,0,1", "b,c,-1,2"), { ...spec, logOutcome: false });
    expect(data.outcomeValues).toEqual({ zero: 1, negative: 1 });
  });
});

describe("the analysis period", () => {
  const dated = [
    "dev,arm,hours,created",
    "a,c,5,2026-03-01T09:00:00Z",
    "b,c,6,2026-03-20",
    "c,t,4,2026-03-16T00:00:00+01:00",
    "d,t,3,2026-03-25T10:00:00Z",
    "a,c,7,2026-03-18T10:00:00Z",
    "c,t,2,2026-04-02T10:00:00Z",
    "b,c,6,2026-03-21",
    "d,t,3,2026-03-26T10:00:00Z",
    "c,t,5,2026-03-17",
  ];
  it("keeps rows dated in [from, to) and counts the others", () => {
    const data = prepareAnalysisData(csv(...dated), {
      ...spec,
      period: {
        column: "created",
        from: new Date("2026-03-16T00:00:00Z"),
        to: new Date("2026-04-01T00:00:00Z"),
      },
    });
    // line 2 is before the start, line 4 is 23:00 UTC on the 15th, line 7 after the end
    expect(data.excluded.outside_period).toBe(3);
    expect(data.y).toHaveLength(6);
  });
  it("refuses a date that is not ISO 8601, naming line and column", () => {
    expect(
      inputError(() =>
        prepareAnalysisData(csv(...dated, "a,c,5,03/04/2026"), {
          ...spec,
          period: { column: "created", from: new Date(0) },
        }),
      ),
    ).toBe(
      'prs.csv line 11, column "created": "03/04/2026" is not an ISO 8601 date (e.g. 2026-03-02 or 2026-03-02T09:00:00Z)',
    );
  });
});

describe("prepareAnalysisData rejects bad input with a precise message", () => {
  it("names an unknown column, the flag that asked for it and the columns there are", () => {
    expect(inputError(() => prepareAnalysisData(csv(...fourDevs), { ...spec, outcome: "merge_hours" }))).toBe(
      '--outcome merge_hours: prs.csv has no column "merge_hours" (columns: dev, arm, hours, pre)',
    );
    expect(inputError(() => prepareAnalysisData(csv(...fourDevs), { ...spec, arm: "group" }))).toMatch(
      /^--arm group: prs.csv has no column "group"/,
    );
  });

  it("refuses a single arm", () => {
    const message = inputError(() =>
      prepareAnalysisData(csv("dev,arm,hours", "a,t,1", "b,t,2", "c,t,3"), spec),
    );
    expect(message).toMatch(
      /column "arm" of prs.csv has a single arm, "t": an experiment needs a control arm/,
    );
    expect(message).not.toMatch(/NaN/);
  });

  it("refuses a treatment value that is not in the file, listing the values there are", () => {
    expect(inputError(() => prepareAnalysisData(csv(...fourDevs), { ...spec, treatment: "ai" }))).toBe(
      '--treatment ai: column "arm" of prs.csv has no row with that value (values: "c" (3 rows), "t" (3 rows))',
    );
  });

  it("asks for --control when there are three arms", () => {
    expect(inputError(() => prepareAnalysisData(csv(...fourDevs, "e,x,2,1"), spec))).toMatch(
      /has 3 arms .*--control VALUE/,
    );
  });

  it("refuses an empty arm cell, naming the line", () => {
    expect(inputError(() => prepareAnalysisData(csv(...fourDevs, "e,,2,1"), spec))).toBe(
      'prs.csv line 8, column "arm": the arm is empty',
    );
  });

  it("refuses a unit found in both arms, naming both lines", () => {
    expect(inputError(() => prepareAnalysisData(csv(...fourDevs, "a,t,2,1"), spec))).toBe(
      'prs.csv: unit "a" appears in both arms ("c" on line 2, "t" on line 8); each unit must stay in the arm it was assigned',
    );
  });

  it("refuses a value that is not a number, naming line and column", () => {
    expect(inputError(() => prepareAnalysisData(csv(...fourDevs, "a,c,3h,1"), spec))).toBe(
      'prs.csv line 8, column "hours": "3h" is not a number',
    );
  });

  it("says how many rows are non-positive under --log-outcome and which lines", () => {
    expect(inputError(() => prepareAnalysisData(csv(...fourDevs, "a,c,0,1", "b,c,-2,1"), spec))).toBe(
      "--log-outcome: 2 row(s) of prs.csv have hours <= 0 (lines 8, 9); the log needs positive values: drop or fix those rows (e.g. a zero-duration PR), or analyse without --log-outcome",
    );
  });

  it("refuses non-positive covariates under --log-covariate, and --log-covariate without --covariate", () => {
    expect(
      inputError(() =>
        prepareAnalysisData(csv(...fourDevs, "a,c,3,0"), { ...spec, covariate: "pre", logCovariate: true }),
      ),
    ).toMatch(/^--log-covariate: 1 row\(s\) of prs.csv have pre <= 0 \(line 8\)/);
    expect(inputError(() => prepareAnalysisData(csv(...fourDevs), { ...spec, logCovariate: true }))).toBe(
      "--log-covariate needs --covariate COL",
    );
  });

  it("needs at least 2 units per arm", () => {
    expect(inputError(() => prepareAnalysisData(csv("dev,arm,hours", "a,c,1", "b,c,2", "c,t,3"), spec))).toBe(
      'arm "t" of prs.csv has 1 unit(s) with a usable hours (column "dev"); the analysis needs at least 2 units per arm',
    );
  });

  it("refuses a constant outcome and a constant covariate", () => {
    expect(
      inputError(() => prepareAnalysisData(csv("dev,arm,hours", "a,c,2", "b,c,2", "c,t,2", "d,t,2"), spec)),
    ).toMatch(/^--outcome hours: every analysed row of prs.csv has the same value \(2\)/);
    expect(
      inputError(() =>
        prepareAnalysisData(csv("dev,arm,hours,pre", "a,c,2,1", "b,c,3,1", "c,t,4,1", "d,t,1,1"), {
          ...spec,
          covariate: "pre",
        }),
      ),
    ).toMatch(/^--covariate pre: every analysed row .* drop --covariate/);
  });

  it("refuses a file with a header only", () => {
    expect(inputError(() => prepareAnalysisData(csv("dev,arm,hours"), spec))).toBe(
      "prs.csv has a header but no data rows",
    );
  });
});
