export type {
  CampaignRepoResponse,
  CampaignSummaryResponse,
  CampaignsResponse,
} from "./api/campaign-schemas.js";
export type {
  CodeContextRequest,
  CodeContextResponse,
  CodeSearchRequest,
  CodeSearchResponse,
  CodeSimilarRequest,
  CodeSimilarResponse,
} from "./api/code-schemas.js";
export type { DocsAnswer, DocsFeedbackReceipt, DocsSearchResponse } from "./api/docs-schemas.js";
export type {
  ExperimentDetailResponse,
  ExperimentMetricDetailResponse,
} from "./api/experiment-detail-schemas.js";
export type { ExperimentAnalysisResponse, ExperimentsResponse } from "./api/experiment-schemas.js";
export type {
  MetricDefinitionsResponse,
  MetricsQueryInput,
  MetricsReportResponse,
} from "./api/measure-schemas.js";
export type { ModelMetricComparison, ModelsResponse } from "./api/model-schemas.js";
export { apiOperations, buildOpenApiDocument } from "./api/openapi.js";
export type { ErrorBodyResponse, InstanceHealthResponse, UserResponse } from "./api/schemas.js";
export type { AppEnv } from "./app-env.js";
export type { HealthReport } from "./check-health.js";
export { createApp } from "./create-app.js";
export type { AuthenticatedUser, DependencyHealth, ServerDeps } from "./deps.js";
export { CONTEXT_ONLY_MODEL, NO_MODEL_NOTE } from "./gateway/completions.js";
export { MCP_TOOLS } from "./mcp/mcp-tools.js";
export type {
  CampaignsService,
  CodeContextQuery,
  CodeService,
  CodeSimilarQuery,
  DocsService,
  ExperimentsService,
  GatewayTelemetry,
  GatewayTelemetryEvent,
  MeasureService,
  ModelsService,
  RoutedModel,
  SuggestionTelemetryEvent,
} from "./services.js";
export { type RunningServer, type StartServerOptions, startServer } from "./start-server.js";
