import { ConfigError, NotFoundError, UnavailableError, type UpliftError } from "../errors.js";
import { type GitHubErrorContext, gitHubError } from "./github-errors.js";

/** One entry of a GraphQL answer's `errors` (GitHub adds `type`: NOT_FOUND, FORBIDDEN, RATE_LIMITED …). */
interface GraphqlErrorEntry {
  type?: string;
  message?: string;
}

/** The GraphQL endpoint of a REST base URL: `{api}/graphql`, GitHub Enterprise `…/api/v3` → `…/api/graphql`. */
export function graphqlUrl(baseUrl: string): string {
  return /\/api\/v3\/?$/.test(baseUrl)
    ? baseUrl.replace(/\/api\/v3\/?$/, "/api/graphql")
    : `${baseUrl}/graphql`;
}

/**
 * The Uplift error for a failed GraphQL request. GitHub answers most GraphQL failures with
 * HTTP 200 and an `errors` list (Octokit's GraphqlResponseError); a rate limit that outlasted the
 * retries surfaces as "GraphQL Rate Limit Exceeded"; HTTP failures (401, 5xx, secondary limits)
 * are mapped as for REST.
 */
export function gitHubGraphqlError(error: unknown, ctx: GitHubErrorContext): UpliftError {
  const entries = graphqlErrors(error);
  if (entries === undefined) return gitHubError(error, ctx);
  const said = entries
    .map((e) => e.message ?? e.type ?? "error")
    .slice(0, 3)
    .join("; ");
  const types = new Set(entries.map((e) => e.type));
  if (types.has("RATE_LIMITED")) {
    return new UnavailableError(`GitHub GraphQL rate limit still exceeded at POST ${ctx.url}: ${said}`, {
      cause: error,
      code: "UPLIFT_GITHUB_RATE_LIMITED",
      hint: "run the import again later: everything up to the last committed page is kept",
    });
  }
  if (types.has("NOT_FOUND")) {
    return new NotFoundError(ctx.notFound ? `${ctx.notFound} (${said})` : `GitHub GraphQL: ${said}`, {
      cause: error,
      hint: ctx.hasToken
        ? "check the name and that the token's owner can read it (Projects need the read:project scope)"
        : "GITHUB_TOKEN is not set: GitHub's GraphQL API always needs a token",
    });
  }
  if (types.has("FORBIDDEN") || types.has("INSUFFICIENT_SCOPES")) {
    return new ConfigError(`GitHub GraphQL refused POST ${ctx.url}: ${said}`, {
      cause: error,
      hint: "the token lacks a scope this query needs (Projects v2: read:project; Discussions: repo or public_repo)",
    });
  }
  return new UnavailableError(`GitHub GraphQL answered POST ${ctx.url} with errors: ${said}`, {
    cause: error,
    code: "UPLIFT_GITHUB_GRAPHQL",
    hint: "the GraphQL schema may differ on this GitHub (Enterprise version) or the API changed",
  });
}

/** The `errors` of a GraphQL answer carried by `error`, or undefined when it is not one. */
function graphqlErrors(error: unknown): GraphqlErrorEntry[] | undefined {
  if (!(error instanceof Error)) return undefined;
  const withErrors = error as Error & { errors?: unknown; data?: { errors?: unknown } };
  if (error.name === "GraphqlResponseError" && Array.isArray(withErrors.errors))
    return withErrors.errors as GraphqlErrorEntry[];
  if (error.message === "GraphQL Rate Limit Exceeded" && Array.isArray(withErrors.data?.errors))
    return withErrors.data.errors as GraphqlErrorEntry[];
  return undefined;
}
