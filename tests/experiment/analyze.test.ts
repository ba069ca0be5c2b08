import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT, runCli, tempDir } from "../cli/run-cli.js";

const SMALL = path.join(ROOT, "packages/experiment/reference/analysis-small.csv");
const reference = JSON.parse(
  readFileSync(path.join(ROOT, "packages/experiment/reference/analysis.json"), "utf8"),
) as { logCovariate: { beta: number; ci: [number, number]; p: number } };

const analyze = (data: string, ...extra: string[]) =>
  runCli([
    "experiment",
    "analyze",
    "--data",
    data,
    "--outcome",
    "hours",
    "--arm",
    "arm",
    "--treatment",
    "treatment",
    "--unit",
    "dev",
    ...extra,
  ]);

describe("uplift experiment analyze", () => {
  it("prints exactly {n, effect, robustness, checks} with --json, the effect matching R", () => {
    const result = analyze(SMALL, "--covariate", "pre", "--log-outcome", "--log-covariate", "--json");
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    const out = JSON.parse(result.stdout);
    expect(Object.keys(out)).toEqual(["n", "effect", "robustness", "checks"]);
    expect(out.effect.scale).toBe("relative");
    expect(out.effect.estimate).toBeCloseTo(Math.expm1(reference.logCovariate.beta), 10);
    expect(out.effect.ci[1]).toBeCloseTo(Math.expm1(reference.logCovariate.ci[1]), 8);
    expect(out.effect.p_value).toBeCloseTo(reference.logCovariate.p, 7);
    expect(out.robustness.map((r: { name: string }) => r.name)).toEqual([
      "unit_means_welch",
      "unit_means_ancova",
      "mann_whitney_hodges_lehmann",
      "winsorized_means",
      "medians_cluster_bootstrap",
      "cluster_bootstrap",
    ]);
    expect(out.checks).toMatchObject({ srm_p_value: 1, srm_flag: false });
    expect(out.n.treatment).toEqual({ value: "treatment", units: 6, rows: 21 });
  });

  it("renders a plain-language summary without --json that does not overstate a null result", () => {
    const result = analyze(SMALL, "--log-outcome", "--cluster-bootstrap", "200");
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/The change in hours is not distinguishable from zero/);
    expect(result.stdout).toMatch(/sample ratio: p = 1\.000 \(ok\)/);
  });

  it("exits 2 naming the column for an unknown column, without output on stdout", () => {
    const result = runCli([
      "experiment",
      "analyze",
      "--data",
      SMALL,
      "--outcome",
      "merge_hours",
      "--arm",
      "arm",
      "--treatment",
      "treatment",
      "--unit",
      "dev",
      "--json",
    ]);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toContain("--outcome merge_hours: ");
    expect(result.stderr).toContain('has no column "merge_hours" (columns: pr, dev, arm, pre, hours)');
  });

  it("exits 2 for a single arm and for zero durations under --log-outcome, never printing NaN", () => {
    const dir = tempDir();
    const lines = readFileSync(SMALL, "utf8").trim().split("\n");
    const single = path.join(dir, "single.csv");
    writeFileSync(
      single,
      `${[lines[0], ...lines.slice(1).filter((l) => l.includes(",treatment,"))].join("\n")}\n`,
    );
    const one = analyze(single, "--log-outcome", "--json");
    expect(one.status).toBe(2);
    expect(one.stderr).toMatch(/single arm, "treatment"/);
    expect(`${one.stdout}${one.stderr}`).not.toMatch(/NaN/);

    const zeros = path.join(dir, "zeros.csv");
    writeFileSync(zeros, `${[...lines, "99,dev01,control,24.41,0"].join("\n")}\n`);
    const zero = analyze(zeros, "--log-outcome", "--json");
    expect(zero.status).toBe(2);
    expect(zero.stderr).toContain("--log-outcome: 1 row(s) of");
    expect(zero.stderr).toContain("have hours <= 0 (line 47)");
  });

  it("exits 2 for a malformed flag value", () => {
    const result = analyze(SMALL, "--cluster-bootstrap", "many");
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("--cluster-bootstrap many: expected an integer");
  });
});

describe("uplift experiment analyze --by (CSV)", () => {
  it("adds effects by a column of the file, with an omnibus test, and refuses an unknown column", () => {
    const dir = tempDir("uplift-exp-by-");
    const file = path.join(dir, "by.csv");
    const rows = readFileSync(SMALL, "utf8").trim().split("\n");
    // a team column: developers in pairs alternate between two teams (arms alternate by developer)
    const withTeam = [
      `${rows[0]},team`,
      ...rows
        .slice(1)
        .map((line) => `${line},${Math.floor(Number(line.split(",")[1]?.slice(3)) / 2) % 2 ? "web" : "api"}`),
    ];
    writeFileSync(file, `${withTeam.join("\n")}\n`);
    const result = analyze(file, "--log-outcome", "--by", "team", "--cluster-bootstrap", "0", "--json");
    expect(result.status, result.stderr).toBe(0);
    const out = JSON.parse(result.stdout);
    expect(out.heterogeneity[0].by).toBe("team");
    expect(out.heterogeneity[0].subgroups.map((g: { value: string }) => g.value)).toEqual(["api", "web"]);
    expect(out.heterogeneity[0].omnibus.df1).toBe(1);
    const bad = analyze(file, "--log-outcome", "--by", "nope");
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/nope/);
  });
});

describe("uplift experiment analyze --kind survey (CSV)", () => {
  it("compares Likert answers by arm from a CSV with an arm column", () => {
    const dir = tempDir("uplift-exp-survey-");
    const file = path.join(dir, "survey.csv");
    const rows = ["dev,arm,item,value"];
    for (let i = 0; i < 20; i++) {
      const arm = i % 2 ? "treatment" : "control";
      rows.push(`d${i},${arm},faster,${arm === "treatment" ? 4 + (i % 3 === 0 ? 1 : 0) : 2 + (i % 3)}`);
    }
    writeFileSync(file, `${rows.join("\n")}\n`);
    const result = runCli([
      "experiment",
      "analyze",
      "--kind",
      "survey",
      "--data",
      file,
      "--arm",
      "arm",
      "--unit",
      "dev",
      "--treatment",
      "treatment",
      "--control",
      "control",
      "--json",
    ]);
    expect(result.status, result.stderr).toBe(0);
    const out = JSON.parse(result.stdout);
    expect(out.items[0]).toMatchObject({
      item: "faster",
      treatment: { n: 10, agree: 10 },
      control: { n: 10 },
    });
    expect(out.items[0].mann_whitney.method).toBe("normal");
    expect(out.items[0].mann_whitney.p_value).toBeLessThan(0.01);
  });
});

describe("uplift experiment analyze --cluster (tasks randomized within developers)", () => {
  // 6 developers × 6 tasks, arms alternating within each developer; a developer effect shared by
  // all their tasks makes tasks of one developer correlated
  const rows = ["task,dev,arm,hours"];
  for (let d = 0; d < 6; d++)
    for (let t = 0; t < 6; t++) {
      const treated = (t + d) % 2 === 0;
      const hours = Math.exp(1 + 0.4 * ((d * 7) % 5) + (treated ? -0.2 : 0) + 0.05 * ((t * 3 + d) % 4));
      rows.push(`${d}-${t},dev${d},${treated ? "treatment" : "control"},${hours}`);
    }

  it("clusters the primary's errors by developer and says what the robustness block assumes", () => {
    const file = path.join(tempDir(), "tasks.csv");
    writeFileSync(file, `${rows.join("\n")}\n`);
    const byDev = runCli([
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
    ]);
    expect(byDev.status).toBe(2);
    expect(byDev.stderr).toContain("appears in both arms");

    const base = [
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
      "task",
      "--log-outcome",
      "--json",
    ];
    const clustered = JSON.parse(runCli([...base, "--cluster", "dev"]).stdout);
    const independent = JSON.parse(runCli(base).stdout);
    expect(clustered.effect.clusters).toBe(6);
    expect(independent.effect.clusters).toBe(36);
    expect(clustered.effect.estimate).toBeCloseTo(independent.effect.estimate, 12);
    expect(clustered.effect.method).toContain("clustered by dev");
    expect(clustered.effect.ci).not.toEqual(independent.effect.ci);
    expect(clustered.robustness.map((r: { name: string }) => r.name)).not.toContain("cluster_bootstrap");
    expect(clustered.checks.warnings.join(" ")).toContain("--cluster dev");
  });
});
