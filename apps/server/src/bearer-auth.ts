import { UnauthorizedError } from "@uplift/core";
import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "./app-env.js";
import type { ServerDeps } from "./deps.js";

const BEARER = /^Bearer\s+(\S+)\s*$/i;

/**
 * Requires `Authorization: Bearer <token>` and sets `c.var.user` to the token's user.
 * A missing, malformed or unknown token throws UnauthorizedError (401 via the error handler).
 */
export function bearerAuth(authenticate: ServerDeps["authenticate"]): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const header = c.req.header("Authorization");
    if (!header) throw new UnauthorizedError();
    const token = BEARER.exec(header)?.[1];
    if (!token) throw new UnauthorizedError("the Authorization header must be `Bearer <token>`");
    const user = await authenticate(token);
    if (!user) {
      throw new UnauthorizedError("the API token is not valid", {
        hint: "create one with `uplift token create --user LOGIN`",
      });
    }
    c.set("user", user);
    await next();
  };
}
