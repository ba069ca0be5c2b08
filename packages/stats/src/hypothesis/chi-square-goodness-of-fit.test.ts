import { describe, expect, it } from "vitest";
import { expectAllClose, expectClose, readReference } from "../../reference/reference.js";
import { chiSquareGoodnessOfFit } from "./chi-square-goodness-of-fit.js";

interface ChisqCase {
  observed: number[];
  p: number[];
  statistic: number;
  df: number;
  pValue: number;
  expected: number[];
}

const r = readReference<{ chisq: ChisqCase[] }>("hypothesis");

describe("chiSquareGoodnessOfFit (R chisq.test) for sample-ratio mismatch", () => {
  it.each(r.chisq)("matches X², df, expected counts and p for $observed", (c) => {
    const result = chiSquareGoodnessOfFit(c.observed, c.p);
    expectClose(result.statistic, c.statistic, 1e-12);
    expect(result.df).toBe(c.df);
    expectClose(result.pValue, c.pValue, 1e-10);
    expectAllClose(result.expected, c.expected, 1e-14);
  });
});
