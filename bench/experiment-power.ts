/**
 * `uplift experiment power` for a metric family: 20 metrics of pre-period data, each 300 developers
 * × 20,000 rows with its own developer variance, PR counts and covariate strength. Target: power for
 * all 20 under 5 s (CSV parse + variance components + covariate regression + MDE, sample size for
 * −17 % and the table by duration). Also times the simulation (primary estimator on resampled
 * developers) per metric.
 *
 *   npx tsc -b && node bench/experiment-power.ts
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import path from "node:path";
import { powerAnalysis, readCsvTable, readPrePeriod } from "@uplift/experiment";
import { createRng, normalQuantile } from "@uplift/stats";

const METRICS = 20;
const DEVELOPERS = 300;
const ROWS = 20_000;

function writeMetric(file: string, metric: number): void {
  const rng = createRng(1000 + metric);
  const normal = () => normalQuantile(rng.nextFloat() * (1 - 2 ** -53) + 2 ** -54);
  const between = 0.2 + 0.03 * metric;
  const weights = Array.from({ length: DEVELOPERS }, () => Math.exp(0.7 * normal()));
  const total = weights.reduce((s, w) => s + w, 0);
  const counts = weights.map((w) => Math.max(1, Math.round((w / total) * ROWS)));
  const lines = ["dev,prior,value"];
  counts.forEach((count, d) => {
    const ability = between * normal();
    const prior = Math.exp(2 + ability + 0.2 * normal());
    for (let i = 0; i < count; i++)
      lines.push(`d${d},${prior.toFixed(4)},${Math.exp(2 + ability + normal()).toFixed(4)}`);
  });
  writeFileSync(file, `${lines.join("\n")}\n`);
}

const dir = mkdtempSync(path.join(tmpdir(), "uplift-bench-power-"));
const files = Array.from({ length: METRICS }, (_, m) => path.join(dir, `metric-${m}.csv`));
files.forEach((file, m) => {
  writeMetric(file, m);
});

const spec = { outcome: "value", unit: "dev", covariate: "prior", logOutcome: true, logCovariate: true };
const options = { nPerArm: 150, alpha: 0.05, power: 0.8, effect: -0.17, dataWeeks: 4, simulate: 0, seed: 1 };
const runs: number[] = [];
let mdes: number[] = [];
for (let run = 0; run < 3; run++) {
  const t0 = performance.now();
  mdes = files.map((file) => powerAnalysis(readPrePeriod(readCsvTable(file), spec), options).mde_relative);
  runs.push(performance.now() - t0);
}
const data = readPrePeriod(readCsvTable(files[0] as string), spec);
const t1 = performance.now();
// no --effect: the simulation injects the analytic MDE, where the analytic power is 0.8
const simulated = powerAnalysis(data, { ...options, effect: undefined, simulate: 1000 });
const simulationMs = performance.now() - t1;
rmSync(dir, { recursive: true, force: true });

console.log(
  `${METRICS} metrics × ${DEVELOPERS} developers × ~${ROWS} rows, analytic power (3 runs; load average ${loadavg()[0]?.toFixed(1)})`,
);
console.log(`  all ${METRICS} metrics: ${runs.map((ms) => `${ms.toFixed(0)} ms`).join(", ")}`);
console.log(
  `  MDE range ${Math.min(...mdes).toFixed(4)}–${Math.max(...mdes).toFixed(4)} (relative, 150 per arm)`,
);
console.log(
  `  simulation, 1 metric, 1,000 experiments × 2 fits (effect and null): ${simulationMs.toFixed(0)} ms; power ${simulated.simulation?.power.toFixed(3)} ± ${simulated.simulation?.power_se.toFixed(3)} at the analytic MDE ${simulated.simulation?.effect.toFixed(4)} (analytic power 0.8); false positives ${simulated.simulation?.false_positive_rate.toFixed(3)} ± ${simulated.simulation?.false_positive_se.toFixed(3)}`,
);
