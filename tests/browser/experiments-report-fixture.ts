import type { Store } from "@uplift/core";
import {
  type AnalysisRecord,
  analysisRecord,
  analyzeExperiment,
  analyzeSurvey,
  analyzeTelemetry,
  designExperiment,
  ExperimentRepository,
  experimentMigrations,
  parseCsvTable,
  parseStratify,
  prepareAnalysisData,
} from "@uplift/experiment";

const DAY_MS = 86_400_000;
const START = Date.parse("2026-01-05T00:00:00Z"); // a Monday
const RAMP_UP_DAYS = 14;
const WEEKS = 6;

/**
 * Stores experiment `rollout` through the real pipeline: 12 developers stratified by team with a
 * balance column, a 14-day ramp-up, PRs over six weeks (treatment 30 % faster after the ramp-up),
 * saved analyses of pr_merge_time (outcome) and review_hours (guardrail, 20 % margin, no effect)
 * with effects by team,
 * a survey and assistant telemetry. Returns the saved records.
 */
export async function storeRolloutExperiment(store: Store): Promise<AnalysisRecord[]> {
  await store.migrate(experimentMigrations);
  const developers = Array.from({ length: 12 }, (_, i) => ({
    login: `dev${String(i).padStart(2, "0")}`,
    team: i % 2 ? "web" : "api",
    tenure: 1 + ((i * 7) % 9),
  }));
  const units = parseCsvTable(
    `login,team,tenure\n${developers.map((d) => `${d.login},${d.team},${d.tenure}`).join("\n")}\n`,
    "developers.csv",
  );
  const design = designExperiment(units, {
    name: "rollout",
    arms: ["control", "treatment"],
    unitColumn: "login",
    stratify: parseStratify("team"),
    seed: 11,
    rerandomize: 1,
    balance: ["tenure"],
    rampUpDays: RAMP_UP_DAYS,
    startsAt: new Date(START),
  });
  const repository = new ExperimentRepository(store);
  await repository.create(design, new Date(START - DAY_MS));
  const armOf = new Map(design.assignments.map((a) => [a.unit, a.arm]));

  const lines = ["dev,arm,merged_at,hours,review,team"];
  developers.forEach((d, i) => {
    const arm = armOf.get(d.login) ?? "control";
    for (let week = 0; week < WEEKS; week++)
      for (let k = 0; k < 3; k++) {
        const at = START + (week * 7 + k * 2 + 1) * DAY_MS;
        const treated = arm === "treatment" && at >= START + RAMP_UP_DAYS * DAY_MS;
        const noise = 1 + (((i * 13 + week * 5 + k * 3) % 11) - 5) / 25;
        const hours = (10 + i) * noise * (treated ? 0.7 : 1);
        const review = (3 + (i % 4)) * (2 - noise);
        lines.push(
          `${d.login},${arm},${new Date(at).toISOString()},${hours.toFixed(3)},${review.toFixed(3)},${d.team}`,
        );
      }
  });
  const table = parseCsvTable(`${lines.join("\n")}\n`, "prs.csv");
  const records: AnalysisRecord[] = [];
  for (const [metric, outcome, margin] of [
    ["pr_merge_time", "hours", undefined],
    ["review_hours", "review", 0.2],
  ] as const) {
    const data = prepareAnalysisData(table, {
      outcome,
      arm: "arm",
      treatment: "treatment",
      unit: "dev",
      logOutcome: true,
      logCovariate: false,
      period: { column: "merged_at", from: new Date(START + RAMP_UP_DAYS * DAY_MS), reason: "ramp-up" },
    });
    const team = table.header.indexOf("team");
    const report = analyzeExperiment(data, {
      bootstrapReplicates: 200,
      nonInferiorityMargin: margin,
      subgroups: [{ by: "team", labels: data.sourceRows.map((r) => table.rows[r]?.[team] ?? "") }],
    });
    const record = analysisRecord(metric, table, data, report);
    await repository.saveAnalysis("rollout", record);
    records.push(record);
  }

  const options = { treatment: "treatment", control: "control", source: "survey.csv" };
  await repository.saveFeedback(
    "rollout",
    analyzeSurvey(
      developers.map((d, i) => ({
        unit: d.login,
        arm: armOf.get(d.login) ?? "control",
        item: "faster",
        value: armOf.get(d.login) === "treatment" ? 4 + (i % 2) : 2 + (i % 3),
      })),
      options,
    ),
  );
  await repository.saveFeedback(
    "rollout",
    analyzeTelemetry(
      developers.flatMap((d, i) =>
        Array.from({ length: 10 }, (_, day) => ({
          unit: d.login,
          arm: armOf.get(d.login) ?? "control",
          day: START + day * DAY_MS,
          shown: 20 + i,
          accepted: armOf.get(d.login) === "treatment" ? 6 + (day % 3) : 0,
        })),
      ),
      { ...options, source: "telemetry.csv", replicates: 200, seed: 1 },
    ),
  );
  return records;
}
