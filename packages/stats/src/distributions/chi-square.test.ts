import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { expectClose, readReference } from "../../reference/reference.js";
import { chiSquareCdf, chiSquareSf } from "./chi-square.js";

const r = readReference<{ pchisq: [number, number, number, number][] }>("distributions");
const hp = readReference<{ chisqTail: [number, number, number][] }>("high-precision");

describe("chi-square against R pchisq and mpmath", () => {
  it("chiSquareCdf and chiSquareSf match pchisq to 1e-10, including p-values far below 1e-12", () => {
    for (const [x, df, lower, upper] of r.pchisq) {
      expectClose(chiSquareCdf(x, df), lower, 1e-10, 0, `pchisq(${x}, ${df})`);
      expectClose(chiSquareSf(x, df), upper, 1e-10, 0, `pchisq(${x}, ${df}, lower = FALSE)`);
    }
  });

  it("chiSquareSf keeps 1e-12 relative precision down to 1e-130 (40-digit mpmath)", () => {
    for (const [x, df, expected] of hp.chisqTail)
      expectClose(chiSquareSf(x, df), expected, 1e-12, 0, `sf(${x}, ${df})`);
  });
});

describe("chi-square invariants (fast-check)", () => {
  it("cdf + sf = 1, both in [0, 1], cdf monotone in x", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 500, noNaN: true }),
        fc.double({ min: 0, max: 500, noNaN: true }),
        fc.double({ min: 0.5, max: 300, noNaN: true }),
        (a, b, df) => {
          const [lo, hi] = a <= b ? [a, b] : [b, a];
          const c = chiSquareCdf(lo, df);
          const s = chiSquareSf(lo, df);
          return (
            c >= 0 && s >= 0 && c <= 1 && Math.abs(c + s - 1) <= 1e-14 && c <= chiSquareCdf(hi, df) + 1e-15
          );
        },
      ),
    );
  });

  it("rejects df <= 0", () => {
    expect(() => chiSquareSf(1, -2)).toThrow(/degrees of freedom/);
    expect(chiSquareSf(0, 4)).toBe(1);
  });
});
