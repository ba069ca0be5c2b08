import { InputError } from "@uplift/core";
import { standardizedMeanDifference } from "@uplift/stats";
import { describe, expect, it } from "vitest";
import { expectClose } from "../../reference/reference.js";
import { parseCsvTable } from "../csv/csv-table.js";
import { type DesignOptions, designExperiment } from "./design-experiment.js";
import { parseStratify } from "./strata.js";

/** 40 developers in 3 teams with a skewed pre-period metric (deterministic). */
function developers(): string {
  const lines = ["login,team,pre_hours,level"];
  for (let i = 0; i < 40; i++) {
    const team = ["web", "api", "data"][i % 3];
    const pre = (Math.exp(2.5 + Math.sin(i * 1.7)) + (i % 7)).toFixed(2);
    lines.push(`dev${String(i).padStart(2, "0")},${team},${pre},${i % 4 === 0 ? "" : (i % 5) + 1}`);
  }
  return `${lines.join("\n")}\n`;
}

const table = parseCsvTable(developers(), "developers.csv");
const options: DesignOptions = {
  name: "pilot",
  arms: ["control", "treatment"],
  unitColumn: "login",
  stratify: parseStratify("team,pre_hours:q2"),
  seed: 11,
  rerandomize: 1,
  rampUpDays: 14,
  startsAt: new Date("2026-03-02T00:00:00Z"),
};

describe("designExperiment", () => {
  it("assigns every unit once, 20/20, with strata from categories and quantile groups", () => {
    const design = designExperiment(table, options);
    expect(design.assignments).toHaveLength(40);
    expect(new Set(design.assignments.map((a) => a.unit)).size).toBe(40);
    expect(design.counts).toEqual({ control: 20, treatment: 20 });
    expect(design.strata.map((s) => s.stratum)).toEqual([
      "team=api|pre_hours=q1",
      "team=api|pre_hours=q2",
      "team=data|pre_hours=q1",
      "team=data|pre_hours=q2",
      "team=web|pre_hours=q1",
      "team=web|pre_hours=q2",
    ]);
    for (const s of design.strata)
      expect(Math.abs((s.counts.control ?? 0) - (s.counts.treatment ?? 0))).toBeLessThanOrEqual(1);
    expect(design.stratify[1]?.cuts).toHaveLength(1);
  });

  it("reports balance as the SMD of treatment against control, missing values counted", () => {
    const design = designExperiment(table, options);
    expect(design.balance.map((b) => b.column)).toEqual(["pre_hours", "level"]);
    const pre = table.rows.map((r) => Number(r[2]));
    const armOf = new Map(design.assignments.map((a) => [a.unit, a.arm]));
    const inArm = (arm: string) => pre.filter((_, i) => armOf.get(table.rows[i]?.[0] as string) === arm);
    expectClose(
      design.balance[0]?.smd as number,
      standardizedMeanDifference(inArm("treatment"), inArm("control")),
      1e-12,
    );
    expect(design.balance[1]?.missing).toBe(10);
  });

  it("re-randomization keeps the draw with the smallest max |SMD|, never worse than the first draw", () => {
    const single = designExperiment(table, options);
    const best = designExperiment(table, { ...options, rerandomize: 300, balance: ["pre_hours"] });
    expect(best.rerandomization.first_draw_max_abs_smd).toBeCloseTo(
      Math.abs(single.balance[0]?.smd as number),
      12,
    );
    expect(best.max_abs_smd).toBeLessThanOrEqual(best.rerandomization.first_draw_max_abs_smd);
    expect(best.max_abs_smd).toBeLessThan(0.02);
    expect(best.counts).toEqual({ control: 20, treatment: 20 });
    expect(designExperiment(table, { ...options, rerandomize: 300, balance: ["pre_hours"] })).toEqual(best);
  });

  it("refuses bad input with precise messages", () => {
    const bad =
      (change: Partial<DesignOptions>, csv = table) =>
      () =>
        designExperiment(csv, { ...options, ...change });
    expect(bad({ unitColumn: "user" })).toThrow('--unit user: developers.csv has no column "user"');
    expect(bad({ stratify: parseStratify("squad") })).toThrow(
      '--stratify squad: developers.csv has no column "squad"',
    );
    expect(bad({ arms: ["a", "a"] })).toThrow(InputError);
    expect(bad({}, parseCsvTable("login,team\na,x\nb,y\na,z\n", "d.csv"))).toThrow(
      'd.csv line 4: unit "a" is listed twice (first on line 2)',
    );
    expect(bad({ stratify: [], rerandomize: 5 }, parseCsvTable("login,team\na,x\nb,y\n", "d.csv"))).toThrow(
      "--rerandomize 5: d.csv has no numeric column to balance; name one with --balance COL",
    );
    expect(() => parseStratify("pre:q1")).toThrow("--stratify pre:q1: quantile groups must be 2 to 20");
  });
});
