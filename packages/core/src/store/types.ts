/** A parameterised SQL runner: `$1, $2…` placeholders, the same SQL on PGlite and PostgreSQL. */
export interface Queryable {
  query<Row = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<{ rows: Row[] }>;
}

/** One versioned schema change. `id` sorts in apply order, e.g. "core/0001_users". */
export interface Migration {
  id: string;
  /** Plain SQL, applied inside one transaction together with its bookkeeping row. */
  sql: string;
}

/** Records storage (DESIGN: Store). PGlite in the data dir by default, PostgreSQL when configured. */
export interface Store extends Queryable {
  readonly driver: "pglite" | "postgres";
  /** Runs `fn` in one transaction; a thrown error rolls everything back. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  /** Batched multi-row INSERT (one statement per batch, all batches in one transaction). Returns rows written. */
  insertMany(table: string, columns: readonly string[], rows: readonly (readonly unknown[])[], options?: InsertManyOptions): Promise<number>;
  /** Applies the migrations not yet applied, in id order; refuses if an applied one changed. */
  migrate(migrations: readonly Migration[]): Promise<string[]>;
  close(): Promise<void>;
}

export interface InsertManyOptions {
  /** `ON CONFLICT (cols) DO NOTHING` / `DO UPDATE` for the remaining columns. */
  onConflict?: { columns: readonly string[]; action: "nothing" | "update" };
  batchSize?: number;
}
