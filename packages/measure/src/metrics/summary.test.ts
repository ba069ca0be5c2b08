import { quantiles } from "@uplift/stats";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { summarize } from "./summary.js";

describe("summarize", () => {
  it("gives type-7 quantiles, the mean and the floored mean of logs", () => {
    const summary = summarize([4, 1, 3, 2], 1);
    expect(summary).toMatchObject({ n: 4, median: 2.5, p75: 3.25, p90: 3.7, mean: 2.5 });
    expect(summary.mean_log).toBeCloseTo((Math.log(1) + Math.log(2) + Math.log(3) + Math.log(4)) / 4, 14);
    expect(summarize([0, 0.5], 1).mean_log).toBe(0);
    expect(summarize([], 1)).toEqual({
      n: 0,
      median: null,
      p75: null,
      p90: null,
      mean: null,
      mean_log: null,
    });
  });

  it("agrees with @uplift/stats quantiles (checked against R) on any sample", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 60 }),
        (values) => {
          const summary = summarize(values, 1 / 60);
          const [median, p75, p90] = quantiles(values, [0.5, 0.75, 0.9]);
          expect([summary.median, summary.p75, summary.p90]).toEqual([median, p75, p90]);
        },
      ),
      { seed: 11 },
    );
  });
});
