import { median } from "@uplift/stats";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ResampleMedian } from "./resample-median.js";

const units = fc.array(
  fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 8 }),
  {
    minLength: 1,
    maxLength: 8,
  },
);

describe("medians of unit resamples", () => {
  it("equal R's median of the stacked rows of the units drawn, with repeats", () => {
    fc.assert(
      fc.property(units, fc.array(fc.nat(3), { minLength: 8, maxLength: 8 }), (rows, counts) => {
        const multiplicity = rows.map((_, u) => counts[u] as number);
        const stacked = rows.flatMap((values, u) =>
          Array.from({ length: multiplicity[u] as number }, () => values).flat(),
        );
        const total = stacked.length;
        const m = new ResampleMedian(rows).median(multiplicity, total);
        if (total === 0) expect(m).toBeNaN();
        else {
          const expected = median(stacked);
          // (a + b)/2 and R's a + (b − a)/2 may differ in the last bit
          expect(Math.abs(m - expected)).toBeLessThanOrEqual(1e-15 * Math.abs(expected) + 1e-300);
        }
      }),
      { seed: 42, numRuns: 300 },
    );
  });

  it("handles ties and even totals", () => {
    const r = new ResampleMedian([[1, 3], [3, 3], [10]]);
    expect(r.median([1, 0, 1], 3)).toBe(3);
    expect(r.median([1, 0, 0], 2)).toBe(2);
    expect(r.median([1, 1, 1], 5)).toBe(3);
  });
});
