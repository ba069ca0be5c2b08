import path from "node:path";
import {
  type Config,
  createLogger,
  type JobQueue,
  type Logger,
  loadConfig,
  openJobQueue,
  openSearchIndex,
  openStore,
  type SearchIndex,
  type Store,
} from "@uplift/core";
import { allMigrations } from "./migrations.js";
import type { GlobalOptions } from "./options.js";

/**
 * The CLI's composition root: configuration, logger and the drivers, each opened on first
 * use only (a PGlite reopen costs ~1 s, so commands that need no store never open it).
 */
export interface CliContext {
  readonly config: Config;
  readonly dataDir: string;
  readonly logger: Logger;
  readonly json: boolean;
  store(): Promise<Store>;
  queue(): Promise<JobQueue>;
  searchIndex(): Promise<SearchIndex>;
  /** Writes a command's result: JSON on stdout with --json, else the human rendering. */
  print<T>(value: T, human: (value: T) => string): void;
  close(): Promise<void>;
}

export function createContext(global: GlobalOptions): CliContext {
  const config = loadConfig({
    ...(global.config ? { file: global.config } : {}),
    overrides: { data_dir: global.dataDir, log_level: global.logLevel },
  });
  const dataDir = path.resolve(config.data_dir);
  const logger = createLogger({ level: config.log_level });
  const opened: { close(): Promise<void> }[] = [];
  const once = <T extends { close(): Promise<void> }>(open: () => Promise<T>) => {
    let value: Promise<T> | undefined;
    return () => {
      value ??= open().then((driver) => {
        opened.push(driver);
        return driver;
      });
      return value;
    };
  };
  return {
    config,
    dataDir,
    logger,
    json: Boolean(global.json),
    store: once(async () => {
      const store = await openStore({ url: config.database.url, dataDir, logger });
      try {
        await store.migrate(allMigrations);
      } catch (error) {
        await store.close();
        throw error;
      }
      return store;
    }),
    queue: once(() => openJobQueue({ redisUrl: config.queue.redis_url, logger })),
    searchIndex: once(() => openSearchIndex({ uri: config.search.uri, dataDir, logger })),
    print(value, human) {
      process.stdout.write(global.json ? `${JSON.stringify(value, null, 2)}\n` : `${human(value)}\n`);
    },
    async close() {
      for (const driver of opened.reverse()) await driver.close();
    },
  };
}

/** Runs `fn` with a context and always closes what it opened. */
export async function withContext<T>(global: GlobalOptions, fn: (ctx: CliContext) => Promise<T>): Promise<T> {
  const ctx = createContext(global);
  try {
    return await fn(ctx);
  } finally {
    await ctx.close();
  }
}
