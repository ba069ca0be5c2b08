import type { Logger } from "@uplift/core";
import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "./app-env.js";

/** Probes that poll every few seconds are logged at debug so that they do not bury real traffic. */
const PROBE_PATHS = new Set(["/healthz", "/metrics"]);

/** One log line per request: method, path, status, duration and the user when authenticated. */
export function requestLog(logger: Logger): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const started = performance.now();
    await next();
    const entry = {
      method: c.req.method,
      path: c.req.path,
      status: c.res.status,
      ms: Math.round((performance.now() - started) * 10) / 10,
      user: c.get("user")?.login,
    };
    if (PROBE_PATHS.has(c.req.path)) logger.debug(entry, "request");
    else logger.info(entry, "request");
  };
}
