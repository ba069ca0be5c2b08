import { chiSquareGoodnessOfFit } from "@uplift/stats";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { seedStream } from "./seed-stream.js";
import { stratifiedDraw } from "./stratified-draw.js";

/** Units u0…u(n−1) with stratum labels drawn from `sizes`. */
function population(sizes: readonly number[]): { ids: string[]; strata: string[] } {
  const ids: string[] = [];
  const strata: string[] = [];
  sizes.forEach((size, s) => {
    for (let i = 0; i < size; i++) {
      ids.push(`u${ids.length}`);
      strata.push(`s${s}`);
    }
  });
  return { ids, strata };
}

function counts(arms: readonly number[], armCount: number, members?: readonly number[]): number[] {
  const c = new Array<number>(armCount).fill(0);
  for (const i of members ?? arms.keys()) c[arms[i] as number] = (c[arms[i] as number] as number) + 1;
  return c;
}

const spread = (c: readonly number[]) => Math.max(...c) - Math.min(...c);

describe("stratified randomization", () => {
  it("balances every stratum and the totals to within one unit, for any strata and arm count", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 1, maxLength: 12 }),
        fc.integer({ min: 2, max: 4 }),
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        (sizes, armCount, seed) => {
          const { ids, strata } = population(sizes);
          const arms = stratifiedDraw(ids, strata, armCount, seedStream(seed, "draw", 0));
          expect(arms.every((a) => a >= 0 && a < armCount)).toBe(true);
          expect(spread(counts(arms, armCount))).toBeLessThanOrEqual(1);
          sizes.forEach((_, s) => {
            const members = strata.flatMap((label, i) => (label === `s${s}` ? [i] : []));
            expect(spread(counts(arms, armCount, members))).toBeLessThanOrEqual(1);
          });
        },
      ),
      { seed: 7, numRuns: 200 },
    );
  });

  it("is reproducible for a seed, differs between seeds, and ignores the order of the file", () => {
    const { ids, strata } = population([7, 5, 9, 3]);
    const draw = (seed: number) => stratifiedDraw(ids, strata, 2, seedStream(seed, "draw", 0));
    expect(draw(42)).toEqual(draw(42));
    expect(draw(42)).not.toEqual(draw(43));
    const order = ids.map((_, i) => i).reverse();
    const reversed = stratifiedDraw(
      order.map((i) => ids[i] as string),
      order.map((i) => strata[i] as string),
      2,
      seedStream(42, "draw", 0),
    );
    const byId = new Map(order.map((i, k) => [ids[i], reversed[k]]));
    expect(ids.map((id) => byId.get(id))).toEqual(draw(42));
  });

  it("gives each unit the treatment with probability 1/2 over seeds (chi-square, 4,000 seeds)", () => {
    const { ids, strata } = population([3, 1, 4]);
    const treated = new Array<number>(ids.length).fill(0);
    const seeds = 4000;
    for (let seed = 0; seed < seeds; seed++) {
      stratifiedDraw(ids, strata, 2, seedStream(seed, "draw", 0)).forEach((arm, i) => {
        treated[i] = (treated[i] as number) + arm;
      });
    }
    for (const t of treated) expect(chiSquareGoodnessOfFit([t, seeds - t]).pValue).toBeGreaterThan(1e-4);
  });
});
