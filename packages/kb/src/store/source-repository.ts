import { InputError, NotFoundError, type Queryable } from "@uplift/core";
import type { SourceConfig } from "../types.js";

/** A source with its current size and the outcome of its last sync. */
export interface SourceStatus extends SourceConfig {
  documents: number;
  chunks: number;
  lastSync?: { status: string; startedAt: Date; finishedAt?: Date; errors: number };
  lastSuccessAt?: Date;
}

interface SourceRow {
  name: string;
  type: string;
  path: string;
  acl: string[];
  url_base: string | null;
}

/** The `kb_sources` table: what `uplift kb source add` configured. */
export class SourceRepository {
  constructor(private readonly db: Queryable) {}

  /** Adds a source; InputError (exit 2) when the name is taken. */
  async add(config: SourceConfig): Promise<void> {
    const { rowCount } = await this.db.query(
      `INSERT INTO kb_sources (name, type, path, acl, url_base) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (name) DO NOTHING`,
      [config.name, config.type, config.path, config.acl, config.urlBase ?? null],
    );
    if (rowCount === 0)
      throw new InputError(`kb source "${config.name}" exists already`, {
        hint: `remove it first (uplift kb source remove ${config.name}) or choose another name`,
      });
  }

  async get(name: string): Promise<SourceConfig | undefined> {
    const { rows } = await this.db.query<SourceRow>(
      "SELECT name, type, path, acl, url_base FROM kb_sources WHERE name = $1",
      [name],
    );
    return rows[0] ? toConfig(rows[0]) : undefined;
  }

  /** The source named `name`; NotFoundError (exit 2) listing the known ones otherwise. */
  async require(name: string): Promise<SourceConfig> {
    const source = await this.get(name);
    if (source) return source;
    const known = (await this.list()).map((s) => s.name);
    throw new NotFoundError(
      `kb source "${name}" does not exist; ${known.length ? `known: ${known.join(", ")}` : "none added yet (uplift kb source add)"}`,
    );
  }

  async list(): Promise<SourceConfig[]> {
    const { rows } = await this.db.query<SourceRow>(
      "SELECT name, type, path, acl, url_base FROM kb_sources ORDER BY name",
    );
    return rows.map(toConfig);
  }

  /** Every source with its counts and last sync, by name. */
  async statuses(): Promise<SourceStatus[]> {
    const { rows } = await this.db.query<
      SourceRow & {
        documents: number;
        chunks: number;
        last_status: string | null;
        last_started_at: Date | null;
        last_finished_at: Date | null;
        last_errors: number | null;
        last_success_at: Date | null;
      }
    >(
      `SELECT s.name, s.type, s.path, s.acl, s.url_base,
         (SELECT count(*)::int FROM kb_documents d WHERE d.source = s.name AND d.deleted_at IS NULL) AS documents,
         (SELECT count(*)::int FROM kb_chunks c WHERE c.source = s.name) AS chunks,
         r.status AS last_status, r.started_at AS last_started_at, r.finished_at AS last_finished_at,
         jsonb_array_length(r.errors) AS last_errors,
         (SELECT max(finished_at) FROM kb_sync_runs ok WHERE ok.source = s.name AND ok.status = 'succeeded') AS last_success_at
       FROM kb_sources s
       LEFT JOIN LATERAL (
         SELECT status, started_at, finished_at, errors FROM kb_sync_runs
         WHERE source = s.name ORDER BY started_at DESC LIMIT 1
       ) r ON TRUE
       ORDER BY s.name`,
    );
    return rows.map((row) => ({
      ...toConfig(row),
      documents: row.documents,
      chunks: row.chunks,
      ...(row.last_status && row.last_started_at
        ? {
            lastSync: {
              status: row.last_status,
              startedAt: row.last_started_at,
              ...(row.last_finished_at ? { finishedAt: row.last_finished_at } : {}),
              errors: row.last_errors ?? 0,
            },
          }
        : {}),
      ...(row.last_success_at ? { lastSuccessAt: row.last_success_at } : {}),
    }));
  }

  /** Deletes the source and (cascading) its documents, chunks and sync runs; true when it existed. */
  async remove(name: string): Promise<boolean> {
    const { rowCount } = await this.db.query("DELETE FROM kb_sources WHERE name = $1", [name]);
    return rowCount > 0;
  }
}

function toConfig(row: SourceRow): SourceConfig {
  return {
    name: row.name,
    type: row.type,
    path: row.path,
    acl: row.acl,
    ...(row.url_base ? { urlBase: row.url_base } : {}),
  };
}
