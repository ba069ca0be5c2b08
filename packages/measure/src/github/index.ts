export type { ImportProgress } from "./context.js";
export { DEFAULT_PRODUCTION_PATTERN, recordEnvironment } from "./environment.js";
export { type ImportGitHubOptions, type ImportGitHubResult, importGitHub } from "./import-github.js";
export { mapCopilotUserDay } from "./map-copilot.js";
export { mapDeployment, mapRelease } from "./map-deployment.js";
export { type IncidentRules, mapIncident } from "./map-incident.js";
export { mapPullRequest, type PullParts } from "./map-pull-request.js";
