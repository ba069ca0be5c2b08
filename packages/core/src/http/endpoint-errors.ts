import { ConfigError, InputError, UnavailableError, type UpliftError } from "../errors.js";

/** What the error messages of a model endpoint name: its URL, model and config keys. */
export interface EndpointContext {
  baseUrl: string;
  model: string;
  /** Config section (`llm`, `embedder`) whose keys the messages name. */
  configSection: string;
  apiKeyEnv?: string | undefined;
  hasApiKey: boolean;
  timeoutMs: number;
}

/** The error for a final non-2xx answer: what to fix, by status. */
export function statusError(
  ctx: EndpointContext,
  method: string,
  url: string,
  status: number,
  body: string,
  attempts: number,
): UpliftError {
  const section = ctx.configSection;
  const message = serverMessage(body);
  const said = message ? `: ${message}` : "";
  if (status === 401 || status === 403) {
    const what = ctx.apiKeyEnv
      ? `set $${ctx.apiKeyEnv}${ctx.hasApiKey ? " to a valid key" : ""}`
      : `set ${section}.api_key_env to the name of the environment variable holding the key`;
    return new ConfigError(`${url}: endpoint rejected the API key (${what}) [${status}${said}]`);
  }
  if (status === 404) {
    return new ConfigError(
      `model "${ctx.model}" not found at ${ctx.baseUrl} (check ${section}.model) [404${said}]`,
      {
        hint: `${section}.base_url usually ends in /v1`,
      },
    );
  }
  const tries = attempts > 1 ? ` after ${attempts} attempts` : "";
  if (status === 429) {
    return new UnavailableError(`${url}: the endpoint is rate limiting requests (429)${tries}${said}`, {
      code: "UPLIFT_MODEL_RATE_LIMITED",
      hint: "retry later, lower the request rate, or raise the endpoint's limit",
    });
  }
  if (status >= 500) {
    return new UnavailableError(`${url}: the endpoint failed with ${status}${tries}${said}`, {
      code: "UPLIFT_MODEL_SERVER_ERROR",
      hint: "check the model server's logs",
    });
  }
  return new InputError(`${method} ${url}: the endpoint rejected the request (${status})${said}`, {
    code: "UPLIFT_MODEL_BAD_REQUEST",
  });
}

export function timeoutError(ctx: EndpointContext, url: string, cause: unknown): UnavailableError {
  const key = ctx.configSection === "llm" ? "raise llm.timeout_ms or " : "";
  return new UnavailableError(`${url}: no answer from the model endpoint within ${ctx.timeoutMs} ms`, {
    code: "UPLIFT_MODEL_TIMEOUT",
    cause,
    hint: `${key}check that the endpoint is not overloaded`,
  });
}

export function unreachableError(
  ctx: EndpointContext,
  method: string,
  url: string,
  attempts: number,
  cause: unknown,
): UnavailableError {
  return new UnavailableError(
    `${method} ${url}: cannot reach the model endpoint after ${attempts} attempts: ${causeText(cause)}`,
    {
      code: "UPLIFT_MODEL_UNREACHABLE",
      cause,
      hint: `check ${ctx.configSection}.base_url and that the server is running`,
    },
  );
}

export function streamBrokenError(url: string, received: number, cause: unknown): UnavailableError {
  const why = cause === undefined ? "ended" : `broke (${causeText(cause)})`;
  return new UnavailableError(`${url}: the answer stream ${why} after ${received} chunks, before [DONE]`, {
    code: "UPLIFT_MODEL_STREAM_BROKEN",
    cause,
    hint: "the answer is incomplete; retry, and check the model server or any proxy in between",
  });
}

export function streamErrorEventError(url: string, error: unknown): UnavailableError {
  return new UnavailableError(`${url}: the endpoint reported an error mid-stream: ${errorText(error)}`, {
    code: "UPLIFT_MODEL_STREAM_ERROR",
  });
}

export function badResponseError(
  ctx: EndpointContext,
  url: string,
  problem: string,
  cause?: unknown,
): UnavailableError {
  return new UnavailableError(`${url}: not an OpenAI-compatible answer: ${problem}`, {
    code: "UPLIFT_MODEL_BAD_RESPONSE",
    cause,
    hint: `check that ${ctx.configSection}.base_url points at an OpenAI-compatible API`,
  });
}

/** A network error with its cause (`fetch failed: connect ECONNREFUSED 127.0.0.1:1`). */
export function causeText(error: unknown): string {
  if (error instanceof Error) {
    const cause = error.cause instanceof Error ? `: ${error.cause.message}` : "";
    return `${error.message}${cause}`;
  }
  return String(error);
}

function errorText(error: unknown): string {
  if (typeof error === "string") return error;
  if (typeof error === "object" && error !== null && "message" in error) return String(error.message);
  return JSON.stringify(error);
}

/** The `error.message` of an OpenAI error body, or the start of the body. */
function serverMessage(text: string): string {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return text.trim().slice(0, 200); // not JSON (a proxy's HTML page): show its start
  }
  if (typeof body === "object" && body !== null) {
    if ("error" in body && body.error) return errorText(body.error);
    if ("message" in body) return String(body.message);
  }
  return text.trim().slice(0, 200);
}
