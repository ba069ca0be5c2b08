import { clusterRobustTest, ols } from "@uplift/stats";
import { describe, expect, it } from "vitest";
import { parseCsvTable } from "../csv/csv-table.js";
import { prepareAnalysisData } from "./analysis-data.js";
import { subgroupEffects } from "./subgroup-effects.js";

// 12 developers, two teams, PRs with log-normal-ish hours; team "b" responds more strongly.
const lines = ["dev,arm,team,hours"];
const hours = [10, 14, 9, 20, 12, 16, 8, 11, 15, 13, 18, 7];
for (let d = 0; d < 12; d++) {
  const team = d < 6 ? "a" : "b";
  const arm = d % 2 === 0 ? "treatment" : "control";
  for (let k = 0; k < 3; k++) {
    const factor = arm === "treatment" ? (team === "a" ? 0.9 : 0.6) : 1;
    lines.push(`dev${d},${arm},${team},${((hours[d] as number) * factor * (1 + 0.1 * k)).toFixed(3)}`);
  }
}
const table = parseCsvTable(`${lines.join("\n")}\n`, "subgroups.csv");
const data = prepareAnalysisData(table, {
  outcome: "hours",
  arm: "arm",
  treatment: "treatment",
  unit: "dev",
  logOutcome: true,
  logCovariate: false,
});
const labels = data.sourceRows.map((r) => table.rows[r]?.[2] as string);

describe("subgroupEffects", () => {
  it("without a covariate, each subgroup's effect equals the arm coefficient fitted within that subgroup alone", () => {
    const result = subgroupEffects(data, "team", labels, 0.95);
    expect(result.subgroups.map((g) => g.value)).toEqual(["a", "b"]);
    for (const group of result.subgroups) {
      const rows = labels.flatMap((l, i) => (l === group.value ? [i] : []));
      const x = rows.map((i) => [1, data.treated[i] ? 1 : 0]);
      const fit = ols(
        rows.map((i) => data.y[i] as number),
        x,
      );
      expect(Math.log1p(group.estimate)).toBeCloseTo(fit.coefficients[1] as number, 12);
      // the point estimate is the same; the interaction model pools nothing else without a covariate
      const alone = clusterRobustTest(
        x,
        fit,
        rows.map((i) => data.unitIndex[i] as number),
        1,
      );
      expect(Math.log1p(group.estimate)).toBeCloseTo(alone.estimate, 12);
      expect(group.units).toEqual({ treatment: 3, control: 3 });
    }
  });

  it("tests equal effects with one restriction for two subgroups and Holm-adjusts the subgroup p-values", () => {
    const result = subgroupEffects(data, "team", labels, 0.95);
    expect(result.omnibus?.df1).toBe(1);
    expect(result.omnibus?.df2).toBe(11);
    expect(result.omnibus?.p_value).toBeGreaterThan(0);
    const [a, b] = result.subgroups;
    const p = [a?.p_value as number, b?.p_value as number].sort((x, y) => x - y);
    const smallest = result.subgroups.find((g) => g.p_value === p[0]);
    expect(smallest?.holm_p_value).toBeCloseTo(Math.min(1, 2 * (p[0] as number)), 12);
  });

  it("leaves out a subgroup with a single arm and says why", () => {
    const skewed = labels.map((l, i) => (l === "b" && !data.treated[i] ? "c" : l));
    const result = subgroupEffects(data, "team", skewed, 0.95);
    expect(result.subgroups.map((g) => g.value)).toEqual(["a"]);
    expect(result.excluded.map((e) => e.value)).toEqual(["b", "c"]);
    expect(result.excluded[0]?.reason).toMatch(/3 treatment and 0 control/);
    expect(result.omnibus).toBeNull();
  });
});
