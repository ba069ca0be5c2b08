import type { Config } from "../config/index.js";
import { ConfigError } from "../errors.js";
import { readApiKey } from "../http/api-key.js";
import { type Logger, silentLogger } from "../logger.js";
import { LlamaCppProvider } from "./llama-cpp.js";
import { OpenAiLlmProvider } from "./openai.js";
import type { LlmProvider } from "./types.js";

export type {
  ChatMessage,
  ChatRequest,
  CompletionDelta,
  CompletionRequest,
  FinishReason,
  Generation,
  LlmProvider,
  TokenUsage,
} from "./types.js";

export interface CreateLlmProviderOptions {
  /** Where `llm.api_key_env` is looked up (default `process.env`). */
  env?: NodeJS.ProcessEnv;
  logger?: Logger;
}

/** What features say when no model is configured. */
export const NO_LLM_MESSAGE =
  "no language model configured (set llm.base_url and llm.model, or llm.gguf_path); answers are extractive";

/**
 * The configured LLM provider, or `undefined` when `llm` configures none — every feature must
 * then fall back (extractive answers, context only) and say so. `llm.base_url` + `llm.model`
 * select an OpenAI-compatible endpoint, `llm.gguf_path` a local GGUF model (node-llama-cpp is
 * loaded only then, on first use). The API key is read from the variable named by
 * `llm.api_key_env`, never from the config.
 */
export function createLlmProvider(
  config: Config["llm"],
  options: CreateLlmProviderOptions = {},
): LlmProvider | undefined {
  const logger = options.logger ?? silentLogger();
  const env = options.env ?? process.env;
  if (config.base_url && config.gguf_path) {
    throw new ConfigError(
      "llm.base_url and llm.gguf_path are both set: choose an endpoint or a local model, not both",
    );
  }
  if (config.gguf_path) {
    return new LlamaCppProvider({ modelPath: config.gguf_path, logger: logger.child({ llm: "llama-cpp" }) });
  }
  if (config.base_url) {
    if (!config.model)
      throw new ConfigError("llm.model is required with llm.base_url (the model id the endpoint serves)");
    const apiKey = readApiKey(config.api_key_env, env, logger, "llm");
    return new OpenAiLlmProvider({
      baseUrl: config.base_url,
      model: config.model,
      ...(apiKey && { apiKey }),
      ...(config.api_key_env && { apiKeyEnv: config.api_key_env }),
      timeoutMs: config.timeout_ms,
      logger: logger.child({ llm: "openai" }),
    });
  }
  if (config.model) {
    throw new ConfigError(
      `llm.model is "${config.model}" but llm.base_url is not set: which endpoint serves it?`,
    );
  }
  logger.debug(NO_LLM_MESSAGE);
  return undefined;
}
