import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { expectClose, readReference } from "../../reference/reference.js";
import { studentTCdf, studentTQuantile } from "./student-t.js";

const r = readReference<{ pt: [number, number, number, number][]; qt: [number, number, number, number][] }>(
  "distributions",
);
const hp = readReference<{ ptTail: [number, number, number][]; qtTail: [number, number, number][] }>(
  "high-precision",
);

describe("Student t against R pt/qt and 40-digit mpmath", () => {
  it("studentTCdf matches pt for fractional and huge df, both tails, to 1e-10", () => {
    for (const [t, df, lower, upper] of r.pt) {
      expectClose(studentTCdf(t, df), lower, 1e-10, 0, `pt(${t}, ${df})`);
      expectClose(studentTCdf(t, df, false), upper, 1e-10, 0, `pt(${t}, ${df}, lower = FALSE)`);
    }
  });

  it("studentTCdf is accurate to 1e-12 in far tails and 1e-10 at df = 1e6 (mpmath)", () => {
    for (const [t, df, expected] of hp.ptTail) {
      expectClose(studentTCdf(t, df), expected, df > 1e4 ? 1e-10 : 1e-12, 0, `pt(${t}, ${df})`);
    }
  });

  it("studentTQuantile matches qt down to p = 1e-12, to 1e-9", () => {
    for (const [p, df, lower, upper] of r.qt) {
      expectClose(studentTQuantile(p, df), lower, 1e-9, 1e-14, `qt(${p}, ${df})`);
      // For df < 1 R's upper-tail branch is off by up to 1e-4 in the far tail (its lower tail is
      // right, as pt confirms); the distribution is symmetric, so compare with −lower there.
      const expectedUpper = df < 1 ? -lower : upper;
      expectClose(
        studentTQuantile(p, df, false),
        expectedUpper,
        1e-9,
        1e-14,
        `qt(${p}, ${df}, lower = FALSE)`,
      );
    }
  });

  it("studentTQuantile reaches p = 1e-12 to 1e-12 relative (mpmath)", () => {
    for (const [p, df, expected] of hp.qtTail)
      expectClose(studentTQuantile(p, df), expected, 1e-12, 0, `qt(${p}, ${df})`);
  });
});

describe("Student t invariants (fast-check)", () => {
  const df = fc.double({ min: 0.5, max: 1e4, noNaN: true });

  it("cdf ∘ quantile is the identity to 1e-10 relative for p down to 1e-12 (continued-fraction limit at large df)", () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-12, max: 0.5, noNaN: true }), df, (p, nu) => {
        const t = studentTQuantile(p, nu);
        return Math.abs(studentTCdf(t, nu) - p) <= 1e-10 * p + 1e-16;
      }),
    );
  });

  it("p-values are in [0, 1] and the two tails sum to 1", () => {
    fc.assert(
      fc.property(fc.double({ min: -1e3, max: 1e3, noNaN: true }), df, (t, nu) => {
        const lower = studentTCdf(t, nu);
        const upper = studentTCdf(t, nu, false);
        return lower >= 0 && lower <= 1 && Math.abs(lower + upper - 1) <= 1e-14;
      }),
    );
  });

  it("returns 0 at p = ½, ±Infinity at the ends, and rejects df <= 0", () => {
    expect(studentTQuantile(0.5, 7)).toBe(0);
    expect(studentTQuantile(1, 7)).toBe(Number.POSITIVE_INFINITY);
    expect(studentTCdf(Number.POSITIVE_INFINITY, 3)).toBe(1);
    expect(() => studentTCdf(1, 0)).toThrow(/degrees of freedom/);
  });
});
