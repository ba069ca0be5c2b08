import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { expectAllClose, expectClose, readReference } from "../../reference/reference.js";
import { hodgesLehmann } from "./hodges-lehmann.js";
import { mannWhitneyU } from "./mann-whitney.js";
import type { Alternative } from "./t-test-from-estimate.js";

type RAlternative = "two.sided" | "less" | "greater";

interface WilcoxCase {
  name: string;
  x: number[];
  y: number[];
  alternative: RAlternative;
  correct: boolean;
  exact: boolean | null;
  confLevel: number;
  mu: number;
  method: string;
  statistic: number;
  pValue: number;
  confInt: [number, number];
  achievedConfLevel: number;
  medianDifference: number;
}

const r = readReference<{ wilcox: WilcoxCase[] }>("hypothesis");
const alternativeOf = (a: RAlternative): Alternative => (a === "two.sided" ? "two-sided" : a);

describe.each(r.wilcox)("Mann–Whitney / Hodges–Lehmann: $name (R wilcox.test)", (c) => {
  const options = {
    alternative: alternativeOf(c.alternative),
    correct: c.correct,
    ...(c.exact === null ? {} : { exact: c.exact }),
  };

  it("matches W, the method and the p-value", () => {
    const result = mannWhitneyU(c.x, c.y, { ...options, nullValue: c.mu });
    expect(result.statistic).toBe(c.statistic);
    expect(result.method).toBe(c.method.includes("exact") ? "exact" : "normal");
    expectClose(result.pValue, c.pValue, 1e-10);
  });

  it("matches the confidence interval, its achieved level, and the median of pairwise differences", () => {
    const result = hodgesLehmann(c.x, c.y, { ...options, confLevel: c.confLevel });
    expectAllClose(result.confidenceInterval, c.confInt, 1e-8, 1e-9);
    expectClose(result.confLevel, c.achievedConfLevel, 1e-12);
    expectClose(result.estimate, c.medianDifference, 1e-14);
  });
});

describe("rank-test invariants (fast-check)", () => {
  const arm = fc.array(fc.integer({ min: -30, max: 30 }), { minLength: 2, maxLength: 25 });

  it("p-values are in [0, 1] and the two one-sided p-values cover the whole line", () => {
    fc.assert(
      fc.property(arm, arm, (x, y) => {
        if (new Set([...x, ...y]).size === 1) return true;
        const two = mannWhitneyU(x, y).pValue;
        const less = mannWhitneyU(x, y, { alternative: "less", correct: false }).pValue;
        const greater = mannWhitneyU(x, y, { alternative: "greater", correct: false }).pValue;
        return two >= 0 && two <= 1 && less + greater >= 1 - 1e-12;
      }),
    );
  });

  it("the Hodges–Lehmann estimate lies inside its interval, and shifting x shifts both", () => {
    fc.assert(
      fc.property(arm, arm, fc.integer({ min: -5, max: 5 }), fc.boolean(), (x, y, shift, exact) => {
        if (new Set([...x, ...y]).size === 1) return true;
        // Pin the method: a shift can create or remove ties between the arms.
        const options = { confLevel: 0.9, exact };
        const withoutTies = new Set([...x, ...y]).size === x.length + y.length;
        const shiftedWithoutTies = new Set([...x.map((v) => v + shift), ...y]).size === x.length + y.length;
        if (exact && !(withoutTies && shiftedWithoutTies)) return true;
        const base = hodgesLehmann(x, y, options);
        const moved = hodgesLehmann(
          x.map((v) => v + shift),
          y,
          options,
        );
        const [lo, hi] = base.confidenceInterval;
        return (
          lo <= base.estimate &&
          base.estimate <= hi &&
          moved.estimate === base.estimate + shift &&
          moved.confidenceInterval[0] === lo + shift &&
          moved.confidenceInterval[1] === hi + shift
        );
      }),
    );
  });
});
