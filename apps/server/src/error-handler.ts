import { describeError, httpStatusFor, type Logger, NotFoundError, UpliftError } from "@uplift/core";
import type { Context, ErrorHandler, NotFoundHandler } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { AppEnv } from "./app-env.js";

/** Body of every error response: `{ "error": { "code", "message" } }`. */
export interface ErrorBody {
  error: { code: string; message: string };
}

/**
 * The one place where errors become HTTP responses: UpliftErrors by `httpStatusFor`, Hono's own
 * HTTPExceptions by their status, anything else as a 500 whose details stay in the log.
 */
export function createErrorHandler(logger: Logger): ErrorHandler<AppEnv> {
  return (error, c) => {
    const { status, body } = errorResponse(error);
    if (status >= 500) logger.error({ err: error, method: c.req.method, path: c.req.path }, "request failed");
    if (status === 401) c.header("WWW-Authenticate", 'Bearer realm="uplift"');
    return c.json(body, status);
  };
}

/** 404 for a path no route serves, in the same JSON shape as every other error. */
export const notFoundHandler: NotFoundHandler<AppEnv> = (c: Context<AppEnv>) => {
  const { status, body } = errorResponse(new NotFoundError(`no route for ${c.req.method} ${c.req.path}`));
  return c.json(body, status);
};

function errorResponse(error: unknown): { status: ContentfulStatusCode; body: ErrorBody } {
  if (error instanceof UpliftError) {
    const status = httpStatusFor(error) as ContentfulStatusCode;
    return { status, body: { error: { code: error.code, message: describeError(error) } } };
  }
  if (error instanceof HTTPException) {
    const status = error.status as ContentfulStatusCode;
    return { status, body: { error: { code: `UPLIFT_HTTP_${status}`, message: error.message } } };
  }
  return {
    status: 500,
    body: {
      error: { code: "UPLIFT_INTERNAL", message: "internal server error; the server log has the details" },
    },
  };
}
