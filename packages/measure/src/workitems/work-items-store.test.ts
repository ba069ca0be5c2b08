import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { coreMigrations, InputError, openStore, type Store } from "@uplift/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importFile } from "../import/import-file.js";
import { explainMetric, metricsReport } from "../metrics-report.js";
import { measureMigrations } from "../migrations.js";
import { listImportRuns } from "../store/import-runs.js";
import { exportFlowMapping, importFlowMapping } from "./mapping-file.js";

const root = mkdtempSync(path.join(tmpdir(), "measure-workitems-"));
const SERVER_URL = process.env.UPLIFT_TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
const schema = `uplift_flow_${randomBytes(5).toString("hex")}`;
let admin: Store | undefined;

afterAll(async () => {
  await admin?.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await admin?.close();
  rmSync(root, { recursive: true, force: true });
});

function file(name: string, text: string): string {
  const full = path.join(root, name);
  writeFileSync(full, text);
  return full;
}

const ITEMS = `id,type,created_at,resolved_at,assignee,team,status
W-1,Story,2025-03-03T09:00:00Z,2025-03-05T09:00:00Z,ann,core,Done
W-2,Bug,2025-03-03T09:00:00Z,2025-03-04T09:00:00Z,bob,,Done
W-3,Task,2025-03-04T09:00:00Z,,ann,core,In Progress
W-4,Tech Debt,2025-03-02T09:00:00Z,2025-03-06T09:00:00Z,bob,,Closed
`;
const TRANSITIONS = `item_id,at,from,to
W-1,2025-03-03T10:00:00Z,To Do,In Progress
W-1,2025-03-04T10:00:00Z,In Progress,Blocked
W-1,2025-03-04T16:00:00Z,Blocked,In Progress
W-1,2025-03-05T09:00:00Z,In Progress,Done
W-2,2025-03-03T12:00:00Z,To Do,In Progress
W-2,2025-03-04T09:00:00Z,In Progress,Done
W-3,2025-03-04T09:00:00Z,To Do,In Progress
`;

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

describe.each(drivers)("work items and Flow metrics on %s", (driver, open) => {
  let store: Store;
  beforeAll(async () => {
    store = await open();
    await store.migrate([...coreMigrations, ...measureMigrations]);
  });
  afterAll(async () => store?.close());

  const metric = async (name: string, groupBy?: "author" | "team" | "week") =>
    (await metricsReport(store, { metrics: [name], groupBy })).metrics;

  it("imports items with transitions and computes the five Flow metrics by hand-checked values", async () => {
    const result = await importFile(store, {
      kind: "workitems",
      file: file(`items-${driver}.csv`, ITEMS),
      format: "csv",
      transitions: file(`transitions-${driver}.csv`, TRANSITIONS),
    });
    expect(result).toMatchObject({ kind: "workitems", rows: 4, written: 4, skipped: {} });
    expect(result.transitions).toMatchObject({ rows: 7, written: 7 });

    // W-1: started 03-03 10:00, done 03-05 09:00 = 47 h (41 active, 6 blocked); W-2: 21 h; W-4 (no transitions): created → resolved 96 h
    const [time] = await metric("flow_time");
    expect(time).toMatchObject({ group: "all", value: 47, n: 3, unit: "hours", start_from_created: 1 });
    const [efficiency] = await metric("flow_efficiency");
    expect(efficiency).toMatchObject({ n: 2, active_hours: 62, waiting_hours: 6, flow_hours: 68 });
    expect(efficiency?.value).toBeCloseTo(62 / 68, 12);
    expect(efficiency?.excluded).toEqual({ no_transitions: 1 });
    // done on 03-04, 03-05, 03-06: 3 items over 3 days
    const [velocity] = await metric("flow_velocity");
    expect(velocity).toMatchObject({ value: 7, n: 3, days: 3 });
    const [distribution] = await metric("flow_distribution");
    expect(distribution).toMatchObject({ n: 3, counts: { feature: 1, defect: 1, risk: 0, debt: 1 } });
    expect(distribution?.value).toBeCloseTo(1 / 3, 12);
    // period 03-02 00:00 → 03-07 00:00 (120 h); WIP hours 47 + 21 + 63 (W-3 open) + 96
    const [load] = await metric("flow_load");
    expect(load).toMatchObject({ n: 4, period_hours: 120, wip_hours: 227 });
    expect(load?.value).toBeCloseTo(227 / 120, 12);
  });

  it("splits by assignee and by the item's own team, and explains a value with its transitions", async () => {
    const byAuthor = await metric("flow_time", "author");
    expect(byAuthor.map((r) => [r.group, r.value])).toEqual([
      ["ann", 47],
      ["bob", 58.5],
    ]);
    const byTeam = await metric("flow_velocity", "team");
    expect(byTeam.map((r) => [r.group, r.n])).toEqual([
      ["(no team)", 2],
      ["core", 1],
    ]);
    const explained = await explainMetric(store, "flow_efficiency", {}, "all");
    const w1 = explained.records.find((r) => r.record === "W-1");
    expect(w1).toMatchObject({ active_hours: 41, waiting_hours: 6, start_at: "2025-03-03T10:00:00.000Z" });
    expect(w1?.value).toBeCloseTo(41 / 47, 12);
    expect(w1?.transitions).toContain("In Progress → Blocked (waiting)");
    expect(explained.records.find((r) => r.record === "W-4")?.excluded).toBe("no_transitions");
  });

  it("refuses unknown statuses, out-of-order transitions and unknown items, writing only the report", async () => {
    const before = await store.query<{ n: number }>("SELECT count(*)::int AS n FROM work_item_transitions");
    const items = file(
      `bad-items-${driver}.csv`,
      "id,type,created_at,resolved_at\nW-9,Story,2025-03-03T09:00:00Z,\n",
    );
    const transitions = file(
      `bad-transitions-${driver}.csv`,
      "item_id,at,from,to\nW-9,2025-03-04T09:00:00Z,To Do,QA Ready\nW-9,2025-03-03T12:00:00Z,QA Ready,Done\nW-77,2025-03-04T09:00:00Z,To Do,Done\n",
    );
    const refused = importFile(store, { kind: "workitems", file: items, format: "csv", transitions });
    await expect(refused).rejects.toThrow(InputError);
    await expect(refused).rejects.toThrow(/unknown_status 2, out_of_order 1, unknown_item 1/);
    await expect(refused).rejects.toThrow(
      /status "QA Ready" \(2 rows, first .*bad-transitions-.*line 2, column to\)/,
    );
    await expect(refused).rejects.toThrow(
      /line 3: item W-9: transition at 2025-03-03T12:00:00Z comes after one at/,
    );
    await expect(refused).rejects.toThrow(/line 4, column item_id: item W-77 is neither in/);
    const after = await store.query<{ n: number }>("SELECT count(*)::int AS n FROM work_item_transitions");
    expect(after.rows[0]?.n).toBe(before.rows[0]?.n);
    expect((await store.query("SELECT 1 FROM work_items WHERE id = 'W-9'")).rows).toHaveLength(0);
    const [run] = await listImportRuns(store, 1);
    expect(run).toMatchObject({ kind: "workitems", rowsWritten: 0 });
    expect(run?.skipped.unknown_status).toBeGreaterThan(0);
  });

  it("exports a reviewable mapping, imports a reviewed one and then accepts the mapped status", async () => {
    const out = path.join(root, `map-${driver}.csv`);
    const exported = await exportFlowMapping(store, out);
    expect(exported.unmapped).toEqual([]);
    const text = readFileSync(out, "utf8");
    expect(text.split("\n")[0]).toBe("kind,name,flow,origin,items");
    expect(text).toMatch(/^status,In Progress,active,default,3$/m);
    expect(text).toMatch(/^type,Tech Debt,debt,default,1$/m);

    const bad = file(`map-bad-${driver}.csv`, "kind,name,flow\nstatus,QA Ready,paused\n");
    await expect(importFlowMapping(store, bad)).rejects.toThrow(
      /line 2, column flow: "paused" is not a Flow state/,
    );
    const reviewed = file(
      `map-ok-${driver}.csv`,
      "kind,name,flow\nstatus,QA Ready,waiting\nstatus,Done,done\ntype,Spike,risk\n",
    );
    expect(await importFlowMapping(store, reviewed)).toMatchObject({ rows: 3, written: 2, skipped: 1 });

    const items = file(
      `qa-items-${driver}.csv`,
      "id,type,created_at,resolved_at\nW-9,Spike,2025-03-03T09:00:00Z,\n",
    );
    const transitions = file(
      `qa-transitions-${driver}.csv`,
      "item_id,at,from,to\nW-9,2025-03-04T09:00:00Z,To Do,QA Ready\n",
    );
    await importFile(store, { kind: "workitems", file: items, format: "csv", transitions });
    const again = await exportFlowMapping(store, out);
    expect(again.unmapped).toEqual([]);
    expect(readFileSync(out, "utf8")).toMatch(/^status,QA Ready,waiting,file,1$/m);
  });
});
