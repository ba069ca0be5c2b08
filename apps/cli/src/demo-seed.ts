import { existsSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { indexRepositories } from "@uplift/code";
import { createEmbedder, type Store, TokenRepository, UserRepository } from "@uplift/core";
import {
  analysisRecord,
  analyzeExperiment,
  ExperimentRepository,
  formatEffect,
  parseCsvTable,
  prepareAnalysisData,
} from "@uplift/experiment";
import { addSource, SourceRepository, syncKnowledgeBase } from "@uplift/kb";
import {
  type ImportKind,
  importFile,
  SIMULATION_FILES,
  type Simulation,
  simulateOrganisation,
  writeSimulation,
} from "@uplift/measure";
import type { CliContext } from "./context.js";

const DEMO_EXPERIMENT = "demo-rollout";

/** The demo organisation's people; ann and bob also appear in the docs' ACL examples. */
export const DEMO_USERS: { login: string; groups: string[] }[] = [
  { login: "admin", groups: ["admins"] },
  { login: "ann", groups: ["platform", "sre"] },
  { login: "bob", groups: ["web"] },
];

export interface DemoSummary {
  data_dir: string;
  users: string[];
  token: string;
  measure: {
    developers: number;
    prs: number;
    deployments: number;
    incidents: number;
    telemetry_days: number;
  };
  experiment: {
    metric: string;
    estimate: number;
    ci: [number, number];
    p_value: number | null;
    true_effect: number;
    sentence: string;
  };
  kb: { source: string; documents: number } | { skipped: string };
  code: { repositories: number; files: number } | { skipped: string };
}

/** The repository checkout this CLI runs from (its docs and packages are the demo's documents and code). */
function repositoryRoot(): string | undefined {
  const root = fileURLToPath(new URL("../../..", import.meta.url));
  return existsSync(path.join(root, "docs")) && existsSync(path.join(root, "packages")) ? root : undefined;
}

/**
 * Builds the demo organisation in the data dir, idempotently: users and a token; a simulated
 * organisation with known ground truth (−17 % PR merge time in the treatment arm) imported as
 * records; its experiment analysed; this repository's docs synced into the knowledge base and its
 * packages indexed as the organisation's code.
 */
export async function seedDemo(ctx: CliContext, progress: (line: string) => void): Promise<DemoSummary> {
  const store = await ctx.store();
  const users = new UserRepository(store);
  for (const user of DEMO_USERS) await users.upsert(user.login, user.groups);
  const { token } = await new TokenRepository(store).create("admin", "demo");

  progress("simulating an organisation and importing its delivery data…");
  const simulation = simulateOrganisation({ seed: 20261126 });
  const dir = path.join(ctx.dataDir, "demo");
  await writeSimulation(dir, simulation);
  // developers first: PR authors resolve to their teams through it
  for (const kind of ["developers", "prs", "deployments", "incidents", "telemetry"] satisfies ImportKind[]) {
    await importFile(store, {
      kind,
      file: path.join(dir, SIMULATION_FILES[kind]),
      format: "csv",
      logger: ctx.logger,
    });
  }

  await storeDemoExperiment(store, simulation);
  progress("analysing the simulated rollout (PR merge time, developer-clustered)…");
  const experiment = await analyseMergeTime(store, simulation, path.join(dir, "merge-time.csv"));

  const root = repositoryRoot();
  let kb: DemoSummary["kb"] = { skipped: "no repository checkout beside the CLI" };
  let code: DemoSummary["code"] = { skipped: "no repository checkout beside the CLI" };
  if (root) {
    progress("syncing Uplift's own docs into the knowledge base…");
    const index = await ctx.searchIndex();
    const embedder = createEmbedder(ctx.config.embedder, { logger: ctx.logger });
    if (!(await new SourceRepository(store).get("uplift-docs"))) {
      await addSource(store, { name: "uplift-docs", type: "markdown", path: path.join(root, "docs") });
    }
    const report = await syncKnowledgeBase({
      store,
      index,
      embedder,
      logger: ctx.logger,
      sources: ["uplift-docs"],
    });
    const docs = await store.query<{ n: number }>(
      "select count(*)::int as n from kb_documents where source = $1 and deleted_at is null",
      ["uplift-docs"],
    );
    kb = { source: "uplift-docs", documents: docs.rows[0]?.n ?? report.sources.length };

    progress("indexing Uplift's own packages as the organisation's code…");
    const repos = ["core", "code", "kb"].map((name) => path.join(root, "packages", name));
    const indexed = await indexRepositories(repos, {
      store,
      searchIndex: index,
      embedder,
      logger: ctx.logger,
    });
    code = {
      repositories: indexed.repositories.length,
      files: indexed.repositories.reduce((sum, r) => sum + r.files_indexed + r.files_unchanged, 0),
    };
  }

  return {
    data_dir: ctx.dataDir,
    users: DEMO_USERS.map((u) => u.login),
    token,
    measure: {
      developers: simulation.developers.length,
      prs: simulation.prs.length,
      deployments: simulation.deployments.length,
      incidents: simulation.incidents.length,
      telemetry_days: simulation.telemetry.length,
    },
    experiment,
    kb,
    code,
  };
}

/**
 * The reference rollout's headline metric on the simulated data: per merged PR after roll-out,
 * log merge hours on the arm, with each developer's pre-period geometric mean as covariate.
 */
async function analyseMergeTime(
  store: Store,
  simulation: Simulation,
  file: string,
): Promise<DemoSummary["experiment"]> {
  const rollout = Date.parse(simulation.truth.rollout);
  const arms = new Map(simulation.assignments.map((a) => [a.unit, a.arm]));
  const hours = (pr: Simulation["prs"][number]) =>
    pr.merged_at ? (Date.parse(pr.merged_at) - Date.parse(pr.created_at)) / 3_600_000 : 0;
  const eligible = simulation.prs.filter(
    (pr) => pr.merged_at && !pr.draft && !pr.author_is_bot && hours(pr) > 0,
  );
  const preLogs = new Map<string, number[]>();
  for (const pr of eligible) {
    if (Date.parse(pr.created_at) >= rollout) continue;
    const logs = preLogs.get(pr.author) ?? [];
    logs.push(Math.log(hours(pr)));
    preLogs.set(pr.author, logs);
  }
  const rows = ["developer,arm,pre_hours,merge_hours"];
  for (const pr of eligible) {
    const arm = arms.get(pr.author);
    const pre = preLogs.get(pr.author);
    if (!arm || !pre?.length || Date.parse(pr.created_at) < rollout) continue;
    const preHours = Math.exp(pre.reduce((a, b) => a + b, 0) / pre.length);
    rows.push(`${pr.author},${arm},${preHours.toFixed(4)},${hours(pr).toFixed(4)}`);
  }
  const text = `${rows.join("\n")}\n`;
  await writeFile(file, text);
  const table = parseCsvTable(text, file);
  const data = prepareAnalysisData(table, {
    outcome: "merge_hours",
    arm: "arm",
    treatment: "treatment",
    unit: "developer",
    covariate: "pre_hours",
    logOutcome: true,
    logCovariate: true,
  });
  const report = analyzeExperiment(data, { bootstrapReplicates: 500, seed: 1, confLevel: 0.95 });
  await new ExperimentRepository(store).saveAnalysis(
    DEMO_EXPERIMENT,
    analysisRecord("pr_merge_time", table, data, report),
  );
  const effect = report.effect;
  return {
    metric: "pr_merge_time",
    estimate: effect.estimate,
    ci: effect.ci,
    p_value: effect.p_value,
    true_effect: simulation.truth.merge_time_effect,
    sentence: `PR merge time ${formatEffect(effect.estimate, effect.scale)} (95 % CI ${formatEffect(effect.ci[0], effect.scale)} to ${formatEffect(effect.ci[1], effect.scale)}; true simulated effect ${(simulation.truth.merge_time_effect * 100).toFixed(0)} %)`,
  };
}

/** Records the simulation's own assignment as experiment "demo-rollout" (so metrics group by arm). */
async function storeDemoExperiment(store: Store, simulation: Simulation): Promise<void> {
  const repository = new ExperimentRepository(store);
  if ((await store.query("select 1 from experiments where name = $1", [DEMO_EXPERIMENT])).rows.length) return;
  const counts: Record<string, number> = {};
  for (const a of simulation.assignments) counts[a.arm] = (counts[a.arm] ?? 0) + 1;
  await repository.create(
    {
      name: DEMO_EXPERIMENT,
      arms: ["control", "treatment"],
      seed: simulation.truth.seed,
      unit_column: "login",
      stratify: [],
      balance_columns: [],
      ramp_up_days: 0,
      starts_at: simulation.truth.rollout,
      rerandomization: { draws: 1, chosen_draw: 0, first_draw_max_abs_smd: 0, criterion: "none (simulated)" },
      units: simulation.assignments.length,
      counts,
      strata: [],
      balance: [],
      max_abs_smd: 0,
      assignments: simulation.assignments.map((a) => ({ unit: a.unit, arm: a.arm, stratum: a.team })),
    },
    new Date(simulation.truth.start),
  );
}
