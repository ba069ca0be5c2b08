import { RequestError } from "@octokit/request-error";
import { UnavailableError } from "../errors.js";
import { type Logger, silentLogger } from "../logger.js";
import { gitHubError } from "./github-errors.js";
import { gitHubGraphqlError, graphqlUrl } from "./github-graphql-errors.js";
import { createOctokit, type ThrottledOctokit } from "./github-octokit.js";
import type { HttpCache } from "./http-cache.js";
import { parseLinkHeader } from "./link-header.js";
import { type ForgePage, type PayloadParser, parsePayload } from "./payload.js";
import type { RateLimitListener } from "./rate-limit.js";
import { emptyRequestStats, type ForgeRequestStats } from "./request-stats.js";

export const GITHUB_DEFAULT_API_URL = "https://api.github.com";
/** The REST API version whose payload shapes the connectors parse. */
const GITHUB_API_VERSION = "2022-11-28";

export interface GitHubClientOptions {
  /** Default: `$GITHUB_TOKEN`. Sent as `Authorization: token …`, never logged. */
  token?: string | undefined;
  /** REST base URL; default `$GITHUB_API_URL`, else https://api.github.com. Enterprise: `https://HOST/api/v3`. */
  baseUrl?: string | undefined;
  /** Where `GITHUB_TOKEN` / `GITHUB_API_URL` are read (default `process.env`). */
  env?: NodeJS.ProcessEnv;
  /** ETag cache: when set, every GET is conditional and a 304 reuses the cached body. */
  cache?: HttpCache | undefined;
  logger?: Logger;
  /** Told before each rate-limit pause (the CLI prints "rate limited, resuming at HH:MM" on a TTY). */
  onRateLimit?: RateLimitListener | undefined;
  /** Longest single rate-limit pause; a later reset fails with the reset time instead (default 1 h). */
  maxRateLimitWaitMs?: number;
  /** Rate-limit pauses per request before giving up (default 5). */
  rateLimitRetries?: number;
  /** Retries of 5xx answers and dropped connections (default 3). */
  retries?: number;
  fetch?: typeof fetch;
  userAgent?: string;
}

/** Options of one GET. */
export interface GetOptions {
  /** The message of a 404, e.g. "repository acme/web not found or no access". */
  notFound?: string;
}

/**
 * GitHub REST client for connectors (measure, upkeep): Octokit with plugin-throttling (waits out
 * primary limits until `x-ratelimit-reset` and secondary limits for `retry-after`, then resumes)
 * and plugin-retry (5xx), Link-header pagination, conditional requests through an
 * {@link HttpCache}, GitHub Enterprise base URLs, and errors that say what to fix (401 → the
 * token, 404 → not found or no access). Bodies are validated by the caller's parser (a zod schema)
 * and cached as parsed, so the cache holds only the fields a connector reads.
 *
 * @example
 * const gh = new GitHubClient({ cache: new StoreHttpCache(store), logger });
 * for await (const page of gh.pages("GET /repos/{owner}/{repo}/deployments", { owner, repo }, deploymentSchema))
 *   for (const deployment of page.data) …
 * gh.stats; // { requests, not_modified, rate_limited_waits }
 */
export class GitHubClient {
  readonly baseUrl: string;
  readonly hasToken: boolean;
  readonly stats: ForgeRequestStats = emptyRequestStats();
  readonly #octokit: ThrottledOctokit;
  readonly #cache: HttpCache | undefined;
  readonly #logger: Logger;
  readonly #fetch: typeof fetch;

  constructor(options: GitHubClientOptions = {}) {
    const env = options.env ?? process.env;
    const token = (options.token ?? env.GITHUB_TOKEN)?.trim() || undefined;
    this.baseUrl = normaliseBaseUrl(
      options.baseUrl ?? (env.GITHUB_API_URL?.trim() || GITHUB_DEFAULT_API_URL),
    );
    this.hasToken = token !== undefined;
    this.#cache = options.cache;
    this.#logger = options.logger ?? silentLogger();
    const baseFetch = options.fetch ?? globalThis.fetch;
    this.#fetch = (input, init) => {
      this.stats.requests += 1;
      return baseFetch(input, init);
    };
    const maxWaitMs = options.maxRateLimitWaitMs ?? 3_600_000;
    const maxRetries = options.rateLimitRetries ?? 5;
    this.#octokit = createOctokit({
      baseUrl: this.baseUrl,
      token,
      userAgent: options.userAgent ?? "uplift-measure",
      fetch: this.#fetch,
      logger: this.#logger,
      retries: options.retries ?? 3,
      onLimit: (kind, retryAfterS, url, retryCount) => {
        const waitMs = retryAfterS * 1000;
        if (retryCount >= maxRetries || waitMs > maxWaitMs) return false;
        const resumeAt = new Date(Date.now() + waitMs);
        this.stats.rate_limited_waits += 1;
        this.#logger.warn({ kind, url, resume_at: resumeAt.toISOString() }, "GitHub rate limit: waiting");
        options.onRateLimit?.({ kind, forge: "github", resumeAt, waitMs, url });
        return true;
      },
    });
    if (!this.hasToken)
      this.#logger.warn("GITHUB_TOKEN is not set: requests are anonymous (60 per hour, public data only)");
  }

  /** GETs one page of `route` (e.g. `"GET /repos/{owner}/{repo}"`) with its parameters. */
  get<T>(
    route: string,
    params: Record<string, unknown>,
    parser: PayloadParser<T>,
    options: GetOptions = {},
  ): Promise<ForgePage<T>> {
    const { url } = this.#octokit.request.endpoint(route, params);
    return this.getUrl(url, parser, options);
  }

  /** GETs one page by absolute URL (a `next` link); conditional when a cache is set. */
  async getUrl<T>(url: string, parser: PayloadParser<T>, options: GetOptions = {}): Promise<ForgePage<T>> {
    const key = `github GET ${url}`;
    let cached = this.#cache ? await this.#cache.get(key) : undefined;
    let reused: T | undefined;
    if (cached) {
      try {
        reused = parser.parse(cached.data);
      } catch {
        // stored by an older parser: fetch afresh instead of trusting it
        this.#logger.debug({ url }, "cached body no longer parses; dropping it");
        await this.#cache?.delete(key);
        cached = undefined;
      }
    }
    try {
      const response = await this.#octokit.request({
        method: "GET",
        url,
        headers: {
          "x-github-api-version": GITHUB_API_VERSION,
          ...(cached ? { "if-none-match": cached.etag } : {}),
        },
      });
      const data = parsePayload(parser, response.data, "GitHub", url);
      const next = parseLinkHeader(response.headers.link).next;
      const etag = response.headers.etag;
      if (this.#cache && etag) await this.#cache.set(key, { etag, data, next });
      return { data, next, notModified: false, url };
    } catch (error) {
      if (error instanceof RequestError && error.status === 304 && cached && reused !== undefined) {
        this.stats.not_modified += 1;
        return { data: reused, next: cached.next, notModified: true, url };
      }
      if (error instanceof UnavailableError) throw error;
      throw gitHubError(error, {
        baseUrl: this.baseUrl,
        url,
        hasToken: this.hasToken,
        notFound: options.notFound,
      });
    }
  }

  /**
   * Sends a write request (e.g. `"POST /repos/{owner}/{repo}/pulls"`): `params` fill the URL
   * template and the rest is the JSON body. Never cached; errors are mapped as for GETs.
   */
  async send<T>(
    route: string,
    params: Record<string, unknown>,
    parser: PayloadParser<T>,
    options: GetOptions = {},
  ): Promise<T> {
    const { url } = this.#octokit.request.endpoint(route, params);
    try {
      const response = await this.#octokit.request(route, {
        ...params,
        headers: { "x-github-api-version": GITHUB_API_VERSION },
      });
      return parsePayload(parser, response.data, "GitHub", url);
    } catch (error) {
      if (error instanceof UnavailableError) throw error;
      throw gitHubError(error, {
        baseUrl: this.baseUrl,
        url,
        hasToken: this.hasToken,
        notFound: options.notFound,
      });
    }
  }

  /**
   * POSTs a GraphQL query to `{api}/graphql` (GitHub Enterprise `…/api/v3` → `…/api/graphql`) and
   * returns its `data` parsed by `parser`. Never cached. Rate limits (HTTP 403/429, or a 200 whose
   * `errors` say `RATE_LIMITED`) are waited out as for GETs; other `errors` become an Uplift error
   * (`NOT_FOUND` → NotFoundError with `options.notFound`).
   *
   * @example
   * const data = await gh.graphql(QUERY, { owner, name, after: cursor }, pageSchema);
   */
  async graphql<T>(
    query: string,
    variables: Record<string, unknown>,
    parser: PayloadParser<T>,
    options: GetOptions = {},
  ): Promise<T> {
    const url = graphqlUrl(this.baseUrl);
    try {
      const data: unknown = await this.#octokit.graphql(query, variables);
      return parsePayload(parser, data, "GitHub GraphQL", url);
    } catch (error) {
      if (error instanceof UnavailableError) throw error;
      throw gitHubGraphqlError(error, {
        baseUrl: this.baseUrl,
        url,
        hasToken: this.hasToken,
        notFound: options.notFound,
      });
    }
  }

  /** Every page of a list route, following `Link: rel="next"`; each page's items parsed by `item`. */
  async *pages<T>(
    route: string,
    params: Record<string, unknown>,
    item: PayloadParser<T>,
    options: GetOptions = {},
  ): AsyncGenerator<ForgePage<T[]>> {
    const list: PayloadParser<T[]> = { parse: (data) => parseList(item, data) };
    let page = await this.get(route, { per_page: 100, ...params }, list, options);
    yield page;
    while (page.next) {
      page = await this.getUrl(page.next, list, options);
      yield page;
    }
  }

  /**
   * Downloads a signed URL the API handed out (Copilot metrics reports): no credentials are
   * sent to it, it is not cached (signed URLs change), and a failure names the URL's host only.
   */
  async download(url: string): Promise<string> {
    const host = safeHost(url);
    let response: Response;
    try {
      response = await this.#fetch(url, {
        headers: { accept: "application/x-ndjson, application/json, */*" },
      });
    } catch (error) {
      throw new UnavailableError(`cannot download a GitHub report from ${host}: ${String(error)}`, {
        cause: error,
      });
    }
    if (!response.ok) {
      throw new UnavailableError(`downloading a GitHub report from ${host} failed with ${response.status}`, {
        hint: "report links expire after a while: run the import again",
      });
    }
    return response.text();
  }
}

function parseList<T>(item: PayloadParser<T>, data: unknown): T[] {
  if (!Array.isArray(data))
    throw new TypeError(`expected a JSON array, got ${data === null ? "null" : typeof data}`);
  return data.map((element, index) => {
    try {
      return item.parse(element);
    } catch (error) {
      const issues = (error as { issues?: { path: PropertyKey[] }[] }).issues;
      if (Array.isArray(issues)) for (const issue of issues) issue.path = [index, ...issue.path];
      throw error;
    }
  });
}

function normaliseBaseUrl(url: string): string {
  return url.replace(/\/+$/, "");
}

function safeHost(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return "(an invalid URL)";
  }
}
