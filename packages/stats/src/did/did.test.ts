import { describe, expect, it } from "vitest";
import { StatsInputError } from "../errors.js";
import { clusterRobustCovariance } from "../regression/cluster-covariance.js";
import { ols } from "../regression/ols.js";
import { aggregateAtts, groupTimeAtts, type PanelUnit } from "./group-time-att.js";
import { twoWayFixedEffects } from "./two-way-fixed-effects.js";

/**
 * Card & Krueger (1994, AER 84:772–793, Table 3): mean full-time-equivalent employment per fast-food
 * store, New Jersey (minimum wage raised) 20.44 before → 21.03 after, Pennsylvania (control)
 * 23.33 → 21.17; the difference-in-differences of these rounded means is 2.75 (the paper's 2.76
 * comes from unrounded means). Stores are built around those means (±spread, balanced panel).
 */
function cardKrueger(): PanelUnit[] {
  const spread = [-3, -1, 1, 3];
  return [
    ...spread.map((d) => ({ cohort: 1, values: [20.44 + d, 21.03 + d * 0.5] })),
    ...spread.map((d) => ({ cohort: null, values: [23.33 + d, 21.17 + d * 0.5] })),
  ];
}

describe("difference-in-differences", () => {
  it("reproduces Card & Krueger's 2×2 difference-in-differences from their published means", () => {
    const cells = groupTimeAtts(cardKrueger(), 2, "never_treated");
    expect(cells).toHaveLength(1);
    expect(cells[0]?.att).toBeCloseTo(21.03 - 20.44 - (21.17 - 23.33), 12);
    expect(Math.abs((cells[0]?.att as number) - 2.76)).toBeLessThan(0.015);
    const units = cardKrueger();
    const rows = units.flatMap((u, i) =>
      [0, 1].map((t) => ({ i, t, y: u.values[t] as number, d: u.cohort === 1 && t === 1 ? 1 : 0 })),
    );
    const twfe = twoWayFixedEffects(
      rows.map((r) => r.y),
      rows.map((r) => r.d),
      rows.map((r) => r.i),
      rows.map((r) => r.t),
    );
    expect(twfe.estimate).toBeCloseTo(cells[0]?.att as number, 10);
  });

  it("matches OLS with unit and period dummies on an unbalanced panel (estimate and CR1 standard error)", () => {
    // 6 units × 4 periods, two rows missing, staggered treatment
    const cohorts = [2, 2, 3, null, null, 3];
    const rows: { i: number; t: number; y: number; d: number }[] = [];
    for (let i = 0; i < 6; i++) {
      for (let t = 0; t < 4; t++) {
        if ((i === 1 && t === 0) || (i === 4 && t === 3)) continue;
        const cohort = cohorts[i] ?? null;
        const d = cohort !== null && t >= cohort ? 1 : 0;
        rows.push({ i, t, d, y: i * 0.7 + t * 0.3 + d * 1.5 + Math.sin(i * 4 + t * 7) });
      }
    }
    const x = rows.map((r) => [
      1,
      ...Array.from({ length: 5 }, (_, u) => (r.i === u + 1 ? 1 : 0)),
      ...Array.from({ length: 3 }, (_, p) => (r.t === p + 1 ? 1 : 0)),
      r.d,
    ]);
    const fit = ols(
      rows.map((r) => r.y),
      x,
    );
    const twfe = twoWayFixedEffects(
      rows.map((r) => r.y),
      rows.map((r) => r.d),
      rows.map((r) => r.i),
      rows.map((r) => r.t),
    );
    expect(twfe.estimate).toBeCloseTo(fit.coefficients[9] as number, 9);
    // CR1 with unit effects not counted in k: rescale the full-dummy CR1 (which counts them)
    const full = clusterRobustCovariance(
      x,
      fit,
      rows.map((r) => r.i),
      "CR1",
    );
    const n = rows.length;
    const rescale = Math.sqrt((n - 10) / (n - 5));
    expect(twfe.standardError).toBeCloseTo((full.standardErrors[9] as number) * rescale, 8);
    expect(twfe.df).toBe(5);
  });

  it("recovers growing effects under staggered adoption where two-way fixed effects is biased", () => {
    // noiseless: y = unit effect + period effect + (1 + t − g) from the first treated period g on
    const T = 6;
    const cohorts: (number | null)[] = [2, 2, 4, 4, null, null];
    const units: PanelUnit[] = cohorts.map((g, i) => ({
      cohort: g,
      values: Array.from({ length: T }, (_, t) => i * 2 + t * 0.5 + (g !== null && t >= g ? 1 + t - g : 0)),
    }));
    for (const control of ["never_treated", "not_yet_treated"] as const) {
      const cells = groupTimeAtts(units, T, control);
      for (const c of cells) expect(c.att).toBeCloseTo(c.eventTime >= 0 ? 1 + c.eventTime : 0, 12);
    }
    const aggregated = aggregateAtts(groupTimeAtts(units, T, "never_treated"));
    // post cells: cohort 2 at t = 2..5 (effects 1..4), cohort 4 at t = 4, 5 (1, 2), equal cohort sizes
    expect(aggregated.overall).toBeCloseTo((1 + 2 + 3 + 4 + 1 + 2) / 6, 12);
    expect(aggregated.byEventTime.find((e) => e.eventTime === 1)?.att).toBeCloseTo(2, 12);
    const rows = units.flatMap((u, i) =>
      Array.from({ length: T }, (_, t) => ({
        i,
        t,
        y: u.values[t] as number,
        d: u.cohort !== null && t >= u.cohort ? 1 : 0,
      })),
    );
    const twfe = twoWayFixedEffects(
      rows.map((r) => r.y),
      rows.map((r) => r.d),
      rows.map((r) => r.i),
      rows.map((r) => r.t),
    );
    expect(Math.abs(twfe.estimate - aggregated.overall)).toBeGreaterThan(0.3);
  });

  it("refuses a treatment without variation and aggregation without a post-treatment cell", () => {
    expect(() => twoWayFixedEffects([1, 2, 3, 4], [0, 0, 0, 0], [0, 0, 1, 1], [0, 1, 0, 1])).toThrow(
      StatsInputError,
    );
    expect(() => aggregateAtts([])).toThrow(/no post-treatment cell/);
  });
});
