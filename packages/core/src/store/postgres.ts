import type pg from "pg";
import { ConfigError } from "../errors.js";
import { type Logger, silentLogger } from "../logger.js";
import { insertRows } from "./insert-many.js";
import { applyMigrations, type ScriptSession } from "./migrations.js";
import { describeTarget, isConnectionFailure, unavailable } from "./postgres-errors.js";
import { pgliteCompatibleTypes } from "./postgres-types.js";
import type { QueryResult, Store } from "./types.js";

export interface PostgresStoreOptions {
  /** `postgres://user@host:port/db`; libpq parameters such as `?options=-c%20search_path%3Dx` pass through. */
  url: string;
  logger?: Logger;
  /** Give up connecting after this long (default 5,000 ms): an unreachable server never hangs a command. */
  connectTimeoutMs?: number;
  /** Pool size (default 10). */
  maxConnections?: number;
}

/**
 * Connects a `pg` pool to a PostgreSQL server and checks it answers.
 * @throws UnavailableError naming host:port when the server cannot be reached or refuses us.
 */
export async function openPostgresStore(options: PostgresStoreOptions): Promise<Store> {
  const logger = options.logger ?? silentLogger();
  const target = describeTarget(options.url);
  if (!/^postgres(ql)?:\/\//.test(options.url)) {
    throw new ConfigError(
      `database.url must start with postgres:// or postgresql:// (it points at ${target})`,
    );
  }
  // Loaded here, not at module load: commands that never open a store never load the driver.
  const { default: driver } = await import("pg");
  const pool = new driver.Pool({
    connectionString: options.url,
    connectionTimeoutMillis: options.connectTimeoutMs ?? 5_000,
    max: options.maxConnections ?? 10,
    types: pgliteCompatibleTypes(driver),
  });
  // An idle client losing its server emits here; unhandled, it would crash the process.
  pool.on("error", (error) => logger.warn({ err: error, target }, "idle PostgreSQL connection failed"));
  const store = new PostgresStore(pool, target, logger);
  try {
    await store.query("SELECT 1");
  } catch (error) {
    await pool.end();
    throw error;
  }
  logger.debug({ target }, "connected to PostgreSQL");
  return store;
}

class PostgresStore implements Store {
  readonly driver = "postgres";
  #closed = false;

  constructor(
    private readonly pool: pg.Pool,
    private readonly target: string,
    private readonly logger: Logger,
  ) {}

  query<Row>(sql: string, params?: readonly unknown[]): Promise<QueryResult<Row>> {
    return this.#run(async () => toResult<Row>(await this.pool.query(sql, params ? [...params] : undefined)));
  }

  async transaction<T>(fn: (tx: ScriptSession) => Promise<T>): Promise<T> {
    const client = await this.#run(() => this.pool.connect());
    const session: ScriptSession = {
      query: <Row>(sql: string, params?: readonly unknown[]) =>
        this.#run(async () => toResult<Row>(await client.query(sql, params ? [...params] : undefined))),
      exec: (sql) => this.#run(async () => void (await client.query(sql))),
    };
    let broken: Error | undefined;
    try {
      await session.query("BEGIN");
      const result = await fn(session);
      await session.query("COMMIT");
      return result;
    } catch (error) {
      try {
        await client.query("ROLLBACK");
      } catch (rollbackError) {
        // The connection is unusable: destroy it rather than return it to the pool.
        broken = rollbackError instanceof Error ? rollbackError : new Error(String(rollbackError));
      }
      throw error;
    } finally {
      client.release(broken);
    }
  }

  insertMany(...args: Parameters<Store["insertMany"]>): Promise<number> {
    return this.transaction((tx) => insertRows(tx, ...args));
  }

  migrate(migrations: Parameters<Store["migrate"]>[0]): Promise<string[]> {
    return applyMigrations((fn) => this.transaction(fn), migrations, this.logger);
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await this.pool.end();
  }

  async #run<T>(fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (error) {
      throw isConnectionFailure(error) ? unavailable(this.target, error) : error;
    }
  }
}

function toResult<Row>(result: pg.QueryResult): QueryResult<Row> {
  return { rows: result.rows as Row[], rowCount: result.rowCount ?? result.rows.length };
}
