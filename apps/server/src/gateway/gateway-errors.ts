import { ConfigError, describeError, httpStatusFor, type Logger, UpliftError } from "@uplift/core";
import type { ErrorHandler } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { GatewayEnv } from "./gateway-env.js";

/** An OpenAI-style error body; `code` is Uplift's stable error code. */
export interface GatewayErrorBody {
  error: { message: string; type: string; code: string; param: null };
}

/**
 * Status for a model endpoint's failure, so that the IDE sees the upstream's status: its 429,
 * its 4xx and 5xx (read from the error, which names it), 504 for a timeout, 502 for an endpoint
 * that cannot be reached or answers nonsense — and 502 for a rejected key or an unknown model,
 * which are the gateway's configuration, not the IDE's request.
 */
export function gatewayStatusFor(error: unknown): number {
  if (error instanceof ConfigError) return 502;
  if (!(error instanceof UpliftError)) return error instanceof HTTPException ? error.status : 500;
  switch (error.code) {
    case "UPLIFT_MODEL_RATE_LIMITED":
      return 429;
    case "UPLIFT_MODEL_TIMEOUT":
      return 504;
    case "UPLIFT_MODEL_SERVER_ERROR":
      return statusIn(error.message, /failed with (5\d\d)/) ?? 502;
    case "UPLIFT_MODEL_BAD_REQUEST":
      return statusIn(error.message, /\((4\d\d)\)/) ?? 400;
    case "UPLIFT_MODEL_UNREACHABLE":
    case "UPLIFT_MODEL_STREAM_BROKEN":
    case "UPLIFT_MODEL_STREAM_ERROR":
    case "UPLIFT_MODEL_BAD_RESPONSE":
      return 502;
    default:
      return httpStatusFor(error);
  }
}

/** The status and OpenAI-style body for an error; unexpected errors keep their details for the log. */
export function gatewayErrorResponse(error: unknown): { status: number; body: GatewayErrorBody } {
  const status = gatewayStatusFor(error);
  const known = error instanceof UpliftError || error instanceof HTTPException;
  const message = known ? describeError(error) : "internal server error; the server log has the details";
  const code =
    error instanceof UpliftError ? error.code : known ? `UPLIFT_HTTP_${status}` : "UPLIFT_INTERNAL";
  const type = status === 429 ? "rate_limit_error" : status >= 500 ? "server_error" : "invalid_request_error";
  return { status, body: { error: { message, type, code, param: null } } };
}

/** The gateway's error handler: OpenAI-shaped errors, which IDE assistants know how to show. */
export function createGatewayErrorHandler(logger: Logger): ErrorHandler<GatewayEnv> {
  return (error, c) => {
    const { status, body } = gatewayErrorResponse(error);
    if (status >= 500) {
      const known = error instanceof UpliftError;
      logger[known ? "warn" : "error"]({ err: error, path: c.req.path }, "gateway request failed");
    }
    return c.json(body, status as ContentfulStatusCode);
  };
}

function statusIn(message: string, pattern: RegExp): number | undefined {
  const match = pattern.exec(message);
  return match?.[1] ? Number(match[1]) : undefined;
}
