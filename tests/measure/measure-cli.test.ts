import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runCli, tempDir } from "../cli/run-cli.js";

const dir = tempDir("uplift-measure-");
const data = path.join(dir, "data");
const uplift = (...args: string[]) => runCli(["--data-dir", data, ...args], { cwd: dir });

function file(name: string, text: string): string {
  writeFileSync(path.join(dir, name), text);
  return name;
}

describe("uplift measure (built CLI)", () => {
  it("imports PRs, then reports metrics with definitions; bad rows change nothing; re-import is idempotent", () => {
    const prs = file(
      "prs.csv",
      "id,repo,author,created_at,merged_at\n1,web,ann,2025-03-03T09:00:00Z,2025-03-03T17:00:00Z\n" +
        "2,web,bob,2025-03-04T09:00:00+02:00,2025-03-05T09:00:00+02:00\n3,api,ann,2025-03-05T09:00:00Z,\n",
    );
    const imported = uplift("measure", "import", "csv", "--kind", "prs", prs, "--json");
    expect(imported.status, imported.stderr).toBe(0);
    expect(JSON.parse(imported.stdout)).toEqual({
      kind: "prs",
      file: "prs.csv",
      rows: 3,
      written: 3,
      skipped: {},
      anomalies: expect.objectContaining({ not_merged: 1 }),
    });

    const bad = file(
      "bad.csv",
      "id,repo,author,created_at,merged_at\n4,web,cy,2025-03-05T09:00:00Z,\n5,web,cy,2025-03-05 09:00,2025-03-05T09:00:00Z\n",
    );
    const refused = uplift("measure", "import", "csv", "--kind", "prs", bad);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/bad\.csv line 3, column created_at: .*an offset is required/);

    expect(uplift("measure", "import", "csv", "--kind", "prs", prs).status).toBe(0);

    const metrics = uplift("measure", "metrics", "--json", "--metric", "pr_merge_time", "--csv", "rows.csv");
    expect(metrics.status, metrics.stderr).toBe(0);
    const [row] = JSON.parse(metrics.stdout).metrics;
    // 2 merged PRs (the bad file's PR 4 was not written, PR 3 is unmerged): 8 h and 24 h
    expect(row).toMatchObject({
      name: "pr_merge_time",
      group: "all",
      value: 16,
      unit: "hours",
      n: 2,
      p75: 20,
      p90: 22.4,
    });
    expect(row.definition).toMatch(/created → merged/);
    expect(readFileSync(path.join(dir, "rows.csv"), "utf8")).toMatch(/^name,group,value,unit,n,/);
  });

  it("groups by author and week, and explains one value record by record", () => {
    const byWeek = uplift("measure", "metrics", "--json", "--group-by", "week", "--metric", "pr_merge_time");
    expect(
      JSON.parse(byWeek.stdout).metrics.map((m: { group: string; n: number }) => [m.group, m.n]),
    ).toEqual([["2025-W10", 2]]);
    const explained = uplift("measure", "metrics", "--explain", "pr_merge_time", "--json");
    expect(explained.status, explained.stderr).toBe(0);
    expect(JSON.parse(explained.stdout).records.map((r: { record: string }) => r.record)).toEqual([
      "1",
      "2",
      "3",
    ]);
    // metrics named with --metric: nothing else is listed as skipped
    const named = uplift("measure", "metrics", "--metric", "pr_merge_time", "--json");
    expect(JSON.parse(named.stdout).skipped).toEqual([]);
    expect(JSON.parse(uplift("measure", "metrics", "--json").stdout).skipped.length).toBeGreaterThan(0);
    // a group the metric does not have is bad input naming the groups it has
    const unknown = uplift("measure", "metrics", "--explain", "pr_merge_time", "--group", "web");
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain("--group web: no pr_merge_time records in that group (groups: all)");
    expect(unknown.stderr).toContain("--group-by");
  });

  it("rejects a PR file as workitems, unknown metrics and arm grouping without an experiment with exit 2", () => {
    const workitems = uplift("measure", "import", "csv", "--kind", "workitems", "prs.csv");
    expect(workitems.status).toBe(2);
    expect(workitems.stderr).toMatch(
      /prs\.csv line 1 \(header\): missing required columns type, resolved_at for --kind workitems/,
    );
    expect(uplift("measure", "metrics", "--metric", "nope").status).toBe(2);
    const arm = uplift("measure", "metrics", "--group-by", "arm");
    expect(arm.status).toBe(2);
    expect(arm.stderr).toMatch(/experiment/);
  });
});
