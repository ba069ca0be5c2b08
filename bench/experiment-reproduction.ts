/**
 * Reproduces the headline of a published randomized experiment from its summary statistics:
 * Peng, Kalliamvakou, Cihon & Demirer (2023), "The Impact of AI on Developer Productivity: Evidence
 * from GitHub Copilot", arXiv:2302.06590. 95 developers randomized (45 treatment, 50 control); 35
 * per arm completed the task; mean completion time 71.17 min (Copilot) vs 160.89 min (control),
 * −55.8 %, t-test p = 0.0017, 95 % CI of the improvement [21 %, 89 %].
 * The per-developer times are not public, nor are the arms' standard deviations: the pooled SE is
 * recovered from the published p-value (68 df) and split so the control arm is twice as dispersed
 * (the paper's four > 300-minute outliers were all in the control arm). Data matching those
 * moments exactly (deterministic log-normal shape) go through `uplift experiment analyze`.
 * This checks Uplift's arithmetic on the paper's summary, not the paper's data.
 *
 *   npx tsc -b && node bench/experiment-reproduction.ts [--out peng-2023.csv]
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { standardErrorFromP, summaryMatchedSample } from "@uplift/experiment";

const PUBLISHED = {
  n: 35,
  treatmentMean: 71.17,
  controlMean: 160.89,
  pValue: 0.0017,
  reduction: 0.558,
  ci: [0.21, 0.89] as const,
};

const difference = PUBLISHED.treatmentMean - PUBLISHED.controlMean;
const se = standardErrorFromP(difference, PUBLISHED.pValue, 2 * PUBLISHED.n - 2);
// SE² = (s_t² + s_c²)/n with s_c = 2 s_t
const sdTreatment = Math.sqrt((se * se * PUBLISHED.n) / 5);
const sdControl = 2 * sdTreatment;
const treatment = summaryMatchedSample(PUBLISHED.n, PUBLISHED.treatmentMean, sdTreatment, 1);
const control = summaryMatchedSample(PUBLISHED.n, PUBLISHED.controlMean, sdControl, 1);

const outArg = process.argv.indexOf("--out");
const file =
  outArg > 0
    ? (process.argv[outArg + 1] as string)
    : path.join(mkdtempSync(path.join(tmpdir(), "peng-")), "peng-2023.csv");
const rows = ["developer,arm,minutes"];
treatment.forEach((m, i) => {
  rows.push(`t${i + 1},copilot,${m.toFixed(6)}`);
});
control.forEach((m, i) => {
  rows.push(`c${i + 1},control,${m.toFixed(6)}`);
});
writeFileSync(file, `${rows.join("\n")}\n`);

const args = ["experiment", "analyze", "--data", file, "--outcome", "minutes", "--arm", "arm"];
args.push("--treatment", "copilot", "--unit", "developer", "--cluster-bootstrap", "0", "--json");
const cli = path.join(import.meta.dirname, "..", "apps/cli/bin/uplift.js");
const run = spawnSync(process.execPath, [cli, ...args], { encoding: "utf8" });
if (run.status !== 0) throw new Error(run.stderr);
const report = JSON.parse(run.stdout);
const base = report.effect.baseline.control as number;
const relative = (v: number) => v / base;
const estimate = relative(report.effect.estimate);
const ci = report.effect.ci.map(relative) as [number, number];
const welch = report.robustness.find((r: { name: string }) => r.name === "unit_means_welch");

console.log(
  `data: ${file} (35 + 35 developers; sd ${sdTreatment.toFixed(1)} / ${sdControl.toFixed(1)} min from SE ${se.toFixed(2)})`,
);
console.log(`command: uplift ${args.join(" ")}`);
console.log(
  `published: −${(PUBLISHED.reduction * 100).toFixed(1)} %, 95 % CI [−${PUBLISHED.ci[1] * 100} %, −${PUBLISHED.ci[0] * 100} %], p ${PUBLISHED.pValue}`,
);
console.log(
  `uplift primary (OLS, CR2/Satterthwaite, one row per developer): ${report.effect.estimate.toFixed(2)} min = ${(estimate * 100).toFixed(1)} % of control, 95 % CI [${(ci[0] * 100).toFixed(1)} %, ${(ci[1] * 100).toFixed(1)} %], p ${report.effect.p_value.toFixed(4)}, df ${report.effect.df.toFixed(1)}`,
);
console.log(
  `uplift Welch on developer means: ${(relative(welch.estimate) * 100).toFixed(1)} %, CI [${(relative(welch.ci[0]) * 100).toFixed(1)} %, ${(relative(welch.ci[1]) * 100).toFixed(1)} %], p ${welch.p_value.toFixed(4)}`,
);
const within = (a: number, b: number, tol: number) => Math.abs(a - b) <= tol;
const ok =
  within(-estimate, PUBLISHED.reduction, 0.001) &&
  within(-ci[1], PUBLISHED.ci[0], 0.015) &&
  within(-ci[0], PUBLISHED.ci[1], 0.015);
console.log(`within tolerance (estimate ±0.1 pp, CI ends ±1.5 pp of the published rounded ends): ${ok}`);
