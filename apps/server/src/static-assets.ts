import { existsSync } from "node:fs";
import path from "node:path";
import { serveStatic } from "@hono/node-server/serve-static";
import { type Logger, UnavailableError } from "@uplift/core";
import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "./app-env.js";

/** Paths that belong to the API side; the dashboard never answers for them. */
const API_PREFIXES = ["/api", "/v1", "/mcp", "/metrics", "/healthz"];

/**
 * Serves the built dashboard from `webRoot` at `/`. A path without a file extension that matches
 * no file is a client-side route and gets `index.html` (SPA fallback); a missing asset is a 404.
 * Hashed files under `/assets/` are cached for a year; everything else is revalidated each time.
 */
export function staticAssets(webRoot: string, logger: Logger): MiddlewareHandler<AppEnv> {
  const root = path.resolve(webRoot);
  const indexFile = path.join(root, "index.html");
  if (!existsSync(indexFile)) {
    logger.warn({ webRoot: root }, "dashboard not built: run `npm run build -w apps/web`");
    return async (c, next) => {
      if (!isDashboardRequest(c.req.method, c.req.path)) return next();
      throw new UnavailableError(`the dashboard is not built: ${indexFile} does not exist`, {
        hint: "run `npm run build -w apps/web`",
      });
    };
  }

  const serveFile = serveStatic<AppEnv>({ root });
  const serveIndex = serveStatic<AppEnv>({ root, path: "index.html" });

  return async (c, next) => {
    if (!isDashboardRequest(c.req.method, c.req.path)) return next();
    c.set("routeLabel", "static");
    // Set before serving: serveStatic builds the response from the context's headers.
    c.header(
      "Cache-Control",
      c.req.path.startsWith("/assets/") ? "public, max-age=31536000, immutable" : "no-cache",
    );
    const served = await serveFile(c, async () => {});
    if (served) return served;
    if (path.posix.extname(c.req.path) !== "") {
      c.header("Cache-Control", undefined);
      c.set("routeLabel", "unmatched");
      return next();
    }
    c.header("Cache-Control", "no-cache");
    return serveIndex(c, next);
  };
}

function isDashboardRequest(method: string, requestPath: string): boolean {
  if (method !== "GET" && method !== "HEAD") return false;
  return !API_PREFIXES.some((prefix) => requestPath === prefix || requestPath.startsWith(`${prefix}/`));
}
