import type { Logger } from "../logger.js";
import type { Store } from "./types.js";

export { insertRows } from "./insert-many.js";
export type { InsertManyOptions, Migration, Queryable, QueryResult, Store } from "./types.js";

export interface OpenStoreOptions {
  /** `database.url`: a `postgres://` URL selects PostgreSQL; empty or absent selects PGlite. */
  url?: string | undefined;
  /** Uplift's data dir; PGlite keeps its database in `<dataDir>/pg`. */
  dataDir: string;
  logger?: Logger;
}

/**
 * Opens the records store chosen by config: PostgreSQL when `url` is set, else the embedded
 * PGlite in the data dir. Each driver module (and its library) is loaded only when chosen.
 * @example
 * const store = await openStore({ url: config.database.url, dataDir, logger });
 * await store.migrate(coreMigrations);
 */
export async function openStore(options: OpenStoreOptions): Promise<Store> {
  const url = options.url?.trim();
  const logger = options.logger ? { logger: options.logger } : {};
  if (url) {
    const { openPostgresStore } = await import("./postgres.js");
    return openPostgresStore({ url, ...logger });
  }
  const { openPgliteStore } = await import("./pglite.js");
  return openPgliteStore({ dataDir: options.dataDir, ...logger });
}
