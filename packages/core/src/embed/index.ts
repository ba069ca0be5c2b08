import type { Config } from "../config/index.js";
import { ConfigError } from "../errors.js";
import { readApiKey } from "../http/api-key.js";
import { type Logger, silentLogger } from "../logger.js";
import { OpenAiEmbedder } from "./openai.js";
import type { Embedder } from "./types.js";

export type { Embedder, EmbedOptions } from "./types.js";

export interface CreateEmbedderOptions {
  /** Where `embedder.api_key_env` is looked up (default `process.env`). */
  env?: NodeJS.ProcessEnv;
  logger?: Logger;
  /** Per request (default 60 s). */
  timeoutMs?: number;
}

/** What features say when no embedder is configured. */
export const NO_EMBEDDER_MESSAGE =
  "no embedder configured (set embedder.base_url and embedder.model); search is lexical (BM25)";

/**
 * The configured embedder, or `undefined` when `embedder` configures none — search then stays
 * lexical (BM25) and says so. `embedder.base_url` + `embedder.model` select an
 * OpenAI-compatible `/v1/embeddings` endpoint. `embedder.onnx_dir` (local ONNX through
 * transformers.js) is not implemented yet and is rejected with a ConfigError.
 */
export function createEmbedder(
  config: Omit<Config["embedder"], "fusion_weight"> & { fusion_weight?: number | undefined },
  options: CreateEmbedderOptions = {},
): Embedder | undefined {
  const logger = options.logger ?? silentLogger();
  if (config.onnx_dir) {
    throw new ConfigError(
      `embedder.onnx_dir (${config.onnx_dir}): the local ONNX embedder is not available yet; use embedder.base_url with an OpenAI-compatible /v1/embeddings endpoint`,
    );
  }
  if (config.base_url) {
    if (!config.model)
      throw new ConfigError("embedder.model is required with embedder.base_url (the embedding model id)");
    const apiKey = readApiKey(config.api_key_env, options.env ?? process.env, logger, "embedder");
    return new OpenAiEmbedder({
      baseUrl: config.base_url,
      model: config.model,
      fusionWeight: config.fusion_weight ?? 1,
      ...(apiKey && { apiKey }),
      ...(config.api_key_env && { apiKeyEnv: config.api_key_env }),
      ...(options.timeoutMs !== undefined && { timeoutMs: options.timeoutMs }),
      logger: logger.child({ embedder: "openai" }),
    });
  }
  if (config.model) {
    throw new ConfigError(
      `embedder.model is "${config.model}" but embedder.base_url is not set: which endpoint serves it?`,
    );
  }
  logger.debug(NO_EMBEDDER_MESSAGE);
  return undefined;
}
