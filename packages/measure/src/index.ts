export {
  type GitImportProgress,
  type GitImportResult,
  gitMigrations,
  type ImportGitOptions,
  importGitRepository,
  importTagDeployments,
  isProductionEnvironment,
  type LinkDeploymentsOptions,
  type LinkDeploymentsResult,
  linkDeploymentCommits,
  PR_KINDS,
  type PrKind,
  type TagDeploymentsResult,
  tagPattern,
} from "./git/index.js";
export {
  type ImportGitHubOptions,
  type ImportGitHubResult,
  type ImportProgress,
  importGitHub,
} from "./github/index.js";
export { type ImportGitLabOptions, type ImportGitLabResult, importGitLab } from "./gitlab/index.js";
export {
  DEFAULT_IDENTITY_SOURCE,
  type ExportIdentitiesResult,
  exportIdentities,
  findUnresolvedIdentities,
  IDENTITY_FILE_COLUMNS,
  type IdentityFileRow,
  type ImportIdentitiesResult,
  identityFileRows,
  importIdentities,
  parseIdentityTable,
} from "./identities/index.js";
export { type CellType, readCell } from "./import/cell.js";
export { type ImportFileResult, importFile } from "./import/import-file.js";
export { IMPORT_KINDS, type ImportKind, KIND_SPECS, type KindSpec, tableColumns } from "./import/kinds.js";
export { formatOf, readTable, type Table, type TableFormat, type TableRow } from "./import/read-table.js";
export { type MetricDefinitionInfo, metricDefinitions, metricDirection } from "./metrics/definitions.js";
export { type ExplainRecord, explainRecords } from "./metrics/explain.js";
export {
  type CommitFact,
  commitFact,
  type DeploymentFact,
  deploymentFact,
  type IncidentFact,
  incidentFact,
  type PrFact,
  prFact,
  type TelemetryFact,
  telemetryFact,
} from "./metrics/facts.js";
export { NO_ARM, NO_TEAM } from "./metrics/grouping.js";
export { isoWeek } from "./metrics/iso-week.js";
export { parseGroupBy } from "./metrics/parse-group-by.js";
export type { QualityFacts, QualityPrFact } from "./metrics/quality-facts.js";
export { QUALITY_METRIC_NAMES, QUALITY_METRICS } from "./metrics/quality-metrics.js";
export { computeMetrics, METRICS, metricByName, type SkippedMetric } from "./metrics/registry.js";
export { measureSpan, type SpanExclusion } from "./metrics/span.js";
export { type DistributionSummary, summarize } from "./metrics/summary.js";
export {
  ALL_GROUP,
  GROUP_KEYS,
  GROUP_SEPARATOR,
  type GroupBy,
  type MetricDefinition,
  type MetricDirection,
  type MetricInputs,
  type MetricOptions,
  type MetricRow,
} from "./metrics/types.js";
export {
  explainMetric,
  type MetricExplanation,
  type MetricsQuery,
  type MetricsReport,
  metricsReport,
  parseBound,
} from "./metrics-report.js";
export { measureMigrations } from "./migrations.js";
export {
  type AnalyzeGitQualityOptions,
  analyzeGitQuality,
  DEFAULT_EXCLUDED_FILES,
  DEFAULT_QUALITY_RULES,
  type GitQualityResult,
  type ImportSarifOptions,
  importSarif,
  type QualityRules,
  qualityMigrations,
  REWORK_WINDOW_DAYS,
  type SarifImportResult,
} from "./quality/index.js";
export {
  type Commit,
  commitSchema,
  type Deployment,
  type Developer,
  deploymentSchema,
  developerSchema,
  type Incident,
  incidentSchema,
  type PullRequest,
  pullRequestSchema,
  type SurveyAnswer,
  surveyAnswerSchema,
  type TelemetryDay,
  telemetryDaySchema,
} from "./records.js";
export {
  type Simulation,
  type SimulationOptions,
  type SimulationTruth,
  simulateOrganisation,
} from "./simulate/simulate-organisation.js";
export { SIMULATION_FILES, writeSimulation } from "./simulate/write-simulation.js";
export { ASSIGNMENTS_TABLE, loadExperimentArms } from "./store/experiment-arms.js";
export {
  canonicalLogin,
  type IdentityMapping,
  identitiesOfDevelopers,
  loadIdentityMap,
  normalizeAlias,
  upsertIdentities,
} from "./store/identities.js";
export { readImportCursor, writeImportCursor } from "./store/import-cursors.js";
export { type ImportRun, listImportRuns, recordImportRun } from "./store/import-runs.js";
export { type LoadedFacts, loadFacts } from "./store/load-facts.js";
export {
  readDevelopers,
  readSurveyAnswers,
  readTelemetryDays,
  type StoredDeveloper,
  type StoredSurveyAnswer,
  type StoredTelemetryDay,
} from "./store/people-records.js";
export { upsertRecords } from "./store/record-writer.js";
export {
  createWorkItemSource,
  type ExportMappingResult,
  exportFlowMapping,
  FLOW_ITEM_TYPES,
  FLOW_STATES,
  type FlowItemType,
  FlowMapping,
  type FlowMappingEntry,
  type FlowState,
  type GitHubIssuesSourceOptions,
  type GitLabIssuesSourceOptions,
  githubIssuesSource,
  gitlabIssuesSource,
  type ImportMappingResult,
  type ImportWorkItemsFileOptions,
  type ImportWorkItemsResult,
  importFlowMapping,
  importWorkItems,
  importWorkItemsFile,
  issueKeysIn,
  type JiraSourceOptions,
  jiraSource,
  linkWorkItemsToPrs,
  loadFlowMapping,
  MAPPING_FILE_COLUMNS,
  type MappingFileRow,
  type MappingKind,
  mappingFileRows,
  type Transition,
  transitionSchema,
  WORK_ITEM_SOURCES,
  type WorkItem,
  type WorkItemPage,
  type WorkItemRateLimitWait,
  type WorkItemSource,
  type WorkItemSourceContext,
  type WorkItemSourceOptions,
  type WorkItemWithTransitions,
  workItemSchema,
} from "./workitems/index.js";
