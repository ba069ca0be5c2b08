/**
 * Result of one statement. Values are parsed alike on both drivers: int2/int4/float → number,
 * int8 → number (bigint beyond 2^53), numeric → string, date/timestamp(tz) → Date, json(b) → value.
 */
export interface QueryResult<Row> {
  rows: Row[];
  /** Rows inserted/updated/deleted by a data-changing statement, else rows returned. */
  rowCount: number;
}

/** A parameterised SQL runner: `$1, $2…` placeholders, the same SQL on PGlite and PostgreSQL. */
export interface Queryable {
  query<Row = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<QueryResult<Row>>;
}

/** One versioned schema change. `id` sorts in apply order, e.g. "core/0001_users". */
export interface Migration {
  id: string;
  /** Plain SQL (several statements allowed), applied in one transaction with its bookkeeping row. */
  sql: string;
}

/** Records storage (DESIGN: Store). PGlite in the data dir by default, PostgreSQL when configured. */
export interface Store extends Queryable {
  readonly driver: "pglite" | "postgres";
  /**
   * Runs `fn` in one transaction; a thrown error rolls everything back. Inside `fn` use `tx`
   * only: on PGlite the store itself waits until the transaction ends.
   */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  /**
   * Batched multi-row INSERT: one statement per batch, all batches in one transaction. Tables
   * whose target columns are all scalar (text, numbers, times, uuid, json…) get one array
   * parameter per column (`SELECT * FROM unnest(…)`), others a VALUES list. Returns rows written.
   */
  insertMany(
    table: string,
    columns: readonly string[],
    rows: readonly (readonly unknown[])[],
    options?: InsertManyOptions,
  ): Promise<number>;
  /** Applies the migrations not yet applied, in id order; refuses if an applied one changed. Returns applied ids. */
  migrate(migrations: readonly Migration[]): Promise<string[]>;
  close(): Promise<void>;
}

export interface InsertManyOptions {
  /** `ON CONFLICT (cols) DO NOTHING` / `DO UPDATE` for the remaining columns. */
  onConflict?: { columns: readonly string[]; action: "nothing" | "update" };
  /** Rows per INSERT statement (default 5,000); a VALUES statement is capped at 65,535 parameters. */
  batchSize?: number;
}
