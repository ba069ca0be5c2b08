import { writeFileSync } from "node:fs";
import path from "node:path";
import { standardErrorFromP, summaryMatchedSample } from "@uplift/experiment";
import { describe, expect, it } from "vitest";
import { runCli, tempDir } from "../cli/run-cli.js";

/**
 * Peng et al. 2023 (arXiv:2302.06590): 35 + 35 developers completed the task, mean 71.17 vs
 * 160.89 minutes (−55.8 %), p = 0.0017, 95 % CI of the improvement [21 %, 89 %]. The analysis of
 * data with exactly those moments must give the published estimate and interval (bench/experiment-reproduction.ts).
 */
describe("reproducing a published randomized experiment from its summary statistics", () => {
  it("gives −55.8 % with a 95 % interval within 1.5 pp of the published [−89 %, −21 %]", () => {
    const se = standardErrorFromP(71.17 - 160.89, 0.0017, 68);
    const sdTreatment = Math.sqrt((se * se * 35) / 5);
    const rows = ["developer,arm,minutes"];
    summaryMatchedSample(35, 71.17, sdTreatment, 1).forEach((m, i) => {
      rows.push(`t${i},copilot,${m}`);
    });
    summaryMatchedSample(35, 160.89, 2 * sdTreatment, 1).forEach((m, i) => {
      rows.push(`c${i},control,${m}`);
    });
    const file = path.join(tempDir("uplift-peng-"), "peng-2023.csv");
    writeFileSync(file, `${rows.join("\n")}\n`);
    const result = runCli([
      "experiment",
      "analyze",
      "--data",
      file,
      "--outcome",
      "minutes",
      "--arm",
      "arm",
      "--treatment",
      "copilot",
      "--unit",
      "developer",
      "--cluster-bootstrap",
      "0",
      "--json",
    ]);
    expect(result.status, result.stderr).toBe(0);
    const { effect } = JSON.parse(result.stdout);
    const control = effect.baseline.control;
    expect(control).toBeCloseTo(160.89, 8);
    expect(effect.estimate / control).toBeCloseTo(-0.558, 3);
    expect(Math.abs(effect.ci[0] / control - -0.89)).toBeLessThan(0.015);
    expect(Math.abs(effect.ci[1] / control - -0.21)).toBeLessThan(0.015);
    expect(effect.p_value).toBeCloseTo(0.0017, 4);
  });
});
