import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import type { PGlite, Results, Transaction } from "@electric-sql/pglite";
import { CorruptDataError, UnavailableError } from "../errors.js";
import { type Logger, silentLogger } from "../logger.js";
import { acquireDataDirLock, type DataDirLock } from "./data-dir-lock.js";
import { insertRows } from "./insert-many.js";
import { applyMigrations, type ScriptSession } from "./migrations.js";
import { CORRUPT_HINT, inspectPgliteDataDir } from "./pglite-data-dir.js";
import type { QueryResult, Store } from "./types.js";

export interface PgliteStoreOptions {
  /** Uplift's data dir; the database lives in `<dataDir>/pg`, guarded by `<dataDir>/pg.lock`. */
  dataDir: string;
  logger?: Logger;
}

/**
 * Opens (creating on first use, ~2–5 s initdb) the embedded PostgreSQL in `<dataDir>/pg`.
 * PGlite is single-process: a second opener gets UnavailableError naming the holder's pid.
 * A damaged directory gives CorruptDataError and is left as it was.
 */
export async function openPgliteStore(options: PgliteStoreOptions): Promise<Store> {
  const logger = options.logger ?? silentLogger();
  const dir = path.resolve(options.dataDir, "pg");
  mkdirSync(path.dirname(dir), { recursive: true });
  const lock = acquireDataDirLock(`${dir}.lock`, dir, logger);
  let db: PGlite;
  try {
    db = await openDatabase(dir, logger);
  } catch (error) {
    lock.release();
    throw error;
  }
  return new PgliteStore(db, lock, logger);
}

async function openDatabase(dir: string, logger: Logger): Promise<PGlite> {
  const state = inspectPgliteDataDir(dir);
  // Loaded here, not at module load: commands that never open a store never pay for the WASM.
  const { PGlite } = await import("@electric-sql/pglite");
  const started = performance.now();
  try {
    const db = await PGlite.create(dir);
    logger.debug({ dir, state, ms: Math.round(performance.now() - started) }, "opened embedded database");
    return db;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    if (state === "existing") {
      throw new CorruptDataError(
        `the embedded database in ${dir} is damaged: PostgreSQL could not open it (${reason})`,
        {
          cause: error,
          hint: CORRUPT_HINT,
        },
      );
    }
    // A half-initialised directory would read as damaged next time; it holds nothing yet.
    rmSync(dir, { recursive: true, force: true });
    throw new UnavailableError(`could not create the embedded database in ${dir}: ${reason}`, {
      cause: error,
      hint: "check free disk space and permissions of the data dir",
    });
  }
}

class PgliteStore implements Store {
  readonly driver = "pglite";
  #closed = false;

  constructor(
    private readonly db: PGlite,
    private readonly lock: DataDirLock,
    private readonly logger: Logger,
  ) {}

  async query<Row>(sql: string, params?: readonly unknown[]): Promise<QueryResult<Row>> {
    return toResult(await this.db.query<Row>(sql, params ? [...params] : undefined));
  }

  transaction<T>(fn: (tx: ScriptSession) => Promise<T>): Promise<T> {
    return this.db.transaction((tx) => fn(scriptSession(tx)));
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
    try {
      await this.db.close();
    } finally {
      this.lock.release();
    }
  }
}

function scriptSession(tx: Transaction): ScriptSession {
  return {
    query: async <Row>(sql: string, params?: readonly unknown[]) =>
      toResult(await tx.query<Row>(sql, params ? [...params] : undefined)),
    exec: async (sql) => {
      await tx.exec(sql);
    },
  };
}

function toResult<Row>(result: Results<Row>): QueryResult<Row> {
  // PGlite reports affectedRows 0 for a SELECT; the contract says "rows returned" then.
  return { rows: result.rows, rowCount: result.affectedRows || result.rows.length };
}
