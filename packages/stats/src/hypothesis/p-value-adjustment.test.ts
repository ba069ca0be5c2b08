import fc from "fast-check";
import { describe, it } from "vitest";
import { expectAllClose, readReference } from "../../reference/reference.js";
import { benjaminiHochbergAdjust, bonferroniAdjust, holmAdjust } from "./p-value-adjustment.js";

const r = readReference<{ padjust: { p: number[]; holm: number[]; BH: number[]; bonferroni: number[] } }>(
  "hypothesis",
);

describe("p-value adjustment (R p.adjust)", () => {
  it("matches holm, BH and bonferroni", () => {
    expectAllClose(holmAdjust(r.padjust.p), r.padjust.holm, 1e-14);
    expectAllClose(benjaminiHochbergAdjust(r.padjust.p), r.padjust.BH, 1e-14);
    expectAllClose(bonferroniAdjust(r.padjust.p), r.padjust.bonferroni, 1e-14);
  });

  const pValues = fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 30 });

  it("Holm >= BH >= raw, all within [0, 1], and order preserving (fast-check)", () => {
    fc.assert(
      fc.property(pValues, (p) => {
        const holm = holmAdjust(p);
        const bh = benjaminiHochbergAdjust(p);
        return p.every((raw, i) => {
          const h = holm[i] as number;
          const b = bh[i] as number;
          const ordered = p.every(
            (other, j) => !(raw <= other) || (h <= (holm[j] as number) && b <= (bh[j] as number)),
          );
          return h >= b && b >= raw && h <= 1 && ordered;
        });
      }),
    );
  });
});
