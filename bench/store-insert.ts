/**
 * Store.insertMany throughput: 100,000 pull-request-shaped rows (8 columns) inserted in batches,
 * on PGlite (fresh temp data dir) and on PostgreSQL (a throw-away schema); then the same rows
 * with a ninth column, jsonb (still unnest) or text[] (VALUES path).
 *
 *   npx tsc -b && node bench/store-insert.ts
 *
 * UPLIFT_BENCH_DATABASE_URL overrides the server (default postgres://postgres@127.0.0.1:5432/test).
 */
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { openStore, type Store } from "@uplift/core";

const ROWS = 100_000;
const RUNS = 3;
const BATCH_SIZES = [1_000, 5_000, 20_000];
const COLUMNS = ["id", "repo", "author", "created_at", "merged_at", "additions", "deletions", "title"];
const COLUMN_TYPES = `id text PRIMARY KEY, repo text NOT NULL, author text NOT NULL, created_at timestamptz NOT NULL,
  merged_at timestamptz, additions int NOT NULL, deletions int NOT NULL, title text NOT NULL`;

/** Fixed input: the same rows on every run and machine. */
function pullRequests(): unknown[][] {
  const start = Date.UTC(2026, 0, 1);
  return Array.from({ length: ROWS }, (_, i) => [
    `pr-${i}`,
    `org/repo-${i % 97}`,
    `dev${i % 300}`,
    new Date(start + i * 60_000),
    i % 5 === 0 ? null : new Date(start + i * 60_000 + 3_600_000 * (1 + (i % 48))),
    (i * 7) % 500,
    (i * 3) % 200,
    `Change number ${i}: update dependency and fix the flaky test`,
  ]);
}

/**
 * Prints wall-clock rows/s and rows per CPU-second of this process (medians of RUNS). For PGlite
 * the CPU figure covers the whole engine, so it shows the rate free of other load on the
 * machine; for PostgreSQL it covers the client side only.
 */
async function measure(name: string, store: Store, table: string, columns: string[], rows: unknown[][]) {
  for (const batchSize of BATCH_SIZES) {
    const wall: number[] = [];
    const cpu: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      await store.query(`TRUNCATE ${table}`);
      const cpuBefore = process.cpuUsage();
      const started = performance.now();
      const written = await store.insertMany(table, columns, rows, { batchSize });
      const seconds = (performance.now() - started) / 1000;
      const cpuUsed = process.cpuUsage(cpuBefore);
      if (written !== rows.length) throw new Error(`${name}: wrote ${written} rows, expected ${rows.length}`);
      wall.push(rows.length / seconds);
      cpu.push(rows.length / ((cpuUsed.user + cpuUsed.system) / 1e6));
    }
    const label = `${name} ${table} batch ${batchSize}`.padEnd(38);
    console.log(`${label} ${format(median(wall))} rows/s  ${format(median(cpu))} rows/CPU-s`);
  }
}

/**
 * The three shapes insertMany takes: scalar columns as unnest arrays; with a jsonb column too
 * (sent as JSON text); with a text[] column, which falls back to a VALUES list.
 */
async function measureAllPaths(name: string, store: Store, rows: unknown[][]) {
  await store.query(`CREATE TABLE bench_prs (${COLUMN_TYPES})`);
  await store.query(`CREATE TABLE bench_prs_json (${COLUMN_TYPES}, meta jsonb)`);
  await store.query(`CREATE TABLE bench_prs_array (${COLUMN_TYPES}, labels text[])`);
  await measure(name, store, "bench_prs", COLUMNS, rows);
  const withJson = rows.map((row) => [...row, { source: "bench" }]);
  await measure(name, store, "bench_prs_json", [...COLUMNS, "meta"], withJson);
  const withArray = rows.map((row) => [...row, ["bug", "deps"]]);
  await measure(name, store, "bench_prs_array", [...COLUMNS, "labels"], withArray);
}

function median(values: number[]): number {
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
}

function format(value: number): string {
  return Math.round(value).toLocaleString("en-US").padStart(9);
}

const rows = pullRequests();
const dataDir = mkdtempSync(path.join(tmpdir(), "uplift-bench-store-"));
try {
  const pglite = await openStore({ dataDir });
  try {
    await measureAllPaths("pglite", pglite, rows);
  } finally {
    await pglite.close();
  }
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}

const serverUrl = process.env.UPLIFT_BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
const schema = `uplift_bench_${randomBytes(4).toString("hex")}`;
const admin = await openStore({ url: serverUrl, dataDir });
try {
  await admin.query(`CREATE SCHEMA ${schema}`);
  const searchPath = encodeURIComponent(`-c search_path=${schema}`);
  const postgres = await openStore({ url: `${serverUrl}?options=${searchPath}`, dataDir });
  try {
    await measureAllPaths("postgres", postgres, rows);
  } finally {
    await postgres.close();
  }
} finally {
  await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await admin.close();
}
