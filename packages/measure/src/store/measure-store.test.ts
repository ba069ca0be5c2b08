import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { coreMigrations, InputError, openStore, type Store } from "@uplift/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importFile } from "../import/import-file.js";
import { prFact } from "../metrics/facts.js";
import { prFactsOf } from "../metrics/pr-columns.js";
import { computeMetrics } from "../metrics/registry.js";
import type { GroupBy } from "../metrics/types.js";
import { explainMetric, metricsReport } from "../metrics-report.js";
import { measureMigrations } from "../migrations.js";
import { pullRequestSchema } from "../records.js";
import { loadFacts } from "./load-facts.js";
import { upsertRecords } from "./record-writer.js";

const root = mkdtempSync(path.join(tmpdir(), "measure-store-"));
const SERVER_URL = process.env.UPLIFT_TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
const schema = `uplift_measure_${randomBytes(5).toString("hex")}`;
let admin: Store | undefined;

afterAll(async () => {
  await admin?.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await admin?.close();
  rmSync(root, { recursive: true, force: true });
});

const drivers: [string, () => Promise<Store>][] = [
  ["pglite", () => openStore({ dataDir: path.join(root, "pglite") })],
  [
    "postgres",
    async () => {
      admin = await openStore({ url: SERVER_URL, dataDir: "/unused" });
      await admin.query(`CREATE SCHEMA ${schema}`);
      const url = `${SERVER_URL}?options=${encodeURIComponent(`-c search_path=${schema}`)}`;
      return openStore({ url, dataDir: "/unused" });
    },
  ],
];

function file(name: string, text: string): string {
  const full = path.join(root, name);
  writeFileSync(full, text);
  return full;
}

const PRS = `id,repo,author,created_at,merged_at,first_review_at,additions,deletions,label
1,web,ann,2025-03-03T09:00:00Z,2025-03-03T17:00:00Z,2025-03-03T10:00:00Z,10,5,fast
2,web,Bob@Example.com,2025-03-04T09:00:00+02:00,2025-03-05T09:00:00+02:00,,3,1,
3,api,ann,2025-03-05T09:00:00Z,,,,,
`;

describe.each(drivers)("measure store on %s", (_driver, open) => {
  let store: Store;
  beforeAll(async () => {
    store = await open();
    await store.migrate([...coreMigrations, ...measureMigrations]);
  });
  afterAll(async () => {
    await store?.close();
  });

  const count = async (table: string) =>
    Number((await store.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`)).rows[0]?.n);

  it("imports a CSV file, keeping extra columns as attributes, and re-imports idempotently", async () => {
    const prs = file("prs.csv", PRS);
    const first = await importFile(store, { kind: "prs", file: prs, format: "csv" });
    expect(first).toMatchObject({ rows: 3, written: 3, skipped: {}, anomalies: { not_merged: 1 } });
    const again = await importFile(store, { kind: "prs", file: prs, format: "csv" });
    expect(again.written).toBe(3);
    expect(await count("prs")).toBe(3);
    const { rows } = await store.query<{ attributes: unknown; created_at: Date }>(
      "SELECT attributes, created_at FROM prs WHERE id = '1'",
    );
    expect(rows[0]?.attributes).toEqual({ label: "fast" });
    expect(await count("import_runs")).toBe(2);
  });

  it("writes nothing of a file with a bad row and names its line and column", async () => {
    const before = await count("prs");
    const bad = file(
      "bad.csv",
      "id,repo,author,created_at,merged_at\n10,web,cy,2025-03-05T09:00:00Z,\n11,web,cy,2025-03-05T09:00:00Z,soon\n",
    );
    const error = await importFile(store, { kind: "prs", file: bad, format: "csv" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toMatch(
      /bad\.csv line 3, column merged_at: "soon" is not an ISO 8601 time/,
    );
    expect(await count("prs")).toBe(before);
  });

  it("refuses a header without a required column", async () => {
    const bad = file("nohead.csv", "id,repo,author,created_at\n1,web,ann,2025-03-03T09:00:00Z\n");
    await expect(importFile(store, { kind: "prs", file: bad, format: "csv" })).rejects.toThrow(
      /line 1 \(header\): missing required column merged_at/,
    );
  });

  it("maps developer aliases to one login and groups by canonical author and team", async () => {
    const devs = file(
      "devs.jsonl",
      '{"login":"bob","team":"core","aliases":["bob@example.com"]}\n{"login":"ann","team":"ui"}\n',
    );
    const result = await importFile(store, { kind: "developers", file: devs, format: "jsonl" });
    expect(result).toMatchObject({ written: 2, identities: 3 });
    const byAuthor = await metricsReport(store, { groupBy: "author", metrics: ["pr_merge_time"] });
    expect(byAuthor.metrics.map((m) => [m.group, m.n, m.value])).toEqual([
      ["ann", 1, 8],
      ["bob", 1, 24],
    ]);
    const byTeam = await metricsReport(store, { groupBy: "team", metrics: ["pr_merge_time"] });
    expect(byTeam.metrics.map((m) => m.group)).toEqual(["core", "ui"]);
  });

  it("loads the same facts through the packed columns as from the records", async () => {
    const records = Array.from({ length: 300 }, (_, i) =>
      pullRequestSchema.parse({
        id: `gen-${i}`,
        repo: `repo-${i % 3}`,
        author: `dev-${i % 7}`,
        created_at: new Date(Date.UTC(2025, 0, 1) + i * 3_600_000).toISOString(),
        ...(i % 5 === 0
          ? {}
          : { merged_at: new Date(Date.UTC(2025, 0, 1) + i * 3_600_000 + i * 61_000).toISOString() }),
        ...(i % 4 === 0
          ? { first_review_at: new Date(Date.UTC(2025, 0, 1) + i * 3_600_000 + 1_500).toISOString() }
          : {}),
        ...(i % 3 === 0 ? { additions: i, deletions: 1 } : {}),
        draft: i % 11 === 0,
        title: i % 13 === 0 ? "has\u001fseparator, and comma" : "",
      }),
    );
    await store.transaction((tx) => upsertRecords(tx, "prs", records));
    const from = Date.UTC(2025, 0, 1);
    const facts = await loadFacts(store, { fromMs: from, toMs: from + 400 * 3_600_000, withIds: true });
    const loaded = prFactsOf(facts.prs)
      .filter((p) => p.id.startsWith("gen-"))
      .sort((a, b) => a.id.localeCompare(b.id));
    const expected = records.map((r) => prFact(r)).sort((a, b) => a.id.localeCompare(b.id));
    expect(loaded).toEqual(expected);
  });

  it("reports from the loaded columns what computeMetrics reports over the records", async () => {
    const { rows } = await store.query<Record<string, unknown>>(
      `SELECT id, source, repo, author, title, created_at, merged_at, first_commit_at, first_review_at,
              additions, deletions, draft, author_is_bot FROM prs`,
    );
    const records = rows.map((row) =>
      pullRequestSchema.parse(
        Object.fromEntries(
          Object.entries(row)
            .filter(([, value]) => value !== null)
            .map(([key, value]) => [key, value instanceof Date ? value.toISOString() : value]),
        ),
      ),
    );
    const facts = await loadFacts(store);
    const inputs = {
      prs: records.map((r) => prFact(r, facts.resolve)),
      deployments: [],
      incidents: [],
      telemetry: [],
    };
    const teamOf = (login: string) => facts.teams.get(login);
    const prMetrics = [
      "pr_merge_time",
      "pr_cycle_time",
      "pr_pickup_time",
      "pr_size",
      "prs_per_developer_week",
    ];
    for (const groupBy of [["repo"], ["author", "week"], ["team", "repo"]] as GroupBy[][]) {
      const report = await metricsReport(store, { groupBy, metrics: prMetrics });
      const expected = computeMetrics(inputs, { groupBy, teamOf, metrics: prMetrics });
      expect(report.metrics.length).toBeGreaterThan(3);
      expect(report.metrics).toEqual(expected.metrics);
    }
  });

  it("explains a metric with the records behind it", async () => {
    const explanation = await explainMetric(store, "pr_merge_time", { from: "2025-03-01", to: "2025-03-31" });
    expect(explanation.definition).toMatch(/created → merged/);
    expect(explanation.records.map((r) => [r.record, r.value, r.excluded])).toEqual([
      ["1", 8, null],
      ["2", 24, null],
      ["3", null, "not_merged"],
    ]);
  });

  it("groups by experiment arm from experiment_assignments, and says when there is none", async () => {
    await expect(metricsReport(store, { groupBy: "arm" })).rejects.toThrow(/no experiment assignment exists/);
    await store.query(
      "CREATE TABLE experiment_assignments (experiment text, unit text, arm text, assigned_at timestamptz)",
    );
    await store.query(
      `INSERT INTO experiment_assignments VALUES ('old', 'ann', 'control', '2024-01-01Z'),
       ('pilot', 'ann', 'treatment', '2025-01-01Z'), ('pilot', 'BOB@example.com', 'control', '2025-01-01Z')`,
    );
    const report = await metricsReport(store, {
      groupBy: "arm",
      metrics: ["pr_merge_time"],
      from: "2025-03-01",
    });
    expect(report.experiment).toBe("pilot");
    expect(report.metrics.map((m) => [m.group, m.value])).toEqual([
      ["control", 24],
      ["treatment", 8],
    ]);
    await store.query("DROP TABLE experiment_assignments");
  });

  it("imports deployments, incidents, telemetry and survey answers", async () => {
    const deployments = file(
      "deploys.csv",
      "id,repo,environment,sha,finished_at,status\nd1,web,production,abc1234,2025-03-03T18:00:00Z,success\n",
    );
    const incidents = file(
      "incidents.json",
      JSON.stringify([
        { id: "i1", service: "web", started_at: "2025-03-03T20:00:00Z", resolved_at: "2025-03-03T21:30:00Z" },
      ]),
    );
    const telemetry = file("tele.csv", "user,date,shown,accepted,editor\nann,2025-03-03,10,4,vscode\n");
    const survey = file("survey.csv", "survey,respondent,item,value\nq1,ann,satisfaction,4\n");
    await importFile(store, { kind: "deployments", file: deployments, format: "csv" });
    await importFile(store, { kind: "incidents", file: incidents, format: "json" });
    await importFile(store, { kind: "telemetry", file: telemetry, format: "csv" });
    await importFile(store, { kind: "survey", file: survey, format: "csv" });
    const report = await metricsReport(store, {
      metrics: ["change_failure_rate", "time_to_restore", "acceptance_rate"],
    });
    expect(report.metrics.map((m) => [m.name, m.value])).toEqual([
      ["change_failure_rate", 1],
      ["time_to_restore", 1.5],
      ["acceptance_rate", 0.4],
    ]);
    expect(await count("survey_answers")).toBe(1);
  });

  it("refuses telemetry that accepted more than it showed", async () => {
    const bad = file("tele-bad.csv", "user,date,shown,accepted\nann,2025-03-04,1,2\n");
    await expect(importFile(store, { kind: "telemetry", file: bad, format: "csv" })).rejects.toThrow(
      /line 2, column accepted: 2 suggestions accepted but only 1 shown/,
    );
  });
});
