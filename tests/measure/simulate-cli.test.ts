import path from "node:path";
import { describe, expect, it } from "vitest";
import { runCli, tempDir } from "../cli/run-cli.js";

describe("uplift measure simulate (built CLI)", () => {
  it("writes a demo organisation that imports kind by kind and reports per team", () => {
    const dir = tempDir("uplift-measure-sim-");
    const uplift = (...args: string[]) =>
      runCli(["--data-dir", path.join(dir, "data"), ...args], { cwd: dir });
    const simulated = uplift(
      "measure",
      "simulate",
      "--out",
      "demo",
      "--developers",
      "12",
      "--weeks",
      "6",
      "--json",
    );
    expect(simulated.status, simulated.stderr).toBe(0);
    const summary = JSON.parse(simulated.stdout);
    expect(summary.truth).toMatchObject({ merge_time_effect: -0.17, acceptance_rate: 0.3 });
    for (const kind of ["developers", "prs", "deployments", "incidents", "telemetry"]) {
      const imported = uplift("measure", "import", "csv", "--kind", kind, `demo/${kind}.csv`, "--json");
      expect(imported.status, imported.stderr).toBe(0);
    }
    const report = uplift(
      "measure",
      "metrics",
      "--group-by",
      "team",
      "--metric",
      "pr_merge_time",
      "acceptance_rate",
      "--json",
    );
    expect(report.status, report.stderr).toBe(0);
    const rows = (
      JSON.parse(report.stdout).metrics as { name: string; group: string; n: number; excluded: object }[]
    ).filter((r) => r.name === "pr_merge_time");
    // 12 developers in 6 teams, email aliases resolved; only the bot's PRs have no team, and they are excluded
    expect(new Set(rows.filter((r) => r.n > 0).map((r) => r.group))).toEqual(
      new Set(["team-a", "team-b", "team-c", "team-d", "team-e", "team-f"]),
    );
    expect(rows.find((r) => r.group === "(no team)")).toMatchObject({ n: 0, excluded: { bot: 4 * 6 } });
  });
});
