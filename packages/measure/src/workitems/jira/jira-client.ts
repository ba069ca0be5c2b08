import { ConfigError, type Logger, NotFoundError, silentLogger, UnavailableError } from "@uplift/core";
import type { z } from "zod";
import type { WorkItemRateLimitWait } from "../source.js";

export interface JiraClientOptions {
  /** Site URL, e.g. https://acme.atlassian.net or https://jira.example.com (Server/DC). */
  baseUrl: string;
  /** API token (Cloud, with `email`) or personal access token (Server/DC, sent as Bearer). */
  token?: string | undefined;
  /** Cloud: the account's e-mail; with `token` sent as Basic auth. */
  email?: string | undefined;
  logger?: Logger | undefined;
  onRateLimit?: ((wait: WorkItemRateLimitWait) => void) | undefined;
  /** Rate-limit (429) pauses per request before giving up (default 5). */
  rateLimitRetries?: number | undefined;
  /** Longest single pause (default 1 h). */
  maxRateLimitWaitMs?: number | undefined;
  /** Retries of 5xx answers and dropped connections (default 3; waits 1 s, 2 s, 4 s). */
  retries?: number | undefined;
  retryBaseMs?: number | undefined;
  fetch?: typeof fetch | undefined;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Jira REST client over `fetch`: Basic (Cloud: e-mail + API token) or Bearer (Server/DC personal
 * access token) auth, 429 answers waited out for `Retry-After` (Jira Cloud's rate limits), 5xx
 * retried with backoff, bodies validated by zod, errors that say what to fix.
 */
export class JiraClient {
  readonly baseUrl: string;
  readonly stats = { requests: 0, rate_limited_waits: 0 };
  readonly #auth: string | undefined;
  readonly #logger: Logger;
  readonly #options: JiraClientOptions;
  readonly #fetch: typeof fetch;

  constructor(options: JiraClientOptions) {
    this.baseUrl = options.baseUrl.trim().replace(/\/+$/, "");
    const token = options.token?.trim() || undefined;
    const email = options.email?.trim() || undefined;
    this.#auth = token
      ? email
        ? `Basic ${Buffer.from(`${email}:${token}`).toString("base64")}`
        : `Bearer ${token}`
      : undefined;
    this.#logger = options.logger ?? silentLogger();
    this.#options = options;
    this.#fetch = options.fetch ?? globalThis.fetch;
    if (!token) this.#logger.warn("JIRA_TOKEN is not set: requests are anonymous (public projects only)");
  }

  /** GETs `path` (below the site URL, e.g. `/rest/api/2/field`) with `query`, validated by `schema`. */
  async get<S extends z.ZodType>(
    path: string,
    query: Record<string, string | number | undefined>,
    schema: S,
  ): Promise<z.output<S>> {
    const url = new URL(`${this.baseUrl}${path}`);
    for (const [key, value] of Object.entries(query))
      if (value !== undefined) url.searchParams.set(key, String(value));
    const response = await this.#send(url.toString());
    const body: unknown = await response.json();
    const parsed = schema.safeParse(body);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new UnavailableError(
        `Jira answered ${url.pathname} with an unexpected payload: ${issue?.path.join(".") || "(body)"}: ${issue?.message}`,
        { cause: parsed.error, hint: "check --url (the site URL) and --api-version" },
      );
    }
    return parsed.data;
  }

  async #send(url: string): Promise<Response> {
    const retries = this.#options.retries ?? 3;
    const limitRetries = this.#options.rateLimitRetries ?? 5;
    let failures = 0;
    let waits = 0;
    for (;;) {
      let response: Response;
      try {
        this.stats.requests++;
        response = await this.#fetch(url, {
          headers: { accept: "application/json", ...(this.#auth ? { authorization: this.#auth } : {}) },
        });
      } catch (error) {
        if (failures >= retries)
          throw new UnavailableError(
            `Jira at ${this.baseUrl} cannot be reached: ${(error as Error).message}`,
            {
              cause: error,
              hint: "check --url and the network",
            },
          );
        await sleep(this.#backoff(failures++));
        continue;
      }
      if (response.ok) return response;
      const text = await response.text();
      if (response.status === 429 && waits < limitRetries) {
        const waitMs = retryAfterMs(response.headers);
        if (waitMs <= (this.#options.maxRateLimitWaitMs ?? 3_600_000)) {
          waits++;
          this.stats.rate_limited_waits++;
          const resumeAt = new Date(Date.now() + waitMs);
          this.#logger.warn({ url, resume_at: resumeAt.toISOString() }, "Jira rate limit: waiting");
          this.#options.onRateLimit?.({ forge: "jira", resumeAt, waitMs, url });
          await sleep(waitMs);
          continue;
        }
      }
      if (response.status >= 500 && failures < retries) {
        this.#logger.warn({ url, status: response.status }, "Jira server error: retrying");
        await sleep(this.#backoff(failures++));
        continue;
      }
      throw statusError(response.status, text, url, this.baseUrl);
    }
  }

  #backoff(retry: number): number {
    return (this.#options.retryBaseMs ?? 1000) * 2 ** retry;
  }
}

/** `Retry-After` in seconds or as a date; Jira Cloud always sends it with 429 (default 60 s). */
function retryAfterMs(headers: Headers): number {
  const value = headers.get("retry-after")?.trim();
  if (value && /^\d+(\.\d+)?$/.test(value)) return Number(value) * 1000;
  const date = value ? Date.parse(value) : Number.NaN;
  return Number.isNaN(date) ? 60_000 : Math.max(0, date - Date.now());
}

function statusError(status: number, body: string, url: string, baseUrl: string): Error {
  const messages = (() => {
    try {
      const json = JSON.parse(body) as { errorMessages?: string[]; errors?: Record<string, string> };
      return [...(json.errorMessages ?? []), ...Object.values(json.errors ?? {})].join("; ");
    } catch {
      return body.slice(0, 200);
    }
  })();
  const path = new URL(url).pathname;
  if (status === 401 || status === 403)
    return new ConfigError(
      `Jira at ${baseUrl} refused the credentials (${status} on ${path})${messages ? `: ${messages}` : ""}`,
      {
        hint: "set JIRA_TOKEN (and JIRA_EMAIL for Jira Cloud API tokens)",
      },
    );
  if (status === 404)
    return new NotFoundError(`Jira at ${baseUrl}: ${path} not found${messages ? ` (${messages})` : ""}`);
  if (status === 400)
    return new ConfigError(`Jira rejected the query (${path}): ${messages || body.slice(0, 200)}`, {
      hint: "check --jql / --project",
    });
  return new UnavailableError(`Jira answered ${status} on ${path}${messages ? `: ${messages}` : ""}`);
}
