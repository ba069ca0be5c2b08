import type { Queryable } from "../store/types.js";
import type { CachedPage, HttpCache } from "./http-cache.js";

/**
 * {@link HttpCache} in the records store (table `forge_http_cache`, from `forgeMigrations`), so
 * that the next `uplift measure import github` sends `If-None-Match` for every URL it saw.
 * Bodies are stored as the connector parsed them (only the fields it reads), not as received.
 */
export class StoreHttpCache implements HttpCache {
  constructor(private readonly db: Queryable) {}

  async get(key: string): Promise<CachedPage | undefined> {
    const { rows } = await this.db.query<{ etag: string; next_url: string | null; body: unknown }>(
      "SELECT etag, next_url, body FROM forge_http_cache WHERE key = $1",
      [key],
    );
    const row = rows[0];
    return row ? { etag: row.etag, data: row.body, next: row.next_url ?? undefined } : undefined;
  }

  async set(key: string, page: CachedPage): Promise<void> {
    await this.db.query(
      `INSERT INTO forge_http_cache (key, etag, next_url, body, stored_at) VALUES ($1, $2, $3, $4, now())
       ON CONFLICT (key) DO UPDATE SET etag = EXCLUDED.etag, next_url = EXCLUDED.next_url,
         body = EXCLUDED.body, stored_at = EXCLUDED.stored_at`,
      [key, page.etag, page.next ?? null, JSON.stringify(page.data ?? null)],
    );
  }

  async delete(key: string): Promise<void> {
    await this.db.query("DELETE FROM forge_http_cache WHERE key = $1", [key]);
  }

  /** Drops entries not refreshed since `before` (a cache, never the only copy of anything). */
  async prune(before: Date): Promise<number> {
    const { rowCount } = await this.db.query("DELETE FROM forge_http_cache WHERE stored_at < $1", [before]);
    return rowCount;
  }
}
