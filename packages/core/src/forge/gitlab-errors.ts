import { ConfigError, InputError, NotFoundError, UnavailableError, type UpliftError } from "../errors.js";

export interface GitLabErrorContext {
  baseUrl: string;
  url: string;
  hasToken: boolean;
  notFound?: string | undefined;
}

const TOKEN_HINT =
  "export GITLAB_TOKEN with a personal, group or project access token that has the read_api scope";

/** The Uplift error for a final non-2xx GitLab answer. */
export function gitLabStatusError(status: number, body: string, ctx: GitLabErrorContext): UpliftError {
  const said = serverMessage(body);
  if (status === 401) {
    return new ConfigError(
      ctx.hasToken
        ? `GitLab at ${ctx.baseUrl} rejected the token in GITLAB_TOKEN (401${said})`
        : `GitLab at ${ctx.baseUrl} requires a token and GITLAB_TOKEN is not set (401${said})`,
      { hint: TOKEN_HINT },
    );
  }
  if (status === 403) {
    return new ConfigError(`GitLab refused GET ${ctx.url} (403${said})`, {
      hint: "the token lacks the read_api scope or a role that can see this project",
    });
  }
  if (status === 404) {
    return new NotFoundError(ctx.notFound ?? `GitLab: ${ctx.url} not found or no access (404)`, {
      hint: ctx.hasToken
        ? "check the project path (GROUP/NAME) and that the token's owner can read it"
        : "GITLAB_TOKEN is not set: private projects need a token",
    });
  }
  if (status === 429) {
    return new UnavailableError(`GitLab rate limit still exceeded at GET ${ctx.url}${said}`, {
      code: "UPLIFT_GITLAB_RATE_LIMITED",
      hint: "run the import again later: everything up to the last committed page is kept",
    });
  }
  if (status >= 500) {
    return new UnavailableError(`GitLab failed with ${status} at GET ${ctx.url} after retries${said}`, {
      code: "UPLIFT_GITLAB_SERVER_ERROR",
      hint: "run the import again later, it resumes where it stopped",
    });
  }
  return new InputError(`GitLab rejected GET ${ctx.url} (${status}${said})`, {
    code: "UPLIFT_GITLAB_BAD_REQUEST",
  });
}

export function gitLabUnreachable(error: unknown, ctx: GitLabErrorContext): UnavailableError {
  const reason = error instanceof Error ? error.message : String(error);
  return new UnavailableError(`cannot reach GitLab at ${ctx.baseUrl} (GET ${ctx.url}): ${reason}`, {
    cause: error,
    code: "UPLIFT_GITLAB_UNREACHABLE",
    hint: "check --api-url / GITLAB_API_URL (e.g. https://gitlab.example.com) and the network",
  });
}

function serverMessage(body: string): string {
  try {
    const parsed = JSON.parse(body) as { message?: unknown; error?: unknown };
    const message = parsed.message ?? parsed.error;
    if (typeof message === "string" && message) return `: ${message}`;
    if (message !== undefined) return `: ${JSON.stringify(message)}`;
  } catch {
    // not JSON: show the start of the text below
  }
  const text = body.trim().slice(0, 200);
  return text ? `: ${text}` : "";
}
