/**
 * Simulation benchmark (not a test) of `experiment analyze`'s statistics: 2,000 simulated
 * randomized experiments with developer heterogeneity, analysed exactly as the CLI does
 * (`analyzeExperiment`, bootstrap off). Reports the share of 95 % intervals that cover the true
 * effect (bar: 94–96 % for the primary estimate) and the false-positive rate at α = 0.05 in 2,000
 * experiments without an effect (bar: 4–6 %).
 *
 * Data-generating process, per experiment: 300 developers randomized 150/150 (complete
 * randomization); developer ability a ~ N(0, 0.5²); PRs per developer 1 + Poisson(λ) with
 * λ ~ 19·LogNormal(0, 0.6²) normalised (mean ≈ 20, CV ≈ 0.7); the developer's own effect
 * τ ~ N(log 0.83, 0.1²) (heterogeneous effects, mean −17 %); pre-period log hours a + N(0, 0.3²);
 * log merge hours 3 + a + τ·treated + N(0, 0.8²).
 *
 * Run twice: with the pre-period covariate (the primary analysis as recommended) and without it.
 *
 *   npx tsc -b && node bench/experiment-coverage.ts [experiments]
 */
import { loadavg } from "node:os";
import { analyzeExperiment } from "@uplift/experiment";
import { createRng } from "@uplift/stats";
import { simulateRollout } from "./simulated-rollout.ts";

const EXPERIMENTS = Number(process.argv[2] ?? 2000);
const DEVELOPERS = 300;
const TRUE_LOG_EFFECT = Math.log(0.83);

interface Tally {
  covered: number;
  rejected: number;
  width: number;
  computed: number;
}

const names = [
  "primary",
  "unit_means_welch",
  "unit_means_ancova",
  "mann_whitney_hodges_lehmann",
  "winsorized_means",
] as const;
const tallies = () =>
  Object.fromEntries(names.map((n) => [n, { covered: 0, rejected: 0, width: 0, computed: 0 }])) as Record<
    (typeof names)[number],
    Tally
  >;

function run(
  seed: number,
  meanEffect: number,
  effectSd: number,
  withCovariate: boolean,
): Record<(typeof names)[number], Tally> {
  const rng = createRng(seed);
  const out = tallies();
  const truth = Math.expm1(meanEffect);
  for (let e = 0; e < EXPERIMENTS; e++) {
    const report = analyzeExperiment(simulateRollout(rng, meanEffect, effectSd, withCovariate), {
      bootstrapReplicates: 0,
    });
    const entries = [
      { name: "primary" as const, ci: report.effect.ci, p: report.effect.p_value },
      ...report.robustness.map((r) => ({ name: r.name as (typeof names)[number], ci: r.ci, p: r.p_value })),
    ];
    for (const { name, ci, p } of entries) {
      const t = out[name];
      if (!t || !ci || p === null) continue; // unit_means_ancova exists only with a covariate
      t.computed++;
      if (ci[0] <= truth && truth <= ci[1]) t.covered++;
      if (p < 0.05) t.rejected++;
      t.width += ci[1] - ci[0];
    }
  }
  return out;
}

const pct = (k: number, n: number) => `${((100 * k) / n).toFixed(1)} %`;
const se = (p: number, n: number) => `± ${(100 * Math.sqrt((p * (1 - p)) / n)).toFixed(1)}`;
for (const withCovariate of [true, false]) {
  const t0 = performance.now();
  const withEffect = run(20261126, TRUE_LOG_EFFECT, 0.1, withCovariate);
  const withoutEffect = run(20261127, 0, 0, withCovariate);
  const seconds = ((performance.now() - t0) / 1000).toFixed(1);
  console.log(
    `\n${withCovariate ? "with" : "without"} the pre-period covariate: ${EXPERIMENTS} experiments per scenario, ${DEVELOPERS} developers each (${seconds} s, load average ${loadavg()[0]?.toFixed(1)})`,
  );
  console.log(
    "estimator                      coverage of −17 %   mean CI width   power    false-positive rate (no effect)",
  );
  for (const name of names) {
    const a = withEffect[name];
    const b = withoutEffect[name];
    if (a.computed === 0) continue;
    console.log(
      `${name.padEnd(30)} ${`${pct(a.covered, a.computed)} ${se(a.covered / a.computed, a.computed)}`.padEnd(19)} ${(a.width / a.computed).toFixed(4).padStart(13)}   ${pct(a.rejected, a.computed).padStart(7)}  ${pct(b.rejected, b.computed)} ${se(b.rejected / b.computed, b.computed)}`,
    );
  }
}
