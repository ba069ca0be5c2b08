import path from "node:path";
import { describe, expect, it } from "vitest";
import { runCli, tempDir } from "./run-cli.js";

describe("uplift demo", () => {
  it("seeds every track idempotently and recovers the simulated effect", () => {
    const dataDir = path.join(tempDir(), "data");
    const first = runCli(["demo", "--no-serve", "--json", "--data-dir", dataDir]);
    expect(first.status, first.stderr).toBe(0);
    const summary = JSON.parse(first.stdout);
    expect(summary.measure.prs).toBeGreaterThan(1000);
    expect(summary.users).toEqual(["admin", "ann", "bob"]);
    // the analysis of the simulated rollout covers the true −17 % it was drawn with
    const { ci, true_effect } = summary.experiment;
    expect(true_effect).toBeCloseTo(-0.17, 10);
    expect(ci[0]).toBeLessThan(true_effect);
    expect(ci[1]).toBeGreaterThan(true_effect);
    expect(summary.kb.documents).toBeGreaterThan(3);
    expect(summary.code.files).toBeGreaterThan(50);

    const again = runCli(["demo", "--no-serve", "--json", "--data-dir", dataDir]);
    expect(again.status, again.stderr).toBe(0);
    expect(JSON.parse(again.stdout).measure.prs).toBe(summary.measure.prs);
    const metrics = runCli([
      "measure",
      "metrics",
      "--group-by",
      "arm",
      "--metric",
      "pr_merge_time",
      "--json",
      "--data-dir",
      dataDir,
    ]);
    const arms = JSON.parse(metrics.stdout).metrics.map((m: { group: string }) => m.group);
    expect(arms).toEqual(expect.arrayContaining(["control", "treatment"]));
  });
});
