/**
 * Flow metrics over 500,000 work items with 5,000,000 status transitions (10 per item). Bar
 * (issue 11): the five Flow metrics in under 10 s. Run after `npx tsc -b`:
 *   node bench/measure-flow.ts [items=500000] [pglite|postgres] [--keep DIR]
 * (`--keep DIR`: PGlite data in DIR, generated once and reused by later runs.)
 * Data is generated in SQL (fixed formulas, no randomness) so the figures measure the metrics,
 * not the import: 5 item types, 3,000 assignees in 20 projects over ~1 year, each item walking
 * To Do → In Progress → In Review → Blocked → … → Done (every 10th item still In Progress).
 * Timed: (1) loading the facts from the store (work items as packed columns, statuses mapped
 * in SQL), (2) computing the five metrics from the loaded facts ungrouped, by author, by week
 * and by author-week, (3) the whole `metricsReport` as `uplift measure metrics --metric flow_*` runs it.
 */
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { coreMigrations, openStore, type Store } from "@uplift/core";
import { computeMetrics, type GroupBy, loadFacts, measureMigrations, metricsReport } from "@uplift/measure";

const { values, positionals } = parseArgs({ allowPositionals: true, options: { keep: { type: "string" } } });
const ITEMS = Number(positionals[0] ?? 500_000);
const target = positionals[1] ?? "pglite";
const SERVER_URL = process.env.UPLIFT_TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
const FLOW = ["flow_time", "flow_velocity", "flow_load", "flow_efficiency", "flow_distribution"];
/** The `to` status of transition k (0–9); every 10th item ends In Progress instead of Done. */
const STEPS = [
  "In Progress",
  "In Review",
  "Blocked",
  "In Progress",
  "In Review",
  "Waiting",
  "In Progress",
  "In Review",
  "Ready to Deploy",
  "Done",
];

const STATUS_NAMES = ["To Do", "In Progress", "In Review", "Blocked", "Waiting", "Ready to Deploy", "Done"];
const idOf = (name: string) => STATUS_NAMES.indexOf(name) + 1;

async function generate(store: Store): Promise<void> {
  const started = performance.now();
  // step h = (i % 17) + 2 hours; transition k at created + (k + 1) h + k·((i·k) % 13) minutes (strictly increasing)
  const at = (k: string) =>
    `(timestamptz '2025-01-06T00:00:00Z' + i * interval '60 seconds' + (${k} + 1) * ((i % 17) + 2) * interval '1 hour' + ${k} * ((i * ${k}) % 13) * interval '1 minute')`;
  const names = (list: string[]) => `(ARRAY[${list.map((s) => `'${s}'`).join(",")}])`;
  const ids = (list: string[]) => `(ARRAY[${list.map(idOf).join(",")}])`;
  const from = (k: string, pick: (list: string[]) => string) =>
    `CASE WHEN ${k} = 0 THEN ${pick(["To Do"])}[1] ELSE ${pick(STEPS)}[${k}] END`;
  const to = (k: string, pick: (list: string[]) => string) =>
    `CASE WHEN ${k} = 9 AND i % 10 = 0 THEN ${pick(["In Progress"])}[1] ELSE ${pick(STEPS)}[${k} + 1] END`;
  await store.query(
    `INSERT INTO flow_statuses (id, name) SELECT ordinality, name FROM unnest($1::text[]) WITH ORDINALITY AS s(name)`,
    [STATUS_NAMES],
  );
  const chunk = 50_000;
  for (let lo = 1; lo <= ITEMS; lo += chunk) {
    const range = [lo, Math.min(ITEMS, lo + chunk - 1)];
    await store.query(
      `INSERT INTO work_items (id, source, type, created_at, resolved_at, status, assignee, project, trace)
       SELECT 'W-' || i, 'bench', (ARRAY['Story','Bug','Task','Tech Debt','Security'])[1 + i % 5],
              timestamptz '2025-01-06T00:00:00Z' + i * interval '60 seconds',
              CASE WHEN i % 10 = 0 THEN NULL ELSE ${at("9")} END,
              CASE WHEN i % 10 = 0 THEN 'In Progress' ELSE 'Done' END,
              'dev' || (i % 3000), 'P' || (i % 20),
              (SELECT string_agg(float8send(floor(date_part('epoch', ${at("k")}) * 1000)) || int4send(${from("k", ids)})
                                 || int4send(${to("k", ids)}), ''::bytea ORDER BY k)
                 FROM generate_series(0, 9) AS k)
       FROM generate_series($1::int, $2::int) AS i`,
      range,
    );
    await store.query(
      `INSERT INTO work_item_transitions (item_id, seq, at, from_status, to_status)
       SELECT 'W-' || i, k, ${at("k")}, ${from("k", names)}, ${to("k", names)}
       FROM generate_series($1::int, $2::int) AS i, generate_series(0, 9) AS k`,
      range,
    );
  }
  await store.query("ANALYZE work_items");
  const { rows } = await store.query<{ n: number }>("SELECT count(*)::int AS n FROM work_item_transitions");
  console.log(
    `generated ${ITEMS.toLocaleString("en")} items, ${rows[0]?.n.toLocaleString("en")} transitions in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
}

async function time<T>(label: string, run: () => Promise<T> | T): Promise<T> {
  const started = performance.now();
  const result = await run();
  console.log(`${label.padEnd(58)} ${((performance.now() - started) / 1000).toFixed(2)} s`);
  return result;
}

async function main(): Promise<void> {
  const dir = values.keep ?? mkdtempSync(path.join(tmpdir(), "bench-flow-"));
  const reuse = values.keep !== undefined && existsSync(path.join(dir, "pg"));
  let admin: Store | undefined;
  const schema = `bench_flow_${process.pid}`;
  let store: Store;
  if (target === "postgres") {
    admin = await openStore({ url: SERVER_URL, dataDir: "/unused" });
    await admin.query(`CREATE SCHEMA ${schema}`);
    store = await openStore({
      url: `${SERVER_URL}?options=${encodeURIComponent(`-c search_path=${schema}`)}`,
      dataDir: "/unused",
    });
  } else {
    store = await openStore({ dataDir: path.join(dir, "pg") });
  }
  try {
    await store.migrate([...coreMigrations, ...measureMigrations]);
    if (!reuse) await generate(store);
    const facts = await time("load facts (items + transitions, packed)", () => loadFacts(store));
    console.log(
      `  loaded ${facts.workItems?.items.length.toLocaleString("en")} items, ${facts.workItems?.at.length.toLocaleString("en")} transitions; heap ${(process.memoryUsage().heapUsed / 2 ** 20).toFixed(0)} MiB`,
    );
    for (const groupBy of [undefined, "author", "week", ["author", "week"]] as (
      | GroupBy
      | GroupBy[]
      | undefined
    )[]) {
      const label = groupBy === undefined ? "-" : [groupBy].flat().join(",");
      // fresh arrays each time: the per-report summary cache must not carry over
      const inputs = { ...facts, workItems: facts.workItems && { ...facts.workItems } };
      const { metrics } = await time(`compute 5 Flow metrics, group by ${label}`, () =>
        computeMetrics(inputs, { groupBy, metrics: FLOW }),
      );
      if (groupBy === undefined)
        for (const row of metrics)
          console.log(
            `  ${row.name.padEnd(18)} ${String(row.value).slice(0, 10).padStart(10)} ${row.unit} n=${row.n}`,
          );
      else console.log(`  ${metrics.length.toLocaleString("en")} rows`);
    }
    for (const groupBy of [undefined, "author"] as (GroupBy | undefined)[])
      await time(`metricsReport (load + compute), group by ${groupBy ?? "-"}`, () =>
        metricsReport(store, { metrics: FLOW, groupBy }),
      );
    await time("metricsReport, window 2025-03-01..2025-03-31, by week", () =>
      metricsReport(store, { metrics: FLOW, groupBy: "week", from: "2025-03-01", to: "2025-03-31" }),
    );
  } finally {
    await store.close();
    await admin?.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await admin?.close();
    if (values.keep === undefined) rmSync(dir, { recursive: true, force: true });
  }
}

await main();
