import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { sampleJiraData, startFakeJira } from "@uplift/test-support";
import { describe, expect, it } from "vitest";
import { tempDir } from "../cli/run-cli.js";
import { runCliAsync } from "../measure-forge/run-cli-async.js";

const dir = tempDir("uplift-flow-cli-");
const data = path.join(dir, "data");
const uplift = (args: string[], env: Record<string, string> = {}) =>
  runCliAsync(["--data-dir", data, ...args], { cwd: dir, env });

function file(name: string, text: string): string {
  writeFileSync(path.join(dir, name), text);
  return name;
}

describe("uplift measure: work items and Flow metrics (built CLI)", () => {
  it("imports a work-item file with transitions, reports the Flow metrics and explains one", async () => {
    const items = file(
      "items.csv",
      "id,type,created_at,resolved_at,assignee\nW-1,Story,2025-03-03T09:00:00Z,2025-03-05T09:00:00Z,ann\nW-2,Bug,2025-03-03T09:00:00Z,2025-03-04T09:00:00Z,bob\n",
    );
    const transitions = file(
      "transitions.csv",
      "item_id,at,from,to\nW-1,2025-03-03T10:00:00Z,To Do,In Progress\nW-1,2025-03-04T10:00:00Z,In Progress,Blocked\n" +
        "W-1,2025-03-04T16:00:00Z,Blocked,In Progress\nW-1,2025-03-05T09:00:00Z,In Progress,Done\n" +
        "W-2,2025-03-03T12:00:00Z,To Do,In Progress\nW-2,2025-03-04T09:00:00Z,In Progress,Done\n",
    );
    const imported = await uplift([
      "measure",
      "import",
      "csv",
      "--kind",
      "workitems",
      items,
      "--transitions",
      transitions,
      "--json",
    ]);
    expect(imported.status, imported.stderr).toBe(0);
    expect(JSON.parse(imported.stdout)).toMatchObject({
      kind: "workitems",
      rows: 2,
      written: 2,
      transitions: { file: transitions, rows: 6, written: 6 },
    });

    const metrics = await uplift([
      "measure",
      "metrics",
      "--metric",
      "flow_time,flow_efficiency,flow_distribution",
      "--json",
    ]);
    expect(metrics.status, metrics.stderr).toBe(0);
    const rows = JSON.parse(metrics.stdout).metrics as Record<string, unknown>[];
    expect(rows.map((r) => [r.name, r.group, r.n])).toEqual([
      ["flow_time", "all", 2],
      ["flow_efficiency", "all", 2],
      ["flow_distribution", "all", 2],
    ]);
    expect(rows[0]).toMatchObject({ value: 34, unit: "hours" }); // median of 47 h and 21 h
    expect(rows[1]?.value).toBeCloseTo(62 / 68, 12);

    const explained = await uplift(["measure", "metrics", "--explain", "flow_time"]);
    expect(explained.status, explained.stderr).toBe(0);
    expect(explained.stdout).toMatch(
      /^W-1\tall\t2025-03-05T09:00:00.000Z\t47\ttransitions: .*Blocked → In Progress \(active\)/m,
    );
  });

  it("refuses an unknown status with exit 2 naming file, line and item; a reviewed mapping file fixes it", async () => {
    const items = file("qa-items.csv", "id,type,created_at,resolved_at\nW-9,Story,2025-03-03T09:00:00Z,\n");
    const transitions = file(
      "qa-transitions.csv",
      "item_id,at,from,to\nW-9,2025-03-04T09:00:00Z,To Do,Ready for QA Review\n",
    );
    const refused = await uplift([
      "measure",
      "import",
      "csv",
      "--kind",
      "workitems",
      items,
      "--transitions",
      transitions,
    ]);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(
      /qa-items\.csv: 1 rows refused \(unknown_status 1\); nothing was imported/,
    );
    expect(refused.stderr).toMatch(
      /status "Ready for QA Review" \(1 rows, first qa-transitions\.csv line 2, column to\)/,
    );

    const exported = await uplift(["measure", "statuses", "export", "--out", "map.csv", "--json"]);
    expect(exported.status, exported.stderr).toBe(0);
    expect(readFileSync(path.join(dir, "map.csv"), "utf8")).toMatch(/^status,In Progress,active,default,2$/m);
    writeFileSync(path.join(dir, "map.csv"), "kind,name,flow\nstatus,Ready for QA Review,waiting\n");
    const mapped = await uplift(["measure", "statuses", "import", "map.csv", "--json"]);
    expect(mapped.status, mapped.stderr).toBe(0);
    expect(JSON.parse(mapped.stdout)).toMatchObject({ rows: 1, written: 1 });
    const again = await uplift([
      "measure",
      "import",
      "csv",
      "--kind",
      "workitems",
      items,
      "--transitions",
      transitions,
    ]);
    expect(again.status, again.stderr).toBe(0);
  });

  it("imports Jira issues from a fake Jira with JIRA_TOKEN", async () => {
    const jira = await startFakeJira({ data: sampleJiraData(), token: "pat-1" });
    try {
      const result = await uplift(
        ["measure", "import", "jira", "--url", jira.url, "--project", "WEB", "--api-version", "2", "--json"],
        { JIRA_TOKEN: "pat-1" },
      );
      expect(result.status, result.stderr).toBe(0);
      expect(JSON.parse(result.stdout)).toMatchObject({
        source: "jira",
        items: 3,
        transitions: 7,
        unmapped: [],
      });
      const bad = await uplift(["measure", "import", "jira", "--url", jira.url], { JIRA_TOKEN: "pat-1" });
      expect(bad.status).toBe(2);
      expect(bad.stderr).toMatch(/--project KEY or --jql QUERY/);
    } finally {
      await jira.close();
    }
  });
});
