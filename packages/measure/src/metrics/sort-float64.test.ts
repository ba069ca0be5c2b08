import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { radixSortFloat64, sortFloat64 } from "./sort-float64.js";

const SPECIAL = [
  0,
  -0,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
  5e-324,
  -5e-324,
  1,
  -1,
];

function builtIn(values: Float64Array): Float64Array {
  return values.slice().sort();
}

describe("sortFloat64", () => {
  it("orders any doubles as the built-in sort does (−0 before +0, NaN last)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.double(), fc.constantFrom(...SPECIAL)), { maxLength: 200 }),
        (list) => {
          const values = Float64Array.from(list);
          const sorted = values.slice();
          radixSortFloat64(sorted);
          const expected = builtIn(values);
          expect([...sorted].map((v) => (Object.is(v, -0) ? "-0" : v))).toEqual(
            [...expected].map((v) => (Object.is(v, -0) ? "-0" : v)),
          );
        },
      ),
      { seed: 3, numRuns: 300 },
    );
  });

  it("sorts a run long enough for the radix path, in a subarray, leaving the rest alone", () => {
    const values = Float64Array.from({ length: 70_010 }, (_, i) => Math.sin(i) * 10 ** (i % 7));
    values[17] = -0;
    values[18] = Number.NaN;
    const run = values.subarray(5, 70_005);
    const expected = builtIn(run);
    sortFloat64(run);
    expect(Object.is(run[run.indexOf(0)], -0)).toBe(true);
    expect(run).toEqual(expected);
    expect(values[0]).toBe(Math.sin(0));
    expect(values[70_009]).toBe(Math.sin(70_009) * 10 ** (70_009 % 7));
  });
});
