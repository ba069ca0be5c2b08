import { Hono } from "hono";
import { secureHeaders } from "hono/secure-headers";
import { createApiRoutes } from "./api/routes.js";
import type { AppEnv } from "./app-env.js";
import { bearerAuth } from "./bearer-auth.js";
import { checkHealth } from "./check-health.js";
import type { ServerDeps } from "./deps.js";
import { createErrorHandler, notFoundHandler } from "./error-handler.js";
import { createGatewayRoutes } from "./gateway/gateway-routes.js";
import { createHttpMetrics } from "./http-metrics.js";
import { instrumentDocsService } from "./kb-metrics.js";
import { createMcpRoutes } from "./mcp/mcp-route.js";
import { requestLog } from "./request-log.js";
import { staticAssets } from "./static-assets.js";

/**
 * Builds the Uplift HTTP app. Public: `GET /healthz` and the dashboard's static files. Everything
 * else (`/api/*`, the OpenAI-compatible gateway `/v1/*`, the MCP server `/mcp`, `/metrics`) needs
 * `Authorization: Bearer <token>` and reads as the token's user. Test it in-process with
 * `app.request("/api/me", { headers: { Authorization: "Bearer …" } })`.
 */
export function createApp(deps: ServerDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const metrics = createHttpMetrics(deps);
  const served: ServerDeps = deps.docs
    ? { ...deps, docs: instrumentDocsService(deps.docs, metrics.registry, deps.logger) }
    : deps;
  const startedAt = new Date();

  app.use(
    "*",
    secureHeaders({
      // The server may run on plain HTTP inside a network; HSTS belongs to the TLS proxy in front.
      strictTransportSecurity: false,
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        imgSrc: ["'self'", "data:"],
        frameAncestors: ["'none'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
      },
    }),
  );
  app.use("*", requestLog(deps.logger));
  app.use("*", metrics.middleware);

  /** Liveness: 200 while the process serves; `status` says whether every dependency is ok. */
  app.get("/healthz", async (c) => {
    const report = await checkHealth(deps.health, deps.logger);
    const checks = Object.fromEntries(
      Object.entries(report.checks).map(([name, check]) => [name, { ok: check.ok }]),
    );
    return c.json({ status: report.status, checks });
  });

  const auth = bearerAuth(deps.authenticate);
  app.use("/metrics", auth);
  app.use("/api/*", auth);
  app.use("/v1/*", auth);
  app.use("/mcp", auth);
  app.use("/mcp/*", auth);

  app.get("/metrics", async (c) => {
    const body = await metrics.registry.metrics();
    return c.body(body, 200, { "Content-Type": metrics.registry.contentType });
  });
  app.route("/api", createApiRoutes(served, startedAt));
  app.route("/v1", createGatewayRoutes(deps));
  app.route("/mcp", createMcpRoutes(served));

  if (deps.webRoot) app.use("*", staticAssets(deps.webRoot, deps.logger));

  app.onError(createErrorHandler(deps.logger));
  app.notFound(notFoundHandler);
  return app;
}
