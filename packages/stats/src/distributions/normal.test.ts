import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { expectClose, readReference } from "../../reference/reference.js";
import { normalCdf, normalQuantile } from "./normal.js";

const r = readReference<{ pnorm: [number, number, number][]; qnorm: [number, number, number][] }>(
  "distributions",
);
const hp = readReference<{ pnormTail: [number, number][] }>("high-precision");

describe("standard normal against R pnorm/qnorm and mpmath", () => {
  it("normalCdf matches pnorm in both tails to 1e-13 relative (R flushes below −37.5 to 0)", () => {
    for (const [x, lower, upper] of r.pnorm) {
      expectClose(normalCdf(x), lower, 1e-13, 1e-300, `pnorm(${x})`);
      expectClose(normalCdf(x, false), upper, 1e-13, 1e-300, `pnorm(${x}, lower = FALSE)`);
    }
  });

  it("normalCdf keeps 1e-14 relative precision down to p = 1e-268 (40-digit mpmath)", () => {
    for (const [x, expected] of hp.pnormTail) expectClose(normalCdf(x), expected, 1e-14, 0, `pnorm(${x})`);
  });

  it("normalQuantile matches qnorm from p = 1e-300 up, both tails, to 1e-13", () => {
    for (const [p, lower, upper] of r.qnorm) {
      expectClose(normalQuantile(p), lower, 1e-13, 1e-15, `qnorm(${p})`);
      expectClose(normalQuantile(p, false), upper, 1e-13, 1e-15, `qnorm(${p}, lower = FALSE)`);
    }
  });
});

describe("standard normal invariants (fast-check)", () => {
  it("cdf ∘ quantile is the identity, using the smaller tail (tolerance ∝ (1 + z²)·ε, the conditioning)", () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-300, max: 0.5, noNaN: true }), (p) => {
        const z = normalQuantile(p);
        const tolerance = 1e-15 * (1 + z * z) * p;
        return Math.abs(normalCdf(z) - p) <= tolerance && Math.abs(normalCdf(-z, false) - p) <= tolerance;
      }),
    );
  });

  it("cdf is monotone, within [0, 1] and symmetric", () => {
    fc.assert(
      fc.property(
        fc.double({ min: -40, max: 40, noNaN: true }),
        fc.double({ min: -40, max: 40, noNaN: true }),
        (a, b) => {
          const [lo, hi] = a <= b ? [a, b] : [b, a];
          const plo = normalCdf(lo);
          return plo <= normalCdf(hi) && plo >= 0 && plo <= 1 && normalCdf(-lo, false) === plo;
        },
      ),
    );
  });

  it("returns ±Infinity at p = 0 and 1 and rejects p outside [0, 1]", () => {
    expect(normalQuantile(0)).toBe(Number.NEGATIVE_INFINITY);
    expect(normalQuantile(1)).toBe(Number.POSITIVE_INFINITY);
    expect(normalCdf(Number.NEGATIVE_INFINITY)).toBe(0);
    expect(() => normalQuantile(1.5)).toThrow(/0 <= p <= 1/);
  });
});
