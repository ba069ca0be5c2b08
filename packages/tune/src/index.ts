/** Public API of @uplift/tune; filled in by its issue (see docs/architecture.md). */
export {
  type CompareOptions,
  compareEvals,
  type EvalComparison,
  type MetricDifference,
  pairedDifference,
} from "./compare/compare-evals.js";
export { readEvalReport, type SavedEvalReport } from "./compare/eval-report-file.js";
export { buildDataset } from "./dataset/build-dataset.js";
export type {
  DatasetDeps,
  DatasetProgress,
  DatasetSettings,
  PreferencePair,
} from "./dataset/dataset-types.js";
export { DECONTAMINATION_NGRAM, isContaminated, loadContaminationSet } from "./dataset/decontaminate.js";
export { FIM_SENTINELS, type FimMode, fimTransform } from "./dataset/fim.js";
export { dependencyOrder, ImportResolver, importSpecifiers } from "./dataset/import-order.js";
export {
  DEFAULT_LICENCE_ALLOW_LIST,
  detectLicence,
  licenceAllowed,
  licenceOfText,
} from "./dataset/licence.js";
export type { DatasetManifest } from "./dataset/manifest.js";
export { estimatedJaccard, NUM_PERMUTATIONS, textSignature } from "./dataset/minhash.js";
export { NearDuplicateIndex } from "./dataset/near-dedup.js";
export { preferencePairs, type VotedAnswer } from "./dataset/preference-pairs.js";
export { type FilterReason, filterText } from "./dataset/quality-filters.js";
export { type DatasetTokenizer, KNOWN_TOKENIZERS, loadDatasetTokenizer } from "./dataset/tokenizer.js";
export {
  editSimilarity,
  exactMatch,
  identifierF1,
  identifierMatch,
  identifiersOf,
  levenshtein,
  normaliseCode,
} from "./eval/completion-metrics.js";
export { ResultsAppender, readDoneResults } from "./eval/results-file.js";
export { type EvalReport, type EvalScores, type RunEvalOptions, runEval, scoresOf } from "./eval/run-eval.js";
export { DEFAULT_TEST_TIMEOUT_MS, runTaskTest, type TestOutcome } from "./eval/run-task-test.js";
export {
  chatMessagesFor,
  completionRequestFor,
  type EvalMode,
  extractCompletion,
  fimFamilyOf,
  type PromptPlan,
} from "./eval/task-prompt.js";
export {
  metricOf,
  TASK_METRICS,
  type TaskMetric,
  type TaskResult,
  taskResultSchema,
} from "./eval/task-result.js";
export { tuneMigrations } from "./migrations.js";
export {
  ACTIVATION_SCALE,
  ASSUMPTIONS,
  BASE_MODELS,
  type BaseModel,
  type BuiltRecipe,
  buildRecipe,
  CALIBRATED_MFU,
  CALIBRATION,
  type CustomShapes,
  chooseMicroBatch,
  type DatasetInput,
  estimateSizing,
  FRAMEWORKS,
  type Framework,
  type GeneratedFile,
  GPU_KINDS,
  GPUS,
  type GpuKind,
  loraTrainableParameters,
  METHODS,
  type Method,
  parameterCounts,
  type RecipeRequest,
  readDatasetInput,
  resolveBaseModel,
  type SizingEstimate,
  STAGES,
  type Stage,
  TARGETS,
  type Target,
  writeRecipeFiles,
} from "./recipe/index.js";
export {
  ModelRegistry,
  type ModelRoute,
  type ModelVersion,
  type PromotionInput,
  type StoredGateDecision,
} from "./registry/model-registry.js";
export {
  DEFAULT_GUARDRAIL_MARGIN,
  defaultGateRules,
  evaluateGate,
  type GateCheck,
  type GateDecision,
  type GateRules,
  parseMargins,
  parseTaskMetric,
} from "./registry/promotion-gate.js";
export { type ArmAssignment, routeForUser } from "./registry/route-for.js";
export {
  type BuildTasksOptions,
  buildEvalTasks,
  type TaskContextSource,
  type TasksSummary,
} from "./tasks/build-tasks.js";
export {
  type EvalTask,
  evalTaskSchema,
  parseTasks,
  readTasksFile,
  TASK_KINDS,
  type TaskKind,
  type TaskSnippet,
  type TaskTest,
} from "./tasks/eval-task.js";
export { indexContextSource, TASK_CONTEXT_BUDGET } from "./tasks/index-context.js";
export { writeTasksFile } from "./tasks/write-tasks.js";
