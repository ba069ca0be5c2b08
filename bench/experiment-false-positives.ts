/**
 * Why does the primary estimate without the covariate reject 5.7 % of null experiments
 * (bench/experiment-coverage.ts)? Re-runs the no-effect, no-covariate scenario of that benchmark
 * (same data-generating process, new seeds) and reports, per seed: the false-positive rate, the
 * mean CR2 variance against the spread of β̂ across experiments (is the standard error too small?),
 * the Satterthwaite df (is the t reference too light-tailed?), and the rejection rate of the same
 * z statistic against a normal reference.
 *
 *   npx tsc -b && node bench/experiment-false-positives.ts [experiments] [seed…]
 */
import { analyzeExperiment } from "@uplift/experiment";
import { createRng } from "@uplift/stats";
import { simulateRollout } from "./simulated-rollout.ts";

const EXPERIMENTS = Number(process.argv[2] ?? 2000);
const SEEDS = process.argv.slice(3).map(Number);

for (const seed of SEEDS.length ? SEEDS : [20261127, 1, 2]) {
  const rng = createRng(seed);
  const betas: number[] = [];
  let variance = 0;
  let df = 0;
  let rejected = 0;
  let rejectedNormal = 0;
  for (let e = 0; e < EXPERIMENTS; e++) {
    const { effect } = analyzeExperiment(simulateRollout(rng, 0, 0, false), { bootstrapReplicates: 0 });
    betas.push(effect.coefficient);
    variance += effect.std_error ** 2;
    df += effect.df;
    if ((effect.p_value as number) < 0.05) rejected++;
    if (Math.abs(effect.coefficient / effect.std_error) > 1.959964) rejectedNormal++;
  }
  const m = betas.reduce((s, b) => s + b, 0) / betas.length;
  const spread = betas.reduce((s, b) => s + (b - m) ** 2, 0) / (betas.length - 1);
  const rate = rejected / EXPERIMENTS;
  console.log(
    `seed ${seed}: false positives ${(100 * rate).toFixed(2)} % ± ${(100 * Math.sqrt((rate * (1 - rate)) / EXPERIMENTS)).toFixed(2)} (normal reference ${((100 * rejectedNormal) / EXPERIMENTS).toFixed(2)} %); mean CR2 variance / variance of β̂ = ${(variance / EXPERIMENTS / spread).toFixed(3)}; mean Satterthwaite df ${(df / EXPERIMENTS).toFixed(1)}`,
  );
}
