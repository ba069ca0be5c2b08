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

export interface ContextOptions {
  /** A service (serve, worker): its info logs are its output, so they are kept on a terminal too. */
  service?: boolean;
}

export function createContext(global: GlobalOptions, options: ContextOptions = {}): CliContext {
  const config = loadConfig({
    ...(global.config ? { file: global.config } : {}),
    overrides: { data_dir: global.dataDir, log_level: global.logLevel },
  });
  const dataDir = path.resolve(config.data_dir);
  const logger = createLogger({ level: logLevelFor(config, global, options) });
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

/**
 * A person at a terminal running a command reads its result and its progress line, not JSON
 * log lines: there the default level is "warn". A level set anywhere (--log-level,
 * UPLIFT_LOG_LEVEL, log_level in uplift.yaml), a service, or stderr that is not a terminal
 * (CI, pipes, log collectors) keeps the configured level ("info" by default).
 */
export function logLevelFor(
  config: Config,
  global: GlobalOptions,
  options: ContextOptions,
  stderrIsTerminal = Boolean(process.stderr.isTTY),
  env: NodeJS.ProcessEnv = process.env,
): string {
  const explicit =
    global.logLevel !== undefined || env.UPLIFT_LOG_LEVEL !== undefined || config.log_level !== "info";
  return explicit || options.service || !stderrIsTerminal ? config.log_level : "warn";
}

/** Runs `fn` with a context and always closes what it opened. */
export async function withContext<T>(
  global: GlobalOptions,
  fn: (ctx: CliContext) => Promise<T>,
  options: ContextOptions = {},
): Promise<T> {
  const ctx = createContext(global, options);
  try {
    return await fn(ctx);
  } finally {
    await ctx.close();
  }
}
