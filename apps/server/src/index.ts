export { apiOperations, buildOpenApiDocument } from "./api/openapi.js";
export type { ErrorBodyResponse, InstanceHealthResponse, UserResponse } from "./api/schemas.js";
export type { AppEnv } from "./app-env.js";
export type { HealthReport } from "./check-health.js";
export { createApp } from "./create-app.js";
export type { AuthenticatedUser, DependencyHealth, ServerDeps } from "./deps.js";
export { type RunningServer, type StartServerOptions, startServer } from "./start-server.js";
