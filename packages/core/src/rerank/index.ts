import type { Config } from "../config/index.js";
import { ConfigError } from "../errors.js";
import { readApiKey } from "../http/api-key.js";
import { type Logger, silentLogger } from "../logger.js";
import { HttpReranker } from "./http-reranker.js";
import type { Reranker } from "./types.js";

export { HttpReranker, type HttpRerankerOptions } from "./http-reranker.js";
export type { Reranker, RerankOptions, RerankScore } from "./types.js";

export interface CreateRerankerOptions {
  /** Where `reranker.api_key_env` is looked up (default `process.env`). */
  env?: NodeJS.ProcessEnv;
  logger?: Logger;
}

/**
 * The configured reranker, or `undefined` when `reranker.base_url` is empty (retrieval then keeps
 * its fused ranking). `reranker.api: auto` picks the Cohere shape when the base URL ends in
 * `/v1` (`https://api.jina.ai/v1`), the TEI shape otherwise (`http://tei:8080`).
 */
export function createReranker(
  config: Config["reranker"],
  options: CreateRerankerOptions = {},
): Reranker | undefined {
  const logger = options.logger ?? silentLogger();
  if (!config.base_url) {
    if (config.model)
      throw new ConfigError(
        `reranker.model is "${config.model}" but reranker.base_url is not set: which endpoint serves it?`,
      );
    return undefined;
  }
  const api = config.api === "auto" ? (/\/v1\/?$/.test(config.base_url) ? "cohere" : "tei") : config.api;
  if (api === "cohere" && !config.model)
    throw new ConfigError(
      `reranker.model is required for the Cohere-style /v1/rerank API at ${config.base_url} (the reranking model id)`,
    );
  return new HttpReranker({
    baseUrl: config.base_url,
    api,
    model: config.model,
    apiKey: readApiKey(config.api_key_env, options.env ?? process.env, logger, "reranker"),
    apiKeyEnv: config.api_key_env,
    topN: config.top_n,
    timeoutMs: config.timeout_ms,
    logger: logger.child({ reranker: api }),
  });
}
