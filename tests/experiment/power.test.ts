import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT, runCli, tempDir } from "../cli/run-cli.js";

const PRE = path.join(ROOT, "packages/experiment/reference/power-pre.csv");
const reference = JSON.parse(
  readFileSync(path.join(ROOT, "packages/experiment/reference/power.json"), "utf8"),
) as {
  adjusted: { mdeRelative: number; developers: number };
};
const power = (data: string, ...extra: string[]) =>
  runCli(["experiment", "power", "--data", data, "--outcome", "hours", "--unit", "dev", ...extra]);

describe("uplift experiment power", () => {
  it("prints { mde_relative, … } with --json, matching R's power.t.test on the same variance components", () => {
    const result = power(
      PRE,
      "--covariate",
      "prior",
      "--log-outcome",
      "--log-covariate",
      "--n-per-arm",
      "150",
      "--alpha",
      "0.05",
      "--power",
      "0.8",
      "--effect",
      "-0.17",
      "--json",
    );
    expect(result.status, result.stderr).toBe(0);
    const out = JSON.parse(result.stdout);
    expect(out.mde_relative).toBeCloseTo(reference.adjusted.mdeRelative, 8);
    expect(out.developers_per_arm).toBe(reference.adjusted.developers);
    expect(out).toMatchObject({ n_per_arm: 150, alpha: 0.05, power: 0.8, effect: -0.17 });
  });

  it("exits 2 for zero durations under --log-outcome and for an unknown column", () => {
    const dir = tempDir();
    const zeros = path.join(dir, "pre.csv");
    writeFileSync(zeros, `${readFileSync(PRE, "utf8").trim()}\n999,d01,20,0\n`);
    const zero = power(zeros, "--log-outcome", "--json");
    expect(zero.status).toBe(2);
    expect(zero.stderr).toMatch(/--log-outcome: 1 row\(s\) of .* have hours <= 0 \(line \d+\)/);
    const unknown = power(PRE, "--covariate", "pre_hours");
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('has no column "pre_hours" (columns: pr, dev, prior, hours)');
  });
});
