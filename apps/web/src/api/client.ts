import type { InstanceHealth, User } from "./types.js";

/** An /api call that did not succeed: `status` 0 means the server could not be reached. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;

  constructor(status: number, code: string, message: string) {
    super(message);
    this.name = "ApiError";
    this.status = status;
    this.code = code;
  }
}

/** GET a JSON resource of the Uplift API with the bearer token; throws ApiError on failure. */
export function getJson<T>(path: string, token: string, signal?: AbortSignal): Promise<T> {
  return requestJson<T>(path, token, { method: "GET" }, signal);
}

/** POST a JSON body to the Uplift API with the bearer token; throws ApiError on failure. */
export function postJson<T>(path: string, token: string, body: unknown, signal?: AbortSignal): Promise<T> {
  return requestJson<T>(
    path,
    token,
    { method: "POST", body: JSON.stringify(body), headers: { "Content-Type": "application/json" } },
    signal,
  );
}

async function requestJson<T>(
  path: string,
  token: string,
  init: { method: string; body?: string; headers?: Record<string, string> },
  signal?: AbortSignal,
): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      ...init,
      headers: { ...init.headers, Authorization: `Bearer ${token}`, Accept: "application/json" },
      ...(signal ? { signal } : {}),
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiError(0, "NETWORK", "The Uplift server could not be reached. Is `uplift serve` running?");
  }
  if (response.ok) return (await response.json()) as T;
  throw await errorFrom(response);
}

async function errorFrom(response: Response): Promise<ApiError> {
  try {
    const body = (await response.json()) as { error?: { code?: string; message?: string } };
    return new ApiError(
      response.status,
      body.error?.code ?? `HTTP_${response.status}`,
      body.error?.message ?? response.statusText,
    );
  } catch {
    return new ApiError(
      response.status,
      `HTTP_${response.status}`,
      `The server answered ${response.status}.`,
    );
  }
}

export const getMe = (token: string, signal?: AbortSignal) => getJson<User>("/api/me", token, signal);

export const getHealth = (token: string, signal?: AbortSignal) =>
  getJson<InstanceHealth>("/api/health", token, signal);
