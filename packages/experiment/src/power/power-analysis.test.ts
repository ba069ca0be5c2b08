import { describe, expect, it } from "vitest";
import { expectClose, readReference, referencePath } from "../../reference/reference.js";
import { readCsvTable } from "../csv/csv-table.js";
import { powerAnalysis } from "./power-analysis.js";
import { type PrePeriodSpec, readPrePeriod } from "./pre-period-data.js";

interface PowerReference {
  icc: number;
  r2: number;
  rowsPerUnit: number;
  cv: number;
  plain: { sd: number; mdeRelative: number; mdeDecrease: number; developers: number; power: number };
  adjusted: { sd: number; mdeRelative: number; developers: number; power: number };
  eightWeeks: { rowsPerUnit: number; mdeRelative: number };
}

const r = readReference<PowerReference>("power");
const table = readCsvTable(referencePath("power-pre.csv"));
const spec: PrePeriodSpec = { outcome: "hours", unit: "dev", logOutcome: true, logCovariate: false };
const base = { nPerArm: 150, alpha: 0.05, power: 0.8, simulate: 0, seed: 1 };

describe("analytic power from pre-period data against R (aov, lm, power.t.test)", () => {
  it("matches the ICC, cluster sizes, per-developer SD, MDE and developers needed without a covariate", () => {
    const report = powerAnalysis(readPrePeriod(table, spec), { ...base, effect: -0.17 });
    expectClose(report.profile.icc, r.icc, 1e-10);
    expectClose(report.profile.rows_per_unit, r.rowsPerUnit, 1e-14);
    expectClose(report.profile.rows_per_unit_cv, r.cv, 1e-12);
    expectClose(report.sd_per_unit, r.plain.sd, 1e-10);
    expectClose(report.mde_relative, r.plain.mdeRelative, 1e-8);
    expectClose(report.mde_relative_decrease, r.plain.mdeDecrease, 1e-8);
    expect(report.developers_per_arm).toBe(r.plain.developers);
    expectClose(report.power_at_effect as number, r.plain.power, 1e-6);
  });

  it("with the covariate, matches R's between-developer R² and the smaller MDE", () => {
    const data = readPrePeriod(table, { ...spec, covariate: "prior", logCovariate: true });
    const report = powerAnalysis(data, { ...base, effect: -0.17, dataWeeks: 4 });
    expectClose(report.profile.r2_covariate, r.r2, 1e-9);
    expectClose(report.sd_per_unit, r.adjusted.sd, 1e-9);
    expectClose(report.mde_relative, r.adjusted.mdeRelative, 1e-8);
    expect(report.developers_per_arm).toBe(r.adjusted.developers);
    const eight = report.by_weeks?.find((w) => w.weeks === 8);
    expectClose(eight?.rows_per_unit as number, r.eightWeeks.rowsPerUnit, 1e-12);
    expectClose(eight?.mde_relative as number, r.eightWeeks.mdeRelative, 1e-8);
  });

  it("defaults --n-per-arm to half the developers, and gets smaller with more developers", () => {
    const data = readPrePeriod(table, spec);
    const half = powerAnalysis(data, { ...base, nPerArm: undefined });
    expect(half.n_per_arm).toBe(20);
    expect(powerAnalysis(data, { ...base, nPerArm: 40 }).mde_relative).toBeLessThan(half.mde_relative);
  });

  it("refuses an effect that is not a relative change", () => {
    const data = readPrePeriod(table, spec);
    expect(() => powerAnalysis(data, { ...base, effect: -1.5 })).toThrow("--effect -1.5: a relative change");
    expect(() => powerAnalysis(data, { ...base, nPerArm: 1 })).toThrow("at least 2 developers per arm");
  });
});

describe("power by simulation with the primary estimator", () => {
  it("agrees with the analytic power at the MDE and keeps the false-positive rate near α", () => {
    const data = readPrePeriod(table, { ...spec, covariate: "prior", logCovariate: true });
    const report = powerAnalysis(data, { ...base, nPerArm: 20, simulate: 300, seed: 3 });
    const sim = report.simulation;
    expect(sim?.effect).toBeCloseTo(report.mde_relative_decrease, 12);
    expect(sim?.failed_runs).toBe(0);
    // analytic power is 0.8 by construction; 300 runs give a binomial SE of ~0.023
    expect(Math.abs((sim?.power as number) - 0.8)).toBeLessThan(0.1);
    expect(sim?.false_positive_rate).toBeLessThan(0.1);
    expect(powerAnalysis(data, { ...base, nPerArm: 20, simulate: 300, seed: 3 }).simulation).toEqual(sim);
  });
});
