export {
  type ApiToken,
  type CreatedToken,
  coreMigrations,
  TokenRepository,
  type User,
  UserRepository,
} from "./auth/index.js";
export {
  type Config,
  type ConfigInput,
  configSchema,
  type LoadConfigOptions,
  loadConfig,
} from "./config/index.js";
export {
  type CreateEmbedderOptions,
  createEmbedder,
  type Embedder,
  type EmbedOptions,
  NO_EMBEDDER_MESSAGE,
} from "./embed/index.js";
export { OpenAiEmbedder, type OpenAiEmbedderOptions } from "./embed/openai.js";
export {
  ConfigError,
  ConflictError,
  CorruptDataError,
  describeError,
  type ErrorKind,
  exitCodeFor,
  httpStatusFor,
  InputError,
  NotFoundError,
  UnauthorizedError,
  UnavailableError,
  UpliftError,
  type UpliftErrorOptions,
} from "./errors.js";
export {
  type CachedPage,
  emptyRequestStats,
  type ForgePage,
  type ForgeRequestStats,
  forgeMigrations,
  formatRateLimitNotice,
  type GetOptions,
  GITHUB_DEFAULT_API_URL,
  GITLAB_DEFAULT_URL,
  GitHubClient,
  type GitHubClientOptions,
  GitLabClient,
  type GitLabClientOptions,
  type HttpCache,
  MemoryHttpCache,
  type PayloadParser,
  parseLinkHeader,
  type RateLimitListener,
  type RateLimitWait,
  StoreHttpCache,
} from "./forge/index.js";
export { OpenAiHttpClient, type OpenAiHttpOptions, type StreamOptions } from "./http/openai-http.js";
export type { RetryPolicy } from "./http/retry.js";
export { type SseEvent, SseParser } from "./http/sse.js";
export {
  type ChatMessage,
  type ChatRequest,
  type CompletionDelta,
  type CompletionRequest,
  type CreateLlmProviderOptions,
  createLlmProvider,
  type FinishReason,
  type Generation,
  type LlmProvider,
  NO_LLM_MESSAGE,
  type TokenUsage,
} from "./llm/index.js";
export { checkGgufFile, LlamaCppProvider, type LlamaCppProviderOptions } from "./llm/llama-cpp.js";
export { OpenAiLlmProvider, type OpenAiProviderOptions } from "./llm/openai.js";
export { createLogger, type Logger, type LoggerOptions, silentLogger } from "./logger.js";
export {
  type Backoff,
  type BullMqJobQueue,
  type BullMqJobQueueOptions,
  DEFAULT_ATTEMPTS,
  DEFAULT_BACKOFF,
  type Enqueued,
  type EnqueueOptions,
  JOB_RETENTION,
  type JobContext,
  type JobCounts,
  type JobError,
  type JobEvent,
  type JobEventListener,
  JobFailedError,
  type JobHandler,
  type JobInfo,
  type JobProgress,
  type JobQueue,
  type JobState,
  MemoryJobQueue,
  type MemoryJobQueueOptions,
  type OpenJobQueueOptions,
  openBullMqJobQueue,
  openJobQueue,
  type RegisterOptions,
  type RunWorkerOptions,
  runWorker,
  type ScheduleOptions,
  type StartOptions,
  type StopOptions,
} from "./queue/index.js";
export {
  addCounts,
  applySpans,
  highEntropySpans,
  piiSpans,
  type Redaction,
  type RedactionSpan,
  type RedactOptions,
  redactText,
  redactTexts,
  secretlintSpans,
  shannonEntropy,
  shortRuleId,
} from "./redact/index.js";
export {
  type CreateRerankerOptions,
  createReranker,
  HttpReranker,
  type HttpRerankerOptions,
  type Reranker,
  type RerankOptions,
  type RerankScore,
} from "./rerank/index.js";
export {
  compileFilter,
  type FilterScalar,
  type ReadableByOptions,
  type SearchFilter,
  searchFilter,
} from "./search/filter.js";
export { evaluateFilter } from "./search/filter-eval.js";
export { type OpenSearchIndexOptions, openSearchIndex, resolveSearchUri } from "./search/index.js";
export { type FusedItem, type RrfOptions, reciprocalRankFusion } from "./search/rrf.js";
export type {
  AnyMetadata,
  ColumnSpec,
  ColumnSpecs,
  ColumnType,
  EnsureIndexesOptions,
  FtsTokenizerOptions,
  IndexStatus,
  RowMetadata,
  SearchHit,
  SearchIndex,
  SearchMode,
  SearchQuery,
  SearchRow,
  SearchTable,
  TableSpec,
  VectorDistance,
  VectorSpec,
} from "./search/types.js";
export {
  type InsertManyOptions,
  insertRows,
  type Migration,
  type OpenStoreOptions,
  openStore,
  type Queryable,
  type QueryResult,
  type Store,
} from "./store/index.js";
export {
  type GatewayEvent,
  type GatewayEventInput,
  gatewayEventSchema,
  type SuggestionEvent,
  type SuggestionEventInput,
  suggestionEventSchema,
  TELEMETRY_SCHEMA_VERSION,
  TelemetryWriter,
  telemetryMigrations,
} from "./telemetry/index.js";
