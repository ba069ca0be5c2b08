import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { forgeMigrations, type Migration, openStore, type Store } from "@uplift/core";
import { measureMigrations } from "../../packages/measure/src/index.js";
import { measureMigrations as recordsMigrations } from "../../packages/measure/src/migrations.js";

const RECORD_TABLES = [
  "prs",
  "deployments",
  "incidents",
  "telemetry_days",
  "import_cursors",
  "forge_http_cache",
];

/**
 * The forge HTTP cache and measure's tables: `measureMigrations` from the package's index once it
 * lists "measure/0001_records", until then straight from migrations.ts.
 */
export function forgeTestMigrations(): Migration[] {
  const hasRecords = measureMigrations.some((m) => m.id === "measure/0001_records");
  return [...forgeMigrations, ...(hasRecords ? measureMigrations : recordsMigrations)];
}

/** A PGlite store in a temp dir with the records tables and the forge HTTP cache. */
export async function openRecordsStore(): Promise<{
  store: Store;
  dir: string;
  reset(): Promise<void>;
  close(): Promise<void>;
}> {
  const dir = mkdtempSync(path.join(tmpdir(), "uplift-forge-"));
  const store = await openStore({ dataDir: dir });
  await store.migrate(forgeTestMigrations());
  return {
    store,
    dir,
    reset: async () => {
      await store.query(`TRUNCATE ${RECORD_TABLES.map((t) => `"${t}"`).join(", ")}`);
    },
    close: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
