import { type Connection, connect, type Table as LanceTable } from "@lancedb/lancedb";
import { ConflictError, CorruptDataError, UnavailableError } from "../errors.js";
import type { Logger } from "../logger.js";
import { type LanceErrorContext, lanceMessage, translateLanceError } from "./lancedb-errors.js";
import { arrowSchemaFor, schemaDifference } from "./lancedb-rows.js";
import { LanceSearchTable } from "./lancedb-table.js";
import { resolveTableSpec } from "./table-spec.js";
import type { ColumnSpecs, RowMetadata, SearchIndex, SearchTable, TableSpec } from "./types.js";

export interface LanceSearchIndexOptions {
  /** Resolved URI: an absolute local path or an object-storage URI. */
  uri: string;
  local: boolean;
  logger: Logger;
  storageOptions?: Record<string, string>;
  readConsistencySeconds?: number;
}

/** Connects to LanceDB (embedded: the native library runs in this process). */
export async function openLanceSearchIndex(options: LanceSearchIndexOptions): Promise<SearchIndex> {
  const connection = await connect(options.uri, {
    ...(options.storageOptions ? { storageOptions: options.storageOptions } : {}),
    ...(options.readConsistencySeconds === undefined
      ? {}
      : { readConsistencyInterval: options.readConsistencySeconds }),
  }).catch((error: unknown) => {
    throw new UnavailableError(`search index ${options.uri}: cannot open: ${lanceMessage(error)}`, {
      cause: error,
      hint: options.local
        ? "check that --data-dir or search.uri names a directory this process can create and write"
        : "check search.uri and the object-storage credentials and endpoint",
    });
  });
  return new LanceSearchIndex(connection, options);
}

class LanceSearchIndex implements SearchIndex {
  readonly driver = "lancedb";
  readonly uri: string;
  /** Open tables by name, with the spec they were opened with; reused so repeated opens stay cheap. */
  readonly #tables = new Map<string, { specKey: string; lance: LanceTable; table: LanceSearchTable }>();
  readonly #retired: LanceTable[] = [];

  constructor(
    private readonly connection: Connection,
    private readonly options: LanceSearchIndexOptions,
  ) {
    this.uri = options.uri;
  }

  async openTable<const C extends ColumnSpecs>(spec: TableSpec<C>): Promise<SearchTable<RowMetadata<C>>> {
    const resolved = resolveTableSpec(spec);
    const specKey = JSON.stringify(resolved, (_key, value: unknown) =>
      value instanceof Map ? [...value] : value,
    );
    const cached = this.#tables.get(resolved.name);
    if (cached?.specKey === specKey) return cached.table as unknown as SearchTable<RowMetadata<C>>;
    const schema = arrowSchemaFor(resolved);
    const context = this.context(`open table "${resolved.name}"`);
    const existing = await this.tableNames();
    let table: LanceTable | undefined;
    if (existing.includes(resolved.name)) {
      table = await this.connection.openTable(resolved.name).catch((error: unknown) => {
        // A directory without versions is what a create interrupted at its start leaves; create over it.
        if (/was not found/i.test(lanceMessage(error))) return undefined;
        throw new CorruptDataError(
          `search index ${this.uri}: table "${resolved.name}" cannot be opened: ${lanceMessage(error)}`,
          {
            cause: error,
            hint: `move ${this.tablePath(resolved.name)} away and rebuild it (uplift kb sync, uplift code index)`,
          },
        );
      });
    }
    if (!table) {
      table = await this.connection
        .createEmptyTable(resolved.name, schema, { mode: "create", existOk: true })
        .catch((error: unknown) => {
          throw translateLanceError(error, context);
        });
    }
    const stored = await table.schema().catch((error: unknown) => {
      throw translateLanceError(error, context);
    });
    const difference = schemaDifference(stored, schema);
    if (difference) {
      table.close();
      throw new ConflictError(
        `search index ${this.uri}: table "${resolved.name}" does not match its spec: ${difference}`,
        {
          hint: "drop the table (the next sync or index run rebuilds it) or give the new layout another table name",
        },
      );
    }
    const logger = this.options.logger.child({ component: "search", table: resolved.name });
    const tableContext = { ...this.context(), tablePath: this.tablePath(resolved.name) };
    const opened = new LanceSearchTable(table, resolved, schema, tableContext, logger);
    if (cached) this.#retired.push(cached.lance);
    this.#tables.set(resolved.name, { specKey, lance: table, table: opened });
    return opened as unknown as SearchTable<RowMetadata<C>>;
  }

  tableNames(): Promise<string[]> {
    return this.connection.tableNames().catch((error: unknown) => {
      throw translateLanceError(error, this.context("list tables"));
    });
  }

  async dropTable(name: string): Promise<void> {
    const cached = this.#tables.get(name);
    if (cached) {
      this.#tables.delete(name);
      cached.lance.close();
    }
    if (!(await this.tableNames()).includes(name)) return;
    await this.connection.dropTable(name).catch((error: unknown) => {
      throw translateLanceError(error, this.context(`drop table "${name}"`));
    });
  }

  async close(): Promise<void> {
    const tables = [...this.#retired.splice(0), ...[...this.#tables.values()].map((t) => t.lance)];
    this.#tables.clear();
    for (const table of tables) if (table.isOpen()) table.close();
    if (this.connection.isOpen()) this.connection.close();
  }

  private context(operation?: string): LanceErrorContext {
    return { uri: this.uri, local: this.options.local, ...(operation ? { operation } : {}) };
  }

  private tablePath(name: string): string {
    return `${this.uri.replace(/\/+$/, "")}/${name}.lance`;
  }
}
