/** A response body kept for a conditional request: sent again as `If-None-Match`, reused on 304. */
export interface CachedPage {
  etag: string;
  /** The parsed (already validated and trimmed) body. */
  data: unknown;
  /** The `rel="next"` URL of the cached page, so pagination continues through 304s. */
  next?: string | undefined;
}

/**
 * Where forge clients keep ETags and bodies per request URL, so that a re-sync of unchanged
 * data costs `304 Not Modified` answers (which GitHub does not count against the rate limit).
 */
export interface HttpCache {
  get(key: string): Promise<CachedPage | undefined>;
  set(key: string, page: CachedPage): Promise<void>;
  delete(key: string): Promise<void>;
}

/** An in-process cache: for tests and one-off runs. {@link StoreHttpCache} persists across runs. */
export class MemoryHttpCache implements HttpCache {
  readonly #pages = new Map<string, CachedPage>();

  async get(key: string): Promise<CachedPage | undefined> {
    return this.#pages.get(key);
  }

  async set(key: string, page: CachedPage): Promise<void> {
    this.#pages.set(key, page);
  }

  async delete(key: string): Promise<void> {
    this.#pages.delete(key);
  }

  get size(): number {
    return this.#pages.size;
  }
}
