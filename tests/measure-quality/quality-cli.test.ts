import { rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { runCli, tempDir } from "../cli/run-cli.js";
import { buildQualityHistory, type QualityHistory } from "./quality-history.js";
import { sarifLog, writeJson } from "./sarif-fixture.js";

// every CLI run opens PGlite (seconds each on a loaded 2-core machine)
vi.setConfig({ testTimeout: 180_000, hookTimeout: 180_000 });

let history: QualityHistory;
let work: string;
const dataDir = () => path.join(work, "data");
const REPO = "acme/web";

function uplift(...args: string[]) {
  return runCli([...args, "--data-dir", dataDir()]);
}

function json(...args: string[]) {
  const result = uplift(...args, "--json");
  expect(result.stderr).toBe("");
  expect(result.status).toBe(0);
  return JSON.parse(result.stdout);
}

function metric(name: string, extra: string[] = []) {
  const out = json("measure", "metrics", "--metric", name, ...extra);
  return out.metrics.filter((row: { name: string }) => row.name === name);
}

/** Every row of one report of several metrics, by metric name (one CLI run: each takes seconds). */
function metrics(names: string[]): Map<string, Record<string, unknown>[]> {
  const out = json("measure", "metrics", "--metric", names.join(","));
  const byName = new Map<string, Record<string, unknown>[]>();
  for (const row of out.metrics) byName.set(row.name, [...(byName.get(row.name) ?? []), row]);
  return byName;
}

beforeAll(() => {
  history = buildQualityHistory();
  work = tempDir("uplift-cli-quality-");
  json("measure", "import", "git", "--path", history.repo.dir, "--repo", REPO);
});
afterAll(() => {
  rmSync(history.repo.dir, { recursive: true, force: true });
  rmSync(work, { recursive: true, force: true });
});

describe("uplift measure quality git", () => {
  it("lists the guardrails as skipped in a report of all metrics until quality data is imported", () => {
    const out = json("measure", "metrics");
    expect(out.metrics.some((row: { name: string }) => row.name === "revert_rate")).toBe(false);
    expect(out.skipped).toContainEqual({
      name: "rework_rate",
      reason: expect.stringContaining("uplift measure quality git"),
    });
  });

  it("reports rework and reverts, counting a revert of a commit not in the history", () => {
    const out = json("measure", "quality", "git", "--path", history.repo.dir, "--repo", REPO);
    expect(out).toMatchObject({
      repo: REPO,
      branch: "main",
      commits: 9,
      landings: 8,
      lines_added: 10 + 7 + 6 + 2 + 1 + 1 + 1,
      lines_reworked: 2 + 2 + 6,
      landings_window_open: 1,
      reverts: { found: 2, linked: 1, linked_to_prs: 1, not_in_history: 1, same_landing: 0 },
    });
    expect(out.reverts.not_in_history_examples).toEqual([
      { revert: history.strayRevert, reverted: "0123456789abcdef0123456789abcdef01234567" },
    ]);
  });

  it("is idempotent: a second run replaces the rows", () => {
    const out = json("measure", "quality", "git", "--path", history.repo.dir, "--repo", REPO);
    expect(out.lines_reworked).toBe(10);
  });

  it("computes revert, rework, hotfix and bug-fix rates over merged PRs", () => {
    const rows = metrics([
      "revert_rate",
      "rework_rate",
      "hotfix_rate",
      "bug_fix_share",
      "unreviewed_merge_rate",
    ]);
    expect(rows.get("revert_rate")?.[0]).toMatchObject({ group: "all", value: 0.2, n: 5, numerator: 1 });
    // PR #1 2/7, #2 6/6, #3 0/2, #4 0/1; #5's window is open
    expect(rows.get("rework_rate")?.[0]).toMatchObject({
      value: 0.5,
      n: 4,
      numerator: 8,
      denominator: 16,
      excluded: { rework_window_open: 1 },
    });
    expect(rows.get("hotfix_rate")?.[0]).toMatchObject({ value: 0.2, n: 5 });
    expect(rows.get("bug_fix_share")?.[0]).toMatchObject({ value: 0.2, n: 5 });
    // PRs found in local Git history carry no review data
    expect(rows.get("unreviewed_merge_rate")?.[0]).toMatchObject({
      value: null,
      n: 0,
      excluded: { no_review_data: 5 },
    });
  });

  it("groups per developer-week and explains each PR", () => {
    const rows = metric("rework_rate", ["--group-by", "author,week"]);
    expect(rows.map((row: { group: string; value: number | null }) => [row.group, row.value])).toEqual([
      ["bob@example.com|2025-W10", 2 / 7],
      ["bob@example.com|2025-W19", null],
      ["carol@example.com|2025-W10", 6 / 8],
      ["carol@example.com|2025-W15", 0],
    ]);
    const explained = json("measure", "metrics", "--explain", "revert_rate");
    const reverted = explained.records.filter((r: { value: number }) => r.value === 1);
    expect(reverted).toHaveLength(1);
    expect(reverted[0]).toMatchObject({ record: "git:acme/web#2", reverted_by: `commit ${history.revert}` });
  });

  it("takes a hotfix pattern per report", () => {
    expect(metric("hotfix_rate", ["--hotfix-pattern", "^Docs"])[0]).toMatchObject({
      value: 0.2,
      numerator: 1,
    });
    const bad = uplift("measure", "metrics", "--metric", "hotfix_rate", "--hotfix-pattern", "(");
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/--hotfix-pattern \(: not a regular expression/);
  });
});

describe("uplift measure import sarif", () => {
  it("counts findings of a PR that are not in the base commit's analysis, by level and security severity", () => {
    const base = writeJson(
      work,
      "base.sarif",
      sarifLog("ESLint", [{ ruleId: "no-unused-vars", uri: "app.ts", line: 3, fingerprint: "f1" }]),
    );
    const head = writeJson(
      work,
      "pr2.sarif",
      sarifLog(
        "ESLint",
        [
          { ruleId: "no-unused-vars", uri: "app.ts", line: 4, fingerprint: "f1" },
          { ruleId: "no-undef", level: "error", uri: "cache.ts", line: 2 },
          { ruleId: "security/detect-eval", level: "warning", uri: "cache.ts", line: 5 },
        ],
        { "security/detect-eval": "8.1" },
      ),
    );
    const baseOut = json("measure", "import", "sarif", base, "--repo", REPO, "--commit", history.pr1);
    expect(baseOut.analyses).toEqual([
      { tool: "ESLint", files: [base], results: 1, findings: 1, suppressed: 0, absent: 0 },
    ]);
    const prOut = json("measure", "import", "sarif", head, "--repo", REPO, "--pr", "2");
    // the base defaults to the first parent of the commit that landed PR #2
    expect(prOut).toMatchObject({
      pr: 2,
      base: history.pr1,
      findings_by_level: { error: 1, warning: 2, note: 0 },
    });
    const [row] = metric("new_findings_per_pr");
    expect(row).toMatchObject({
      value: 2,
      n: 1,
      new_errors: 1,
      new_warnings: 1,
      security_high: 1,
      excluded: { no_sarif_analysis: 4 },
    });
  });

  it("refuses a file that does not validate, naming file and path, and imports nothing of the batch", () => {
    const good = writeJson(work, "good.sarif", sarifLog("Semgrep", [{ ruleId: "r1", uri: "x.ts", line: 1 }]));
    const log = sarifLog("Semgrep", [{ ruleId: "r1", uri: "x.ts", line: 1 }]) as {
      runs: { results: { level?: string }[] }[];
    };
    (log.runs[0]?.results[0] as { level?: string }).level = "fatal";
    const bad = writeJson(work, "bad.sarif", log);
    const result = uplift("measure", "import", "sarif", good, bad, "--repo", REPO, "--pr", "3");
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(`${bad}: not a valid SARIF 2.1.0 log: at /runs/0/results/0/level`);
    const notJson = path.join(work, "broken.sarif");
    writeFileSync(notJson, '{ "version": "2.1.0", ');
    const broken = uplift("measure", "import", "sarif", notJson, "--repo", REPO, "--commit", history.pr3);
    expect(broken.status).toBe(2);
    expect(broken.stderr).toContain(`${notJson}: not JSON`);
    // nothing of the refused batch was stored: PR #3 still has no analysis
    expect(metric("new_findings_per_pr")[0]).toMatchObject({ n: 1, excluded: { no_sarif_analysis: 4 } });
  });

  it("needs exactly one of --pr and --commit", () => {
    const file = path.join(work, "good.sarif");
    const result = uplift("measure", "import", "sarif", file, "--repo", REPO);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/exactly one of --pr N .* or --commit SHA/);
  });
});
