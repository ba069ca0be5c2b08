import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { expectClose, readReference } from "../../reference/reference.js";
import { designEffect, mdeTwoSample, powerTwoSample, sampleSizeTwoSample } from "./two-sample-power.js";

interface PowerCase {
  nPerArm: number;
  sd: number;
  alpha: number;
  power: number;
  r2: number;
  clusterSize: number;
  icc: number;
  alternative: "two.sided" | "one.sided";
  mde: number;
  delta: number;
  powerAtDelta: number;
  deltaForN: number;
  nPerArmNeeded: number;
}

const r = readReference<{ cases: PowerCase[] }>("power");

describe.each(r.cases)(
  "two-sample power, n = $nPerArm, R² = $r2, m = $clusterSize, ICC = $icc (R power.t.test)",
  (c) => {
    const design = {
      nPerArm: c.nPerArm,
      sd: c.sd,
      alpha: c.alpha,
      r2: c.r2,
      clusterSize: c.clusterSize,
      icc: c.icc,
      alternative: c.alternative === "two.sided" ? ("two-sided" as const) : ("one-sided" as const),
    };

    it("matches the MDE (delta solved for power)", () => {
      expectClose(mdeTwoSample({ ...design, power: c.power }), c.mde, 1e-9);
    });

    it("matches the power at a given difference", () => {
      expectClose(powerTwoSample({ ...design, delta: c.delta }), c.powerAtDelta, 1e-10);
    });

    it("matches the sample size per arm (n solved for power)", () => {
      const { nPerArm: _unused, ...withoutN } = design;
      expectClose(
        sampleSizeTwoSample({ ...withoutN, delta: c.deltaForN, power: c.power }),
        c.nPerArmNeeded,
        1e-8,
      );
    });
  },
);

describe("power invariants (fast-check)", () => {
  const n = fc.integer({ min: 5, max: 2000 });
  const sd = fc.double({ min: 0.1, max: 10, noNaN: true });

  it("CUPED scales the MDE by exactly √(1 − R²)", () => {
    fc.assert(
      fc.property(n, sd, fc.double({ min: 0, max: 0.95, noNaN: true }), (nPerArm, s, r2) => {
        const plain = mdeTwoSample({ nPerArm, sd: s });
        const adjusted = mdeTwoSample({ nPerArm, sd: s, r2 });
        return Math.abs(adjusted - plain * Math.sqrt(1 - r2)) <= 1e-9 * plain;
      }),
      { numRuns: 30 },
    );
  });

  it("the MDE shrinks as arms grow, and power at the MDE is the requested power", () => {
    fc.assert(
      fc.property(n, sd, fc.double({ min: 0.5, max: 0.99, noNaN: true }), (nPerArm, s, power) => {
        const mde = mdeTwoSample({ nPerArm, sd: s, power });
        const bigger = mdeTwoSample({ nPerArm: nPerArm + 10, sd: s, power });
        return bigger < mde && Math.abs(powerTwoSample({ nPerArm, sd: s, delta: mde }) - power) < 1e-9;
      }),
      { numRuns: 30 },
    );
  });

  it("design effect is 1 + (m − 1)·ICC and rejects an ICC outside [0, 1]", () => {
    expect(designEffect(20, 0.05)).toBeCloseTo(1.95, 15);
    expect(designEffect(1, 0.9)).toBe(1);
    expect(() => designEffect(5, 1.2)).toThrow(/icc/);
  });
});
