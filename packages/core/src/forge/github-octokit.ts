import { Octokit } from "@octokit/core";
import { retry } from "@octokit/plugin-retry";
import { throttling } from "@octokit/plugin-throttling";
import type { Logger } from "../logger.js";

/** Octokit with GitHub's recommended throttling (waits out rate limits) and retries of 5xx answers. */
export const ThrottledOctokit = Octokit.plugin(retry, throttling);
export type ThrottledOctokit = InstanceType<typeof ThrottledOctokit>;

/** What the throttling plugin asks on each rate-limit answer: retry after `retryAfterS` seconds? */
export type RateLimitDecision = (
  kind: "primary" | "secondary",
  retryAfterS: number,
  url: string,
  retryCount: number,
) => boolean;

export interface OctokitSettings {
  baseUrl: string;
  token: string | undefined;
  userAgent: string;
  fetch: typeof fetch;
  logger: Logger;
  onLimit: RateLimitDecision;
  /** Retries of 5xx answers and dropped connections (plugin-retry; waits 1 s, 4 s, 9 s …). */
  retries: number;
}

/** Builds the Octokit instance; Octokit's own log goes to the injected logger (never the token). */
export function createOctokit(settings: OctokitSettings): ThrottledOctokit {
  const { logger } = settings;
  return new ThrottledOctokit({
    baseUrl: settings.baseUrl,
    ...(settings.token ? { auth: settings.token } : {}),
    userAgent: settings.userAgent,
    request: { fetch: settings.fetch },
    log: {
      debug: (message: string) => logger.debug(message),
      info: (message: string) => logger.info(message),
      warn: (message: string) => logger.warn(message),
      error: (message: string) => logger.error(message),
    },
    retry: { retries: settings.retries, doNotRetry: [304, 400, 401, 403, 404, 410, 422, 429, 451] },
    throttle: {
      onRateLimit: (retryAfter, options, _octokit, retryCount) =>
        settings.onLimit("primary", retryAfter, options.url, retryCount),
      onSecondaryRateLimit: (retryAfter, options, _octokit, retryCount) =>
        settings.onLimit("secondary", retryAfter, options.url, retryCount),
    },
  });
}
