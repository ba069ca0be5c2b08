import { describe, expect, it } from "vitest";
import { parseCsvTable } from "../csv/csv-table.js";
import { designExperiment } from "./design-experiment.js";
import type { StoredAssignment, StoredExperiment } from "./experiment-repository.js";
import { assignLate } from "./late-assignment.js";
import { parseStratify } from "./strata.js";

const header = "login,team";
const initial = parseCsvTable(
  `${header}\n${Array.from({ length: 11 }, (_, i) => `d${i},${i < 5 ? "web" : "api"}`).join("\n")}\n`,
  "developers.csv",
);
const design = designExperiment(initial, {
  name: "pilot",
  arms: ["control", "treatment"],
  unitColumn: "login",
  stratify: parseStratify("team"),
  seed: 5,
  rerandomize: 1,
  rampUpDays: 14,
  startsAt: new Date("2026-03-02T00:00:00Z"),
});
const experiment: StoredExperiment = {
  name: "pilot",
  arms: design.arms,
  seed: design.seed,
  unitColumn: "login",
  stratify: design.stratify,
  balanceColumns: [],
  rerandomize: 1,
  rampUpDays: 14,
  startsAt: new Date("2026-03-02T00:00:00Z"),
  createdAt: new Date("2026-03-01T00:00:00Z"),
};
const existing: StoredAssignment[] = design.assignments.map((a) => ({
  ...a,
  batch: 0,
  assignedAt: new Date("2026-03-01T00:00:00Z"),
  leftAt: null,
}));

describe("late joiners", () => {
  it("assigns only new units, filling the lighter arm of their stratum first", () => {
    const file = parseCsvTable(`${header}\nd0,web\nn1,web\nn2,api\nn3,api\n`, "new.csv");
    const late = assignLate(experiment, existing, file, false);
    expect(late.batch).toBe(1);
    expect(late.alreadyAssigned).toBe(1);
    expect(late.assigned.map((a) => a.unit).sort()).toEqual(["n1", "n2", "n3"]);
    const lighter = (team: string) => {
      const inTeam = existing.filter((a) => a.stratum === `team=${team}`);
      const c = inTeam.filter((a) => a.arm === "control").length;
      return c < inTeam.length - c ? "control" : "treatment";
    };
    // web (5 units) and api (6 units): web's odd unit goes to its lighter arm
    expect(late.assigned.find((a) => a.unit === "n1")?.arm).toBe(lighter("web"));
    const api = late.assigned
      .filter((a) => a.stratum === "team=api")
      .map((a) => a.arm)
      .sort();
    expect(api).toEqual(["control", "treatment"]);
    const { control = 0, treatment = 0 } = late.counts;
    expect(control + treatment).toBe(14);
    expect(Math.abs(control - treatment)).toBeLessThanOrEqual(1);
  });

  it("is reproducible: the same batch of the same experiment gives the same arms", () => {
    const file = parseCsvTable(`${header}\nn1,web\nn2,web\nn3,web\nn4,api\n`, "new.csv");
    expect(assignLate(experiment, existing, file, false)).toEqual(
      assignLate(experiment, existing, file, false),
    );
  });

  it("with a roster, reports assigned units missing from it as leavers and keeps them in the counts", () => {
    const roster = parseCsvTable(
      `${header}\n${existing
        .slice(2)
        .map((a) => `${a.unit},${a.stratum.slice(5)}`)
        .join("\n")}\n`,
      "roster.csv",
    );
    const late = assignLate(experiment, existing, roster, true);
    expect(late.leavers).toEqual([existing[0]?.unit, existing[1]?.unit]);
    expect(late.assigned).toEqual([]);
    expect((late.counts.control ?? 0) + (late.counts.treatment ?? 0)).toBe(11);
    const marked = existing.map((a, i) => (i === 0 ? { ...a, leftAt: new Date() } : a));
    expect(assignLate(experiment, marked, roster, true).leavers).toEqual([existing[1]?.unit]);
  });
});
