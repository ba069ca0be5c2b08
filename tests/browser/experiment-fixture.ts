import type { Store } from "@uplift/core";
import {
  type AnalysisRecord,
  designExperiment,
  ExperimentRepository,
  experimentMigrations,
  parseCsvTable,
  parseStratify,
} from "@uplift/experiment";

/**
 * Stores experiment `pilot` (8 developers, two arms) and one saved analysis of pr_merge_time:
 * −20 % (95 % CI −35 % to −2 %, p = 0.031), as `uplift experiment analyze --save` would.
 */
export async function storePilotExperiment(store: Store): Promise<void> {
  await store.migrate(experimentMigrations);
  const table = parseCsvTable(
    `login,team\n${Array.from({ length: 8 }, (_, i) => `d${i},${i % 2 ? "web" : "api"}`).join("\n")}\n`,
    "developers.csv",
  );
  const design = designExperiment(table, {
    name: "pilot",
    arms: ["control", "treatment"],
    unitColumn: "login",
    stratify: parseStratify("team"),
    seed: 7,
    rerandomize: 1,
    rampUpDays: 0,
    startsAt: new Date("2026-01-05T00:00:00Z"),
  });
  const repository = new ExperimentRepository(store);
  await repository.create(design, new Date("2026-01-04T00:00:00Z"));
  await repository.saveAnalysis("pilot", PILOT_ANALYSIS);
}

const PILOT_ANALYSIS: AnalysisRecord = {
  metric: "pr_merge_time",
  role: "outcome",
  unitMeans: { treatment: [4, 5, 6, 7], control: [6, 7, 8, 9] },
  weekly: [],
  report: {
    n: {
      treatment: { value: "treatment", units: 4, rows: 20 },
      control: { value: "control", units: 4, rows: 22 },
      units: 8,
      rows: 42,
    },
    effect: {
      estimate: -0.2,
      ci: [-0.35, -0.02],
      p_value: 0.031,
      scale: "relative",
      method: "cluster-robust OLS on log(outcome)",
      coefficient: -0.223,
      coefficient_ci: [-0.431, -0.02],
      std_error: 0.09,
      df: 7,
      conf_level: 0.95,
      clusters: 8,
      baseline: { statistic: "geometric mean", treatment: 5.4, control: 7.4 },
    },
    robustness: [],
    checks: {
      srm_p_value: 1,
      srm_chi_square: 0,
      srm_flag: false,
      balance: [],
      outcome_values: { zero: 0, negative: 0 },
      excluded_rows: { missing_outcome: 0, missing_covariate: 0, other_arms: 0, outside_period: 0 },
      analysis_period: null,
      non_inferiority: null,
      outliers: "none",
      warnings: [],
    },
  },
};
