import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { expectAllClose, expectClose, readReference } from "../../reference/reference.js";
import { StatsInputError } from "../errors.js";
import { geometricMean, mean, standardDeviation, variance } from "./moments.js";
import { median, quantile, quantiles } from "./quantile.js";
import { winsorize } from "./winsorize.js";

interface DescriptiveCase {
  name: string;
  x: number[];
  mean: number;
  variance: number;
  sd: number;
  median: number;
  probs: number[];
  quantiles: number[];
  winsorized05: number[];
  winsorized20: number[];
  geometricMean: number | null;
}

const reference = readReference<{ cases: DescriptiveCase[] }>("descriptive");

describe.each(reference.cases)("descriptives of $name against R", (c) => {
  it("matches mean, var, sd and median", () => {
    expectClose(mean(c.x), c.mean, 1e-14);
    expectClose(variance(c.x), c.variance, 1e-12);
    expectClose(standardDeviation(c.x), c.sd, 1e-12);
    expectClose(median(c.x), c.median, 1e-14);
  });

  it("matches quantile(type = 7) at every probability", () => {
    expectAllClose(quantiles(c.x, c.probs), c.quantiles, 1e-14);
    c.probs.forEach((p, i) => {
      expectClose(quantile(c.x, p), c.quantiles[i] as number, 1e-14);
    });
  });

  it("matches winsorizing at the 5 % and 20 % type-7 quantiles", () => {
    expectAllClose(winsorize(c.x, 0.05), c.winsorized05, 1e-14);
    expectAllClose(winsorize(c.x, 0.2), c.winsorized20, 1e-14);
  });

  it("matches exp(mean(log x)) when every value is positive", () => {
    if (c.geometricMean === null) expect(() => geometricMean(c.x)).toThrow(StatsInputError);
    else expectClose(geometricMean(c.x), c.geometricMean, 1e-14);
  });
});

const sample = fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 40 });

describe("descriptive invariants (fast-check)", () => {
  it("quantile is monotone in p and stays within [min, max]", () => {
    fc.assert(
      fc.property(
        sample,
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (x, p1, p2) => {
          const [lo, hi] = p1 <= p2 ? [p1, p2] : [p2, p1];
          const qlo = quantile(x, lo);
          const qhi = quantile(x, hi);
          return qlo <= qhi && qlo >= Math.min(...x) && qhi <= Math.max(...x);
        },
      ),
    );
  });

  it("winsorize keeps the order of values and clamps into [q(p), q(1 − p)]", () => {
    fc.assert(
      fc.property(sample, fc.double({ min: 0, max: 0.49, noNaN: true }), (x, p) => {
        const w = winsorize(x, p);
        const low = quantile(x, p);
        const high = quantile(x, 1 - p);
        const clamped = w.every((v, i) => v === Math.min(Math.max(x[i] as number, low), high));
        const orderKept = w.every((v, i) =>
          w.every((u, j) => !((x[i] as number) <= (x[j] as number)) || v <= u),
        );
        return clamped && orderKept;
      }),
    );
  });

  it("variance is invariant under a shift of 1e9 (two-pass, no catastrophic cancellation)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -1000, max: 1000 }), { minLength: 2, maxLength: 30 }),
        (ints) => {
          const shifted = ints.map((v) => v + 1e9);
          const v = variance(ints);
          return Math.abs(variance(shifted) - v) <= 1e-9 * Math.max(1, v);
        },
      ),
    );
  });

  it("rejects empty input and non-finite values with the offending index", () => {
    expect(() => mean([])).toThrow(StatsInputError);
    expect(() => quantile([1, Number.NaN], 0.5)).toThrow(/x\[1\] is NaN/);
    expect(() => winsorize([1, 2], 0.5)).toThrow(/\[0, 0.5\)/);
  });
});
