import { RequestError } from "@octokit/request-error";
import { ConfigError, InputError, NotFoundError, UnavailableError, type UpliftError } from "../errors.js";

/** What an error message about a GitHub request names. */
export interface GitHubErrorContext {
  baseUrl: string;
  url: string;
  hasToken: boolean;
  /** Message for a 404, e.g. "repository acme/web not found or no access". */
  notFound?: string | undefined;
}

const TOKEN_HINT =
  "export GITHUB_TOKEN with a token that can read the repository (Copilot metrics also need the manage_billing:copilot or read:org scope)";

/** True for GitHub's rate-limit answers (primary: remaining 0; secondary: "secondary rate limit"). */
export function isGitHubRateLimit(error: RequestError): boolean {
  if (error.status !== 403 && error.status !== 429) return false;
  const headers = error.response?.headers ?? {};
  return headers["x-ratelimit-remaining"] === "0" || /\bsecondary rate\b/i.test(error.message);
}

/** The Uplift error for a failed GitHub request: what went wrong and what to do, never the token. */
export function gitHubError(error: unknown, ctx: GitHubErrorContext): UpliftError {
  if (!(error instanceof RequestError) || (error.status === 500 && !error.response)) {
    const reason = error instanceof Error ? error.message : String(error);
    return new UnavailableError(`cannot reach GitHub at ${ctx.baseUrl} (GET ${ctx.url}): ${reason}`, {
      cause: error,
      code: "UPLIFT_GITHUB_UNREACHABLE",
      hint: "check --api-url / GITHUB_API_URL (GitHub Enterprise: https://HOST/api/v3) and the network",
    });
  }
  const said = serverMessage(error);
  if (error.status === 401) {
    return new ConfigError(
      ctx.hasToken
        ? `GitHub at ${ctx.baseUrl} rejected the token in GITHUB_TOKEN (401${said})`
        : `GitHub at ${ctx.baseUrl} requires a token and GITHUB_TOKEN is not set (401${said})`,
      { cause: error, hint: TOKEN_HINT },
    );
  }
  if (isGitHubRateLimit(error)) {
    const reset = Number(error.response?.headers["x-ratelimit-reset"]);
    const when =
      Number.isFinite(reset) && reset > 0 ? `; it resets at ${new Date(reset * 1000).toISOString()}` : "";
    return new UnavailableError(`GitHub rate limit still exceeded at GET ${ctx.url}${when}${said}`, {
      cause: error,
      code: "UPLIFT_GITHUB_RATE_LIMITED",
      hint: "run the import again later: everything up to the last committed page is kept",
    });
  }
  if (error.status === 403) {
    return new ConfigError(`GitHub refused GET ${ctx.url} (403${said})`, {
      cause: error,
      hint: "the token lacks a permission or scope this request needs, or the organisation requires SSO authorization of the token",
    });
  }
  if (error.status === 404) {
    return new NotFoundError(ctx.notFound ?? `GitHub: ${ctx.url} not found or no access (404)`, {
      cause: error,
      hint: ctx.hasToken
        ? "check the name and that the token's owner can read it"
        : "GITHUB_TOKEN is not set: private repositories and organisation data need a token",
    });
  }
  if (error.status >= 500) {
    return new UnavailableError(`GitHub failed with ${error.status} at GET ${ctx.url} after retries${said}`, {
      cause: error,
      code: "UPLIFT_GITHUB_SERVER_ERROR",
      hint: "GitHub may be degraded: run the import again later, it resumes where it stopped",
    });
  }
  return new InputError(`GitHub rejected GET ${ctx.url} (${error.status}${said})`, {
    cause: error,
    code: "UPLIFT_GITHUB_BAD_REQUEST",
  });
}

function serverMessage(error: RequestError): string {
  const data = error.response?.data as { message?: unknown } | string | undefined;
  const message = typeof data === "string" ? data : data?.message;
  return typeof message === "string" && message ? `: ${message}` : "";
}
