/**
 * All measure metrics over 1,000,000 PRs and 100,000 deployments (plus 5,000 incidents, 300k
 * deployment↔commit links and 110k telemetry user-days), grouped by author and by week, on PGlite
 * and by author-week (`--group-by author,week`), on PGlite and on the local PostgreSQL. Bar (issue 4): each report under 5 s, memory under 2 GiB.
 * Run after `npx tsc -b`:
 *   node bench/measure-metrics.ts [prs=1000000] [pglite|postgres|both]
 * Each report runs in a fresh child process (`… report TARGET GROUP_BY|- [FROM TO]`), so its time and
 * peak RSS are those of one `uplift measure metrics` run; its CPU time is printed too (the machine
 * is shared). KEEP_DIR=DIR keeps the PGlite data, KEEP_SCHEMA=NAME the PostgreSQL schema.
 * Data is generated in SQL (fixed seed) so that the figures measure the metrics, not the load.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { coreMigrations, openStore, type Store } from "@uplift/core";
import { type GroupBy, measureMigrations, metricsReport } from "@uplift/measure";

const PRS = Number(process.argv[2] ?? 1_000_000);
const which = process.argv[3] ?? "both";
const DEPLOYMENTS = Math.round(PRS / 10);
const SERVER_URL = process.env.UPLIFT_TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";

/** The Git connector's tables (measure/0002_git) where lead time reads its links. */
const GIT_TABLES = `
CREATE TABLE IF NOT EXISTS commits (repo text NOT NULL, sha text NOT NULL, parents text[] NOT NULL DEFAULT '{}',
  author text NOT NULL, author_email text NOT NULL DEFAULT '', authored_at timestamptz NOT NULL,
  author_tz_offset_min integer NOT NULL DEFAULT 0, committed_at timestamptz NOT NULL, subject text NOT NULL DEFAULT '',
  additions integer, deletions integer, PRIMARY KEY (repo, sha));
CREATE TABLE IF NOT EXISTS deployment_commits (deployment_id text NOT NULL, repo text NOT NULL, sha text NOT NULL,
  authored_at timestamptz NOT NULL, committed_at timestamptz NOT NULL, PRIMARY KEY (deployment_id, sha));`;

async function seed(store: Store): Promise<number> {
  const started = performance.now();
  await store.query("SELECT setseed(0.42)");
  const base = "timestamptz '2024-01-01T00:00:00Z'";
  await store.query(`
    INSERT INTO developers (login, team, aliases)
    SELECT 'dev' || g, 'team' || (g % 30), ARRAY['dev' || g || '@example.com'] FROM generate_series(0, 2999) g`);
  await store.query(`
    INSERT INTO identities (alias, login, source)
    SELECT 'dev' || g || '@example.com', 'dev' || g, 'bench' FROM generate_series(0, 2999) g
    UNION ALL SELECT 'dev' || g, 'dev' || g, 'bench' FROM generate_series(0, 2999) g`);
  await store.query(`
    INSERT INTO prs (id, source, repo, author, title, created_at, merged_at, first_commit_at, first_review_at,
                     additions, deletions, draft, author_is_bot)
    SELECT 'pr' || g, 'bench', 'repo' || (g % 200),
           CASE WHEN g % 3 = 0 THEN 'dev' || (g % 3000) || '@example.com' ELSE 'dev' || (g % 3000) END, '',
           c, CASE WHEN g % 10 = 0 THEN NULL ELSE c + make_interval(secs => exp(random() * 6) * 3600) END,
           c - make_interval(secs => exp(random() * 4) * 3600),
           CASE WHEN g % 7 = 0 THEN NULL ELSE c + make_interval(secs => exp(random() * 3) * 3600) END,
           (exp(random() * 7))::int, (exp(random() * 5))::int, g % 50 = 0, g % 97 = 0
    FROM (SELECT g, ${base} + make_interval(secs => g * (63072000.0 / ${PRS})) AS c
          FROM generate_series(1, ${PRS}) g) s`);
  await store.query(`
    INSERT INTO deployments (id, source, repo, environment, sha, finished_at, status)
    SELECT 'd' || g, 'bench', 'repo' || (g % 200), CASE WHEN g % 5 = 0 THEN 'staging' ELSE 'production' END,
           md5(g::text), ${base} + make_interval(secs => g * (63072000.0 / ${DEPLOYMENTS})),
           CASE WHEN g % 20 = 0 THEN 'failure' ELSE 'success' END
    FROM generate_series(1, ${DEPLOYMENTS}) g`);
  await store.query(`
    INSERT INTO incidents (id, source, service, started_at, resolved_at, deployment_id)
    SELECT 'i' || g, 'bench', 'repo' || (g % 200), s, s + make_interval(secs => exp(random() * 4) * 3600),
           CASE WHEN g % 4 = 0 THEN 'd' || (g * 20) END
    FROM (SELECT g, ${base} + make_interval(secs => g * (63072000.0 / ${DEPLOYMENTS / 20})) AS s
          FROM generate_series(1, ${DEPLOYMENTS / 20}) g) x`);
  await store.query(`
    INSERT INTO telemetry_days ("user", date, source, shown, accepted)
    SELECT 'dev' || u, date '2024-01-01' + d, 'bench', (random() * 200)::int, 0
    FROM generate_series(0, 299) u, generate_series(0, 364) d`);
  await store.query("UPDATE telemetry_days SET accepted = (shown * random() * 0.4)::int");
  for (const statement of GIT_TABLES.split(";").filter((s) => s.trim())) await store.query(statement);
  await store.query(`
    INSERT INTO commits (repo, sha, author, authored_at, committed_at)
    SELECT d.repo, md5(d.id || k), 'dev' || ((n * 7 + k) % 3000), d.finished_at - make_interval(secs => exp(random() * 5) * 3600),
           d.finished_at - interval '10 minutes'
    FROM (SELECT id, repo, finished_at, row_number() OVER () AS n FROM deployments) d, generate_series(1, 3) k`);
  await store.query(`
    INSERT INTO deployment_commits (deployment_id, repo, sha, authored_at, committed_at)
    SELECT d.id, d.repo, md5(d.id || k), c.authored_at, c.committed_at
    FROM deployments d CROSS JOIN generate_series(1, 3) k
    JOIN commits c ON c.repo = d.repo AND c.sha = md5(d.id || k)`);
  await store.query("ANALYZE");
  return performance.now() - started;
}

/** One report in this process (a child of the bench): prints "ms rows metrics maxRSS-MiB" as JSON. */
async function report(target: string, groupByArg: string, from?: string, to?: string): Promise<void> {
  const store = target.startsWith("postgres")
    ? await openStore({ url: target, dataDir: "/unused" })
    : await openStore({ dataDir: target });
  try {
    const groupBy = groupByArg === "-" ? undefined : (groupByArg.split(",") as GroupBy[]);
    const started = performance.now();
    const cpuBefore = process.cpuUsage();
    const result = await metricsReport(store, { groupBy, from, to });
    const ms = performance.now() - started;
    // CPU time too: on the shared 2-core machine other work stretches the wall-clock time
    const cpu = process.cpuUsage(cpuBefore);
    const cpuMs = (cpu.user + cpu.system) / 1000;
    const metrics = new Set(result.metrics.map((m) => m.name)).size;
    const rssMiB = Math.round(process.resourceUsage().maxRSS / 1024);
    console.log(JSON.stringify({ ms, cpuMs, rows: result.metrics.length, metrics, rssMiB }));
  } finally {
    await store.close();
  }
}

/**
 * Seeds, then runs each report in a fresh process, as `uplift measure metrics` runs: its peak RSS
 * is the report's own (PGlite keeps the WASM memory the seeding grew to).
 */
async function bench(driver: string, store: Store, target: string): Promise<void> {
  await store.migrate([...coreMigrations, ...measureMigrations]);
  const seedMs = await seed(store);
  await store.close();
  console.log(
    `${driver}: seeded ${PRS.toLocaleString()} PRs, ${DEPLOYMENTS.toLocaleString()} deployments in ${(seedMs / 1000).toFixed(1)} s`,
  );
  const runs: [string, string[]][] = [
    ["all metrics", ["-"]],
    ["all metrics --group-by author", ["author"]],
    ["all metrics --group-by week", ["week"]],
    ["all metrics --group-by author,week", ["author,week"]],
    ["all metrics --group-by author, one quarter", ["author", "2025-01-01", "2025-03-31"]],
  ];
  for (const [label, args] of runs) {
    const out = execFileSync(process.execPath, [import.meta.filename, "report", target, ...args], {
      encoding: "utf8",
      maxBuffer: 1 << 20,
    });
    const { ms, cpuMs, rows, metrics, rssMiB } = JSON.parse(out.trim().split("\n").pop() as string);
    console.log(
      `${driver}: ${label}: ${(ms / 1000).toFixed(2)} s (CPU ${(cpuMs / 1000).toFixed(2)} s), ${rows.toLocaleString()} rows, ${metrics} metrics, peak RSS ${rssMiB} MiB`,
    );
  }
}

if (process.argv[2] === "report") {
  await report(process.argv[3] as string, process.argv[4] as string, process.argv[5], process.argv[6]);
  process.exit(0);
}
if (which !== "postgres") {
  const dir = process.env.KEEP_DIR ?? mkdtempSync(path.join(tmpdir(), "bench-measure-"));
  try {
    await bench("pglite", await openStore({ dataDir: dir }), dir);
  } finally {
    if (!process.env.KEEP_DIR) rmSync(dir, { recursive: true, force: true });
  }
}
if (which !== "pglite") {
  // KEEP_SCHEMA=name keeps the seeded schema, as KEEP_DIR keeps the PGlite data (then: `report URL …`)
  const schema = process.env.KEEP_SCHEMA ?? `bench_measure_${process.pid}`;
  const admin = await openStore({ url: SERVER_URL, dataDir: "/unused" });
  await admin.query(`CREATE SCHEMA ${schema}`);
  const url = `${SERVER_URL}?options=${encodeURIComponent(`-c search_path=${schema}`)}`;
  try {
    await bench("postgres", await openStore({ url, dataDir: "/unused" }), url);
  } finally {
    if (!process.env.KEEP_SCHEMA) await admin.query(`DROP SCHEMA ${schema} CASCADE`);
    else console.log(`kept schema ${schema}: node bench/measure-metrics.ts report '${url}' author,week`);
    await admin.close();
  }
}
console.log(`node ${process.version}, ${new Date().toISOString().slice(0, 10)}`);
