import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { type Migration, openStore, type Store } from "@uplift/core";
import { gitMigrations } from "../../packages/measure/src/git/migrations.js";
import { measureMigrations } from "../../packages/measure/src/index.js";

/** The measure migrations as the CLI applies them ("measure/0002_git" added until they list it). */
function migrations(): Migration[] {
  const listed = measureMigrations.some((m) => m.id === "measure/0002_git");
  return listed ? [...measureMigrations] : [...measureMigrations, ...gitMigrations];
}

export type Driver = "pglite" | "postgres";

const SERVER_URL = process.env.UPLIFT_TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";

/**
 * A store with the measure migrations applied: PGlite in a fresh temp dir, or the local
 * PostgreSQL in a schema of its own. `dispose` closes it and deletes the dir or the schema.
 */
export async function openMeasureStore(
  driver: Driver = "pglite",
): Promise<{ store: Store; dispose(): Promise<void> }> {
  if (driver === "postgres") return openPostgresSchema();
  const dir = mkdtempSync(path.join(tmpdir(), "uplift-measure-git-"));
  const store = await openStore({ dataDir: dir });
  await store.migrate(migrations());
  return {
    store,
    async dispose() {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function openPostgresSchema(): Promise<{ store: Store; dispose(): Promise<void> }> {
  const schema = `uplift_git_test_${randomBytes(6).toString("hex")}`;
  const admin = await openStore({ url: SERVER_URL, dataDir: "/nonexistent/unused-by-postgres" });
  await admin.query(`CREATE SCHEMA ${schema}`);
  const url = `${SERVER_URL}${SERVER_URL.includes("?") ? "&" : "?"}options=${encodeURIComponent(`-c search_path=${schema}`)}`;
  const store = await openStore({ url, dataDir: "/nonexistent/unused-by-postgres" });
  await store.migrate(migrations());
  return {
    store,
    async dispose() {
      await store.close();
      await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await admin.close();
    },
  };
}
