import { Hono } from "hono";
import type { AppEnv } from "../app-env.js";
import { checkHealth } from "../check-health.js";
import type { ServerDeps } from "../deps.js";
import { createCampaignRoutes } from "./campaign-routes.js";
import { createCodeRoutes } from "./code-routes.js";
import { createDocsRoutes } from "./docs-routes.js";
import { createExperimentRoutes } from "./experiment-routes.js";
import { createMeasureRoutes } from "./measure-routes.js";
import { createModelRoutes } from "./model-routes.js";
import { buildOpenApiDocument } from "./openapi.js";
import type { InstanceHealthResponse, UserResponse } from "./schemas.js";
import { createTelemetryRoutes } from "./telemetry-routes.js";

/** The authenticated /api routes (mounted under `/api`; the bearer middleware runs before them). */
export function createApiRoutes(deps: ServerDeps, startedAt: Date): Hono<AppEnv> {
  const api = new Hono<AppEnv>();
  const openApiDocument = buildOpenApiDocument(deps.version);

  api.get("/health", async (c) => {
    const report = await checkHealth(deps.health, deps.logger);
    const body: InstanceHealthResponse = {
      status: report.status,
      version: deps.version,
      started_at: startedAt.toISOString(),
      uptime_seconds: Math.max(0, Math.round((Date.now() - startedAt.getTime()) / 1000)),
      checks: report.checks,
    };
    return c.json(body);
  });

  api.get("/me", (c) => {
    const { login, groups } = c.var.user;
    const body: UserResponse = { login, groups };
    return c.json(body);
  });

  api.get("/openapi.json", (c) => c.json(openApiDocument));
  api.route("/code", createCodeRoutes(deps.code));
  api.route("/kb", createDocsRoutes(deps.docs));
  api.route("/measure", createMeasureRoutes(deps.measure));
  api.route("/experiments", createExperimentRoutes(deps.experiments));
  api.route("/models", createModelRoutes(deps.models));
  api.route("/telemetry", createTelemetryRoutes(deps.telemetry));
  api.route("/campaigns", createCampaignRoutes(deps.campaigns));

  return api;
}
