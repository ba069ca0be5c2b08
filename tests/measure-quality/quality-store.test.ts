import { rmSync } from "node:fs";
import path from "node:path";
import { InputError, type Store } from "@uplift/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importGitRepository } from "../../packages/measure/src/git/import-git-repository.js";
import { mapPullRequest } from "../../packages/measure/src/github/map-pull-request.js";
import { pullSchema } from "../../packages/measure/src/github/payloads.js";
import {
  analyzeGitQuality,
  explainMetric,
  importSarif,
  metricsReport,
} from "../../packages/measure/src/index.js";
import { upsertRecords } from "../../packages/measure/src/store/record-writer.js";
import { tempDir } from "../cli/run-cli.js";
import { type Driver, openMeasureStore } from "../measure-git/measure-store.js";
import { buildQualityHistory, type QualityHistory } from "./quality-history.js";
import { sarifLog, writeJson } from "./sarif-fixture.js";

const REPO = "acme/web";

describe.each<Driver>(["pglite", "postgres"])("quality guardrails on %s", (driver) => {
  let store: Store;
  let dispose: () => Promise<void>;
  let history: QualityHistory;
  let work: string;

  beforeAll(async () => {
    history = buildQualityHistory();
    work = tempDir("uplift-quality-store-");
    ({ store, dispose } = await openMeasureStore(driver));
    await importGitRepository(store, { path: history.repo.dir, repo: REPO });
  });
  afterAll(async () => {
    await dispose();
    rmSync(history.repo.dir, { recursive: true, force: true });
    rmSync(work, { recursive: true, force: true });
  });

  it("stores one row per landing and the revert linked to the PR it undid", async () => {
    const result = await analyzeGitQuality(store, { path: history.repo.dir, repo: REPO });
    expect(result).toMatchObject({ landings: 8, linesAdded: 28, linesReworked: 10 });
    const { rows } = await store.query<{ sha: string; lines_added: number; lines_reworked: number }>(
      "SELECT sha, lines_added, lines_reworked FROM quality_landings WHERE repo = $1 ORDER BY landed_at",
      [REPO],
    );
    expect(rows.map((r) => [r.sha, r.lines_added, r.lines_reworked])).toEqual([
      [history.base, 10, 2],
      [history.pr1, 7, 2],
      [history.pr2, 6, 6],
      [history.pr3, 2, 0],
      [history.revert, 0, 0],
      [history.strayRevert, 1, 0],
      [history.pr4, 1, 0],
      [history.pr5, 1, 0],
    ]);
    const reverts = await store.query<{ revert_sha: string; reverted_landing: string | null }>(
      "SELECT revert_sha, reverted_landing FROM quality_reverts ORDER BY reverted_at",
    );
    expect(reverts.rows).toEqual([
      { revert_sha: history.revert, reverted_landing: history.pr2 },
      { revert_sha: history.strayRevert, reverted_landing: null },
    ]);
    const run = await store.query<{ skipped: Record<string, number> }>(
      "SELECT skipped FROM import_runs WHERE kind = 'quality'",
    );
    expect(run.rows[0]?.skipped).toEqual({ revert_target_not_in_history: 1 });
  });

  it("computes the guardrails per author and week, arm-ready", async () => {
    const report = await metricsReport(store, {
      metrics: ["revert_rate", "rework_rate"],
      groupBy: ["author", "week"],
    });
    const values = report.metrics.map((row) => [row.name, row.group, row.value]);
    expect(values).toContainEqual(["revert_rate", "carol@example.com|2025-W10", 0.5]);
    expect(values).toContainEqual(["rework_rate", "carol@example.com|2025-W10", 0.75]);
  });

  it("takes a PR linked from a bug work item as a bug fix, before labels and titles", async () => {
    await store.query(
      `INSERT INTO work_items (id, type, created_at, resolved_at, linked_prs)
       VALUES ('JIRA-7', 'Bug', '2025-04-01T00:00:00Z', '2025-04-12T00:00:00Z', ARRAY['git:acme/web#4'])`,
    );
    const explained = await explainMetric(store, "bug_fix_share", { from: "2025-03-01", to: "2025-04-30" });
    expect(explained.records.map((r) => [r.record, r.bug_fix])).toEqual([
      ["git:acme/web#1", null],
      ["git:acme/web#2", null],
      ["git:acme/web#3", "title"],
      ["git:acme/web#4", "work_item"],
    ]);
  });

  it("imports SARIF per PR and leaves nothing of a batch with an invalid file", async () => {
    const base = writeJson(
      work,
      "base.sarif",
      sarifLog("CodeQL", [{ ruleId: "js/x", uri: "a.ts", line: 1, fingerprint: "1" }]),
    );
    const head = writeJson(
      work,
      "head.sarif",
      sarifLog("CodeQL", [
        { ruleId: "js/x", uri: "a.ts", line: 2, fingerprint: "1" },
        { ruleId: "js/y", uri: "a.ts", line: 9, fingerprint: "2", level: "error" },
      ]),
    );
    await importSarif(store, { files: [base], repo: REPO, commit: history.pr2.slice(0, 10) });
    await importSarif(store, { files: [head], repo: REPO, pr: 3 });
    const bad = writeJson(work, "bad.sarif", { version: "2.1.0", runs: [{ tool: {} }] });
    await expect(importSarif(store, { files: [base, bad], repo: REPO, pr: 4 })).rejects.toThrow(InputError);
    await expect(importSarif(store, { files: [bad], repo: REPO, pr: 4 })).rejects.toThrow(
      `${path.join(work, "bad.sarif")}: not a valid SARIF 2.1.0 log: at /runs/0/tool`,
    );
    const { rows } = await store.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM sarif_analyses WHERE pr_number = 4",
    );
    expect(rows[0]?.n).toBe(0);
    const report = await metricsReport(store, { metrics: ["new_findings_per_pr"] });
    expect(report.metrics[0]).toMatchObject({ value: 1, n: 1, new_errors: 1 });
  });

  it('links a GitHub revert PR (body "Reverts owner/repo#N") to the PR it reverts', async () => {
    const pull = (number: number, title: string, body: string) =>
      mapPullRequest("acme/api", {
        pull: pullSchema.parse({
          number,
          title,
          body,
          user: { login: "dan", type: "User" },
          state: "closed",
          created_at: "2025-06-05T09:00:00Z",
          updated_at: "2025-06-05T12:00:00Z",
          merged_at: `2025-06-0${number - 5}T12:00:00Z`,
          merge_commit_sha: `${number}`.repeat(20),
          base: { ref: "main" },
          head: { ref: `topic-${number}`, sha: "f".repeat(40) },
        }),
        commits: [],
        reviews: [],
        timeline: [],
      });
    const reverted = pull(10, "Add search", "Adds search.");
    const revert = pull(11, 'Revert "Add search"', "Reverts acme/api#10\n\nBroke the index.");
    expect(revert.attributes.reverts_pr).toBe("github:acme/api#10");
    await store.transaction((tx) => upsertRecords(tx, "prs", [reverted, revert]));
    const explained = await explainMetric(store, "revert_rate", { from: "2025-06-01", to: "2025-06-30" });
    expect(explained.records.map((r) => [r.record, r.value, r.reverted_by])).toEqual([
      ["github:acme/api#10", 1, "github:acme/api#11"],
      ["github:acme/api#11", 0, null],
    ]);
    // GitHub PRs carry reviews: neither was reviewed
    const report = await metricsReport(store, {
      metrics: ["unreviewed_merge_rate"],
      from: "2025-06-01",
      to: "2025-06-30",
    });
    expect(report.metrics[0]).toMatchObject({ value: 1, n: 2 });
  });
});
