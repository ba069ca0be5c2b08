/** What a forge client did, for an import's summary (`requests`, `not_modified`, `rate_limited_waits`). */
export interface ForgeRequestStats {
  /** HTTP requests sent, retries and report downloads included. */
  requests: number;
  /** Answers `304 Not Modified` to a conditional request (body reused from the cache). */
  not_modified: number;
  /** Times the client paused for a primary or secondary rate limit, then resumed. */
  rate_limited_waits: number;
  /** Requests sent again after a server error (5xx) or a dropped connection. */
  retries: number;
}

export function emptyRequestStats(): ForgeRequestStats {
  return { requests: 0, not_modified: 0, rate_limited_waits: 0, retries: 0 };
}
