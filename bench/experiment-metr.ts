/**
 * Reproduction of a published randomized experiment from its public data: METR 2025, "Measuring
 * the Impact of Early-2025 AI on Experienced Open-Source Developer Productivity" (Becker, Rush,
 * Barnes, Rein; arXiv 2507.09089): 16 developers, 246 issues randomized to AI allowed / not
 * allowed. Their published regression (repository METR/Measuring-Early-2025-AI-on-Exp-OSS-Devs,
 * regression.py): log(total time) ~ ai_treatment + log(predicted time without AI), missing
 * post-review times imputed by the arm's mean; speedup 0.188, CIs (0.013, 0.395) homoskedastic,
 * (0.016, 0.39) clustered by developer (statsmodels: CR1 with a normal reference).
 *
 *   npx tsc -b && node bench/experiment-metr.ts PATH/TO/data_complete.csv
 *
 * The data file is theirs (not committed here). This script only applies the paper's imputation,
 * writes the rows as a CSV and runs `uplift experiment analyze` on it — the command a user runs —
 * with issues as the randomization unit and developers as clusters (`--cluster dev_id`). It then
 * recomputes the paper's own clustered interval (CR1, normal reference) with @uplift/stats.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { clusterRobustTest, normalQuantile, ols } from "@uplift/stats";

const file = process.argv[2];
if (!file) throw new Error("usage: node bench/experiment-metr.ts data_complete.csv");
const [header, ...lines] = readFileSync(file, "utf8").trim().split(/\r?\n/);
const columns = (header as string).split(",");
const rows = lines.map((line) => Object.fromEntries(line.split(",").map((v, i) => [columns[i], v])));
const arm = (r: Record<string, string>) =>
  r.ai_treatment === "1.0" || r.ai_treatment === "1" ? "ai" : "no_ai";

// the paper's imputation: a missing post-review time is the mean post-review time of the issue's arm
const reviewMean = new Map<string, number>();
for (const a of ["ai", "no_ai"]) {
  const known = rows.filter((r) => arm(r) === a && r.post_review_implementation_time !== "");
  reviewMean.set(a, known.reduce((s, r) => s + Number(r.post_review_implementation_time), 0) / known.length);
}
const prepared = rows.map((r) => ({
  dev: r.dev_id as string,
  issue: r.issue_id as string,
  arm: arm(r),
  total:
    Number(r.initial_implementation_time) +
    (r.post_review_implementation_time === ""
      ? (reviewMean.get(arm(r)) as number)
      : Number(r.post_review_implementation_time)),
  predicted: Number(r.predicted_time_no_ai),
}));
const work = mkdtempSync(path.join(tmpdir(), "uplift-metr-"));
const csv = path.join(work, "metr.csv");
writeFileSync(
  csv,
  `dev_id,issue_id,arm,total_minutes,predicted_minutes\n${prepared.map((p) => `${p.dev},${p.issue},${p.arm},${p.total},${p.predicted}`).join("\n")}\n`,
);

const cli = path.join(
  path.dirname(new URL(import.meta.url).pathname),
  "..",
  "apps",
  "cli",
  "bin",
  "uplift.js",
);
const args = [
  "experiment",
  "analyze",
  "--data",
  csv,
  "--outcome",
  "total_minutes",
  "--arm",
  "arm",
  "--treatment",
  "ai",
  "--unit",
  "issue_id",
  "--cluster",
  "dev_id",
  "--covariate",
  "predicted_minutes",
  "--log-outcome",
  "--log-covariate",
  "--data-dir",
  path.join(work, "data"),
  "--json",
];
const run = spawnSync(process.execPath, [cli, ...args], { encoding: "utf8" });
if (run.status !== 0) throw new Error(`uplift experiment analyze failed: ${run.stderr}`);
const report = JSON.parse(run.stdout) as {
  effect: { estimate: number; ci: [number, number]; p_value: number; df: number; clusters: number };
  robustness: { name: string; estimate: number | null; ci: [number, number] | null }[];
};

// the paper's clustered interval: CR1 with a normal reference, from the same OLS
const x = prepared.map((p) => [1, p.arm === "ai" ? 1 : 0, Math.log(p.predicted)]);
const fit = ols(
  prepared.map((p) => Math.log(p.total)),
  x,
);
const cr1 = clusterRobustTest(
  x,
  fit,
  prepared.map((p) => p.dev),
  1,
  { type: "CR1" },
);
const z = normalQuantile(0.975);
const rel = (b: number) => Math.exp(b) - 1;
const fmt = (v: number) => v.toFixed(3);
const ancova = report.robustness.find((r) => r.name === "unit_means_ancova");

console.log(
  `METR 2025: ${prepared.length} issues, ${new Set(prepared.map((p) => p.dev)).size} developers (${prepared.filter((p) => p.arm === "ai").length} AI allowed)`,
);
console.log("| estimate | published | Uplift |");
console.log("| --- | ---: | ---: |");
console.log(`| speedup exp(β) − 1 | 0.188 | ${fmt(report.effect.estimate)} |`);
console.log(
  `| 95 % CI, homoskedastic (issues independent) | (0.013, 0.395) | (${fmt(ancova?.ci?.[0] ?? Number.NaN)}, ${fmt(ancova?.ci?.[1] ?? Number.NaN)}) (robustness: unit_means_ancova) |`,
);
console.log(
  `| 95 % CI, clustered by developer, CR1 + normal | (0.016, 0.39) | (${fmt(rel(cr1.estimate - z * cr1.standardError))}, ${fmt(rel(cr1.estimate + z * cr1.standardError))}) (@uplift/stats CR1) |`,
);
console.log(
  `| 95 % CI, clustered by developer, CR2 + Satterthwaite df (Uplift's primary) | — | (${fmt(report.effect.ci[0])}, ${fmt(report.effect.ci[1])}), p = ${report.effect.p_value.toFixed(3)}, df ${report.effect.df.toFixed(1)}, ${report.effect.clusters} clusters |`,
);
rmSync(work, { recursive: true, force: true });
