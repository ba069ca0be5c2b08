export { type Config, type ConfigInput, configSchema, type LoadConfigOptions, loadConfig } from "./config/index.js";
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
  type ChatMessage,
  type ChatRequest,
  type CompletionRequest,
  type CreateLlmProviderOptions,
  createLlmProvider,
  type FinishReason,
  type Generation,
  type LlmProvider,
  NO_LLM_MESSAGE,
  type TokenUsage,
} from "./llm/index.js";
export { OpenAiLlmProvider, type OpenAiProviderOptions } from "./llm/openai.js";
export { checkGgufFile, LlamaCppProvider, type LlamaCppProviderOptions } from "./llm/llama-cpp.js";
export {
  type CreateEmbedderOptions,
  createEmbedder,
  type EmbedOptions,
  type Embedder,
  NO_EMBEDDER_MESSAGE,
} from "./embed/index.js";
export { OpenAiEmbedder, type OpenAiEmbedderOptions } from "./embed/openai.js";
export { OpenAiHttpClient, type OpenAiHttpOptions, type StreamOptions } from "./http/openai-http.js";
export { type SseEvent, SseParser } from "./http/sse.js";
export type { RetryPolicy } from "./http/retry.js";
