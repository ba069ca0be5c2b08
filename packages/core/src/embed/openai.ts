import { z } from "zod";
import { UnavailableError } from "../errors.js";
import { OpenAiHttpClient } from "../http/openai-http.js";
import type { RetryPolicy } from "../http/retry.js";
import type { Logger } from "../logger.js";
import type { Embedder, EmbedOptions } from "./types.js";

export interface OpenAiEmbedderOptions {
  /** `embedder.base_url`, including `/v1`. */
  baseUrl: string;
  /** `embedder.model`. */
  model: string;
  apiKey?: string;
  /** `embedder.api_key_env`, named in the error when the endpoint rejects the key. */
  apiKeyEnv?: string;
  /** Expected vector length; an answer of another length is an error. Learned from the first answer otherwise. */
  dimension?: number;
  /** `embedder.fusion_weight` (default 1). */
  fusionWeight?: number;
  /** Texts per request (default 64). */
  batchSize?: number;
  /** Per request (default 60 s). */
  timeoutMs?: number;
  logger: Logger;
  retry?: Partial<RetryPolicy>;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

const embeddingsSchema = z.object({
  data: z.array(z.object({ index: z.number().int().nonnegative(), embedding: z.array(z.number()) })),
});

/** Embedder for any OpenAI-compatible `/v1/embeddings` endpoint (OpenAI, vLLM, TEI, Ollama, LiteLLM). */
export class OpenAiEmbedder implements Embedder {
  readonly kind = "openai" as const;
  readonly modelId: string;
  readonly fusionWeight: number;
  private knownDimension: number | undefined;
  private readonly http: OpenAiHttpClient;
  private readonly batchSize: number;

  constructor(private readonly options: OpenAiEmbedderOptions) {
    this.modelId = `openai:${options.model}`;
    this.fusionWeight = options.fusionWeight ?? 1;
    this.knownDimension = options.dimension;
    this.batchSize = options.batchSize ?? 64;
    this.http = new OpenAiHttpClient({
      ...options,
      timeoutMs: options.timeoutMs ?? 60_000,
      configSection: "embedder",
    });
  }

  get dimension(): number | undefined {
    return this.knownDimension;
  }

  /** Sends the texts in batches of `batchSize`, one batch at a time, and returns the vectors in input order. */
  async embed(texts: string[], options: EmbedOptions = {}): Promise<number[][]> {
    const vectors: number[][] = [];
    for (let start = 0; start < texts.length; start += this.batchSize) {
      const batch = texts.slice(start, start + this.batchSize);
      const body = { model: this.options.model, input: batch, encoding_format: "float" };
      const answer = await this.http.postJson("embeddings", body, embeddingsSchema, options.signal);
      vectors.push(...this.inOrder(answer.data, batch.length));
    }
    return vectors;
  }

  async detectDimension(options: EmbedOptions = {}): Promise<number> {
    if (this.knownDimension === undefined) await this.embed(["dimension probe"], options);
    return this.knownDimension as number;
  }

  /** Puts the answer's items back in input order (by `index`) and checks count and length. */
  private inOrder(data: { index: number; embedding: number[] }[], count: number): number[][] {
    const url = `${this.options.baseUrl}/embeddings`;
    const vectors: (number[] | undefined)[] = Array.from({ length: count }, () => undefined);
    for (const item of data) {
      if (item.index >= count || vectors[item.index]) {
        throw new UnavailableError(
          `${url}: answer has a duplicate or out-of-range index ${item.index} for ${count} inputs`,
          {
            code: "UPLIFT_MODEL_BAD_RESPONSE",
          },
        );
      }
      this.knownDimension ??= item.embedding.length;
      if (item.embedding.length !== this.knownDimension) {
        throw new UnavailableError(
          `${url}: model "${this.options.model}" returned a vector of ${item.embedding.length} dimensions, expected ${this.knownDimension}`,
          {
            code: "UPLIFT_MODEL_BAD_RESPONSE",
            hint: "the model behind embedder.base_url changed: re-embed the index",
          },
        );
      }
      vectors[item.index] = item.embedding;
    }
    if (data.length !== count || vectors.includes(undefined)) {
      throw new UnavailableError(`${url}: ${data.length} embeddings returned for ${count} inputs`, {
        code: "UPLIFT_MODEL_BAD_RESPONSE",
      });
    }
    return vectors as number[][];
  }
}
