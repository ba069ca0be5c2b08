/**
 * `uplift experiment analyze --experiment NAME --metric …` (no --data) at the reference rollout's
 * scale, on PGlite: 300 developers (150/150, designed with `designExperiment`), PRs over a 90-day
 * pre-period, a 14-day ramp-up and ~8 weeks of analysis (~36,000 stored PRs, ~13,000 analysed),
 * log merge hours = developer effect + noise, −17 % for the treatment arm after the start. Times
 * the whole stored path in-process (measure's drill-down read, arms, pre-period covariate, primary
 * with 2,000 cluster-bootstrap replicates) for one metric and for four, 3 runs each, wall and CPU.
 *
 *   npx tsc -b && node bench/experiment-stored.ts [setseed, default 0.17]
 */
import { mkdtempSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import path from "node:path";
import { coreMigrations, openStore } from "@uplift/core";
import {
  analyzeStoredMetrics,
  designExperiment,
  ExperimentRepository,
  experimentMigrations,
  parseCsvTable,
  parseStratify,
} from "@uplift/experiment";
import { measureMigrations } from "@uplift/measure";

const DEVELOPERS = 300;
const START = "2026-03-02T00:00:00Z";
const dir = mkdtempSync(path.join(tmpdir(), "uplift-exp-stored-"));
const store = await openStore({ dataDir: dir });
try {
  await store.migrate([...coreMigrations, ...measureMigrations, ...experimentMigrations]);
  const developers = Array.from({ length: DEVELOPERS }, (_, i) => `dev${i},team${i % 10}`);
  const units = parseCsvTable(`login,team\n${developers.join("\n")}\n`, "developers.csv");
  const design = designExperiment(units, {
    name: "bench",
    arms: ["control", "treatment"],
    unitColumn: "login",
    stratify: parseStratify("team"),
    seed: 20261126,
    rerandomize: 1,
    rampUpDays: 14,
    startsAt: new Date(START),
  });
  await new ExperimentRepository(store).create(design, new Date(START));
  const seeded = performance.now();
  await store.query(`SELECT setseed(${Number(process.argv[2] ?? 0.17)})`);
  await store.query(
    `INSERT INTO developers (login, team) SELECT 'dev' || g, 'team' || (g % 10) FROM generate_series(0, ${DEVELOPERS - 1}) g`,
  );
  // ~190 days of PRs (90 pre, 14 ramp-up, 56 analysis + tail): PR rate per developer log-normal
  await store.query(`
    WITH dev AS (
      SELECT 'dev' || g AS login, exp(random() * 1.6 - 0.8) AS rate, (random() - 0.5) AS ability
      FROM generate_series(0, ${DEVELOPERS - 1}) g
    ), pr AS (
      SELECT d.login, d.ability, k,
             timestamptz '${START}' - interval '90 days' + make_interval(secs => random() * 160 * 86400) AS created
      FROM dev d, generate_series(1, (d.rate * 110)::int) k
    )
    INSERT INTO prs (id, source, repo, author, title, created_at, merged_at, first_commit_at, first_review_at,
                     draft, author_is_bot)
    SELECT 'pr' || row_number() OVER (), 'bench', 'repo', p.login, '', p.created,
           p.created + make_interval(secs => 3600 * exp(3 + p.ability
             + CASE WHEN a.arm = 'treatment' AND p.created >= timestamptz '${START}' THEN ln(0.83) ELSE 0 END
             + 0.8 * sqrt(-2 * ln(1 - random())) * cos(2 * pi() * random()))),
           p.created - make_interval(secs => 3600 * exp(2 + random())),
           p.created + make_interval(secs => 600 + 60 * random()),
           false, false
    FROM pr p JOIN experiment_assignments a ON a.experiment = 'bench' AND a.unit = p.login`);
  const counts = await store.query<{ n: number; post: number }>(
    `SELECT count(*)::int AS n, count(*) FILTER (WHERE merged_at >= timestamptz '${START}' + interval '14 days')::int AS post FROM prs`,
  );
  console.log(
    `seeded ${counts.rows[0]?.n} PRs (${counts.rows[0]?.post} merged after the ramp-up) in ${((performance.now() - seeded) / 1000).toFixed(1)} s`,
  );
  for (const metrics of [
    ["pr_merge_time"],
    ["pr_merge_time", "pr_cycle_time", "pr_review_time", "prs_per_developer_week"],
  ]) {
    const times: number[] = [];
    const cpu: number[] = [];
    let summary = "";
    for (let run = 0; run < 3; run++) {
      const t0 = performance.now();
      const c0 = process.cpuUsage();
      const { report } = await analyzeStoredMetrics(store, {
        experiment: "bench",
        metrics,
        bootstrapReplicates: 2000,
        seed: 1,
      });
      times.push(performance.now() - t0);
      const c1 = process.cpuUsage(c0);
      cpu.push((c1.user + c1.system) / 1000);
      const merge = report.metrics[0];
      if (merge)
        summary = `${merge.n.rows} rows from ${merge.n.units} developers; pr_merge_time ${(merge.effect.estimate * 100).toFixed(1)} % [${(merge.effect.ci[0] * 100).toFixed(1)} %, ${(merge.effect.ci[1] * 100).toFixed(1)} %] (true −17 %)`;
    }
    console.log(
      `${metrics.length} metric(s): wall ${times.map((t) => t.toFixed(0)).join(", ")} ms; this process's CPU ${cpu.map((t) => t.toFixed(0)).join(", ")} ms (PGlite runs in-process; load ${loadavg()[0]?.toFixed(1)}) — ${summary}`,
    );
  }
} finally {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
}
