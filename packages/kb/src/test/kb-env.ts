import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import {
  coreMigrations,
  openSearchIndex,
  openStore,
  type SearchIndex,
  type Store,
  silentLogger,
} from "@uplift/core";
import { kbMigrations } from "../store/migrations.js";

/** Test helper: a PGlite store with core + kb migrations and a LanceDB index, both in a temp dir. */
export interface KbTestEnv {
  dir: string;
  store: Store;
  index: SearchIndex;
  close(): Promise<void>;
}

export async function openKbTestEnv(): Promise<KbTestEnv> {
  const dir = mkdtempSync(path.join(tmpdir(), "kb-env-"));
  const store = await openStore({ dataDir: dir, logger: silentLogger() });
  await store.migrate([...coreMigrations, ...kbMigrations]);
  const index = await openSearchIndex({ dataDir: dir, logger: silentLogger() });
  return {
    dir,
    store,
    index,
    async close() {
      await index.close();
      await store.close();
    },
  };
}

/** Writes a jsonl source file of `{ id, title, text, url?, acl? }` rows; returns its path. */
export function writeJsonl(file: string, rows: readonly Record<string, unknown>[]): string {
  writeFileSync(file, rows.map((row) => JSON.stringify(row)).join("\n"));
  return file;
}
