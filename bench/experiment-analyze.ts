/**
 * `uplift experiment analyze` at the reference rollout's scale: 300 developers (150/150),
 * 20,000 PRs (1–150 per developer), log merge hours with a developer effect and a pre-period
 * covariate, 2,000 cluster-bootstrap replicates. Target: under 2 s for the whole analysis.
 * Times the package call (CSV parse + validation + analysis) in-process, and the CLI end to end.
 *
 *   npx tsc -b && node bench/experiment-analyze.ts
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import path from "node:path";
import { analyzeExperiment, prepareAnalysisData, readCsvTable } from "@uplift/experiment";
import { createRng, normalQuantile } from "@uplift/stats";

const DEVELOPERS = 300;
const PRS = 20_000;
const REPLICATES = 2000;
const RUNS = 5;

/** Fixed input: PR counts from a skewed distribution scaled to exactly 20,000. */
function writeData(file: string): void {
  const rng = createRng(20261127);
  const normal = () => normalQuantile(rng.nextFloat() * (1 - 2 ** -53) + 2 ** -54);
  const weights = Array.from({ length: DEVELOPERS }, () => Math.exp(0.8 * normal()));
  const total = weights.reduce((s, w) => s + w, 0);
  const counts = weights.map((w) => Math.max(1, Math.round((w / total) * PRS)));
  counts[0] = (counts[0] as number) + PRS - counts.reduce((s, c) => s + c, 0);
  const lines = ["pr,dev,arm,pre,hours"];
  let pr = 0;
  counts.forEach((count, d) => {
    const arm = d % 2 ? "treatment" : "control";
    const ability = 0.5 * normal();
    const pre = Math.exp(3 + ability + 0.3 * normal());
    const effect = arm === "treatment" ? Math.log(0.83) : 0;
    for (let i = 0; i < count; i++) {
      const hours = Math.exp(3 + ability + effect + 0.9 * normal());
      lines.push(`${pr++},d${d},${arm},${pre.toFixed(3)},${hours.toFixed(3)}`);
    }
  });
  writeFileSync(file, `${lines.join("\n")}\n`);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

const dir = mkdtempSync(path.join(tmpdir(), "uplift-bench-exp-"));
const file = path.join(dir, "prs.csv");
writeData(file);
const spec = {
  outcome: "hours",
  arm: "arm",
  treatment: "treatment",
  unit: "dev",
  covariate: "pre",
  logOutcome: true,
  logCovariate: true,
};

const phases: Record<string, number[]> = { parse: [], analysis: [], total: [], "total, CPU time": [] };
let last: ReturnType<typeof analyzeExperiment> | undefined;
for (let run = 0; run < RUNS; run++) {
  const t0 = performance.now();
  const cpu = process.cpuUsage();
  const data = prepareAnalysisData(readCsvTable(file), spec);
  const t1 = performance.now();
  last = analyzeExperiment(data, { bootstrapReplicates: REPLICATES, seed: run + 1 });
  const t2 = performance.now();
  phases.parse?.push(t1 - t0);
  phases.analysis?.push(t2 - t1);
  phases.total?.push(t2 - t0);
  const used = process.cpuUsage(cpu);
  phases["total, CPU time"]?.push((used.user + used.system) / 1000);
}
const cli: number[] = [];
for (let run = 0; run < 3; run++) {
  const t0 = performance.now();
  const result = spawnSync(
    process.execPath,
    [
      path.join(import.meta.dirname, "../apps/cli/bin/uplift.js"),
      "experiment",
      "analyze",
      "--data",
      file,
      "--outcome",
      "hours",
      "--arm",
      "arm",
      "--treatment",
      "treatment",
      "--unit",
      "dev",
      "--covariate",
      "pre",
      "--log-outcome",
      "--log-covariate",
      "--cluster-bootstrap",
      String(REPLICATES),
      "--json",
    ],
    { encoding: "utf8", env: { ...process.env, UPLIFT_DATA_DIR: path.join(dir, "data") } },
  );
  if (result.status !== 0) throw new Error(`CLI failed: ${result.stderr}`);
  cli.push(performance.now() - t0);
}
rmSync(dir, { recursive: true, force: true });

console.log(
  `${DEVELOPERS} developers, ${PRS} PRs, ${REPLICATES} cluster-bootstrap replicates, median of ${RUNS} (load average ${loadavg()[0]?.toFixed(1)})`,
);
for (const [name, ms] of Object.entries(phases)) {
  console.log(
    `  ${name.padEnd(34)} ${median(ms).toFixed(0).padStart(6)} ms  (min ${Math.min(...ms).toFixed(0)}, max ${Math.max(...ms).toFixed(0)})`,
  );
}
console.log(
  `  ${"CLI end to end (node start → JSON)".padEnd(34)} ${median(cli).toFixed(0).padStart(6)} ms  (3 runs: ${cli.map((v) => v.toFixed(0)).join(", ")})`,
);
const e = last?.effect;
console.log(
  `  effect ${e?.estimate.toFixed(4)} [${e?.ci.map((v) => v.toFixed(4)).join(", ")}] (true −0.17); bootstrap ${last?.robustness
    .find((r) => r.name === "cluster_bootstrap")
    ?.ci?.map((v) => v.toFixed(4))
    .join(", ")}`,
);
