import { parseRetryAfterMs, sleep } from "../http/retry.js";
import { type Logger, silentLogger } from "../logger.js";
import { gitLabStatusError, gitLabUnreachable } from "./gitlab-errors.js";
import { parseLinkHeader } from "./link-header.js";
import { type ForgePage, type PayloadParser, parsePayload } from "./payload.js";
import type { RateLimitListener } from "./rate-limit.js";
import { emptyRequestStats, type ForgeRequestStats } from "./request-stats.js";

export const GITLAB_DEFAULT_URL = "https://gitlab.com";

export interface GitLabClientOptions {
  /** Default `$GITLAB_TOKEN`; sent as `PRIVATE-TOKEN`, never logged. */
  token?: string | undefined;
  /** Instance URL (`https://gitlab.example.com`) or its API root (`…/api/v4`); default `$GITLAB_API_URL`, else gitlab.com. */
  baseUrl?: string | undefined;
  env?: NodeJS.ProcessEnv;
  logger?: Logger;
  onRateLimit?: RateLimitListener | undefined;
  /** Retries of 5xx answers and dropped connections (default 3; waits 1 s, 2 s, 4 s). */
  retries?: number;
  /** Rate-limit (429) pauses per request before giving up (default 5). */
  rateLimitRetries?: number;
  /** Longest single rate-limit pause (default 1 h). */
  maxRateLimitWaitMs?: number;
  /** First 5xx backoff (default 1,000 ms), doubled on each retry. */
  retryBaseMs?: number;
  fetch?: typeof fetch;
}

/**
 * GitLab REST v4 client over `fetch`: `PRIVATE-TOKEN` auth, offset pagination (`x-next-page`)
 * and keyset pagination (`Link: rel="next"`), 429 answers waited out for `Retry-After` (or until
 * `RateLimit-Reset`), 5xx retried with backoff, errors that say what to fix.
 *
 * @example
 * const gl = new GitLabClient({ baseUrl: "https://gitlab.example.com", logger });
 * for await (const page of gl.pages(`/projects/${encodeURIComponent("grp/api")}/deployments`, {}, schema)) …
 */
export class GitLabClient {
  /** The API root, ending in `/api/v4`. */
  readonly baseUrl: string;
  readonly hasToken: boolean;
  readonly stats: ForgeRequestStats = emptyRequestStats();
  readonly #token: string | undefined;
  readonly #logger: Logger;
  readonly #fetch: typeof fetch;
  readonly #options: GitLabClientOptions;

  constructor(options: GitLabClientOptions = {}) {
    const env = options.env ?? process.env;
    this.#token = (options.token ?? env.GITLAB_TOKEN)?.trim() || undefined;
    this.hasToken = this.#token !== undefined;
    this.baseUrl = apiRoot(options.baseUrl ?? (env.GITLAB_API_URL?.trim() || GITLAB_DEFAULT_URL));
    this.#logger = options.logger ?? silentLogger();
    this.#fetch = options.fetch ?? globalThis.fetch;
    this.#options = options;
    if (!this.hasToken)
      this.#logger.warn("GITLAB_TOKEN is not set: requests are anonymous (public projects only)");
  }

  /** GETs one page of `path` (relative to the API root, e.g. `/projects/grp%2Fapi`). */
  get<T>(
    path: string,
    query: Record<string, string | number | undefined>,
    parser: PayloadParser<T>,
    options: { notFound?: string } = {},
  ): Promise<ForgePage<T>> {
    const url = new URL(`${this.baseUrl}${path}`);
    for (const [key, value] of Object.entries(query))
      if (value !== undefined) url.searchParams.set(key, String(value));
    return this.getUrl(url.toString(), parser, options);
  }

  /** GETs one page by absolute URL (a `next` link). */
  async getUrl<T>(
    url: string,
    parser: PayloadParser<T>,
    options: { notFound?: string } = {},
  ): Promise<ForgePage<T>> {
    const response = await this.#send(url, options.notFound);
    const body: unknown = await response.json();
    const data = parsePayload(parser, body, "GitLab", url);
    return { data, next: nextUrl(url, response.headers), notModified: false, url };
  }

  /** Sends a write request (`POST`/`PUT`) with a JSON body to `path` (relative to the API root). */
  async send<T>(
    method: "POST" | "PUT",
    path: string,
    body: Record<string, unknown>,
    parser: PayloadParser<T>,
    options: { notFound?: string } = {},
  ): Promise<T> {
    const url = `${this.baseUrl}${path}`;
    const response = await this.#send(url, options.notFound, {
      method,
      body: JSON.stringify(body),
      headers: { "content-type": "application/json" },
    });
    return parsePayload(parser, await response.json(), "GitLab", url);
  }

  /** Every page of a list endpoint (100 per page), following `Link: rel="next"` or `x-next-page`. */
  async *pages<T>(
    path: string,
    query: Record<string, string | number | undefined>,
    item: PayloadParser<T>,
    options: { notFound?: string } = {},
  ): AsyncGenerator<ForgePage<T[]>> {
    const list: PayloadParser<T[]> = {
      parse: (data) => {
        if (!Array.isArray(data)) throw new TypeError(`expected a JSON array, got ${typeof data}`);
        return data.map((element) => item.parse(element));
      },
    };
    let page = await this.get(path, { per_page: 100, ...query }, list, options);
    yield page;
    while (page.next) {
      page = await this.getUrl(page.next, list, options);
      yield page;
    }
  }

  async #send(
    url: string,
    notFound: string | undefined,
    write?: { method: string; body: string; headers: Record<string, string> },
  ): Promise<Response> {
    const ctx = { baseUrl: this.baseUrl, url, hasToken: this.hasToken, notFound };
    const retries = this.#options.retries ?? 3;
    const limitRetries = this.#options.rateLimitRetries ?? 5;
    let serverFailures = 0;
    let limitWaits = 0;
    for (;;) {
      let response: Response;
      try {
        this.stats.requests += 1;
        response = await this.#fetch(url, {
          ...(write && { method: write.method, body: write.body }),
          headers: {
            accept: "application/json",
            ...write?.headers,
            ...(this.#token ? { "private-token": this.#token } : {}),
          },
        });
      } catch (error) {
        if (serverFailures >= retries) throw gitLabUnreachable(error, ctx);
        await sleep(this.#backoffMs(serverFailures++));
        continue;
      }
      if (response.ok) return response;
      const body = await response.text();
      if (response.status === 429 && limitWaits < limitRetries) {
        const waitMs = rateLimitWaitMs(response.headers);
        if (waitMs <= (this.#options.maxRateLimitWaitMs ?? 3_600_000)) {
          limitWaits += 1;
          await this.#waitForLimit(waitMs, url);
          continue;
        }
      }
      if (response.status >= 500 && serverFailures < retries) {
        this.#logger.warn({ url, status: response.status }, "GitLab server error: retrying");
        await sleep(this.#backoffMs(serverFailures++));
        continue;
      }
      throw gitLabStatusError(response.status, body, ctx);
    }
  }

  async #waitForLimit(waitMs: number, url: string): Promise<void> {
    const resumeAt = new Date(Date.now() + waitMs);
    this.stats.rate_limited_waits += 1;
    this.#logger.warn({ url, resume_at: resumeAt.toISOString() }, "GitLab rate limit: waiting");
    this.#options.onRateLimit?.({ kind: "secondary", forge: "gitlab", resumeAt, waitMs, url });
    await sleep(waitMs);
  }

  #backoffMs(retry: number): number {
    return (this.#options.retryBaseMs ?? 1000) * 2 ** retry;
  }
}

/** `https://host` or `https://host/prefix` → `…/api/v4`; an URL already ending in `/api/v4` is kept. */
function apiRoot(url: string): string {
  const trimmed = url.trim().replace(/\/+$/, "");
  return /\/api\/v4$/.test(trimmed) ? trimmed : `${trimmed}/api/v4`;
}

/** `Retry-After` (seconds or date), else until `RateLimit-Reset` (epoch seconds), else 60 s. */
function rateLimitWaitMs(headers: Headers): number {
  const retryAfter = parseRetryAfterMs(headers);
  if (retryAfter !== undefined) return retryAfter;
  const reset = Number(headers.get("ratelimit-reset"));
  if (Number.isFinite(reset) && reset > 0) return Math.max(0, reset * 1000 - Date.now());
  return 60_000;
}

/** Keyset pagination and recent GitLab send `Link: rel="next"`; offset pagination always sends `x-next-page`. */
function nextUrl(url: string, headers: Headers): string | undefined {
  const link = parseLinkHeader(headers.get("link")).next;
  if (link) return link;
  const nextPage = headers.get("x-next-page")?.trim();
  if (!nextPage) return undefined;
  const next = new URL(url);
  next.searchParams.set("page", nextPage);
  return next.toString();
}
