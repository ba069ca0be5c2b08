import { z } from "zod";
import { UnavailableError } from "../errors.js";
import { OpenAiHttpClient } from "../http/openai-http.js";
import type { RetryPolicy } from "../http/retry.js";
import type { Logger } from "../logger.js";
import type { Reranker, RerankOptions, RerankScore } from "./types.js";

export interface HttpRerankerOptions {
  /** `reranker.base_url`: a TEI server's origin, or a Cohere/Jina-style base including `/v1`. */
  baseUrl: string;
  api: "tei" | "cohere";
  /** Required by Cohere/Jina-style APIs; TEI serves one model and ignores it. */
  model?: string | undefined;
  apiKey?: string | undefined;
  apiKeyEnv?: string | undefined;
  topN: number;
  timeoutMs: number;
  logger: Logger;
  retry?: Partial<RetryPolicy>;
}

const RERANK_RETRY_POLICY: Partial<RetryPolicy> = { maxRetries: 1, baseDelayMs: 100, maxDelayMs: 1_000 };

/** TEI: `[{index, score}]` (text-embeddings-inference `/rerank`). */
const teiAnswerSchema = z.array(z.object({ index: z.number().int().nonnegative(), score: z.number() }));
/** Cohere / Jina / vLLM: `{results: [{index, relevance_score}]}`. */
const cohereAnswerSchema = z.object({
  results: z.array(z.object({ index: z.number().int().nonnegative(), relevance_score: z.number() })),
});

/**
 * Reranker over HTTP, in the two shapes deployed servers speak: Hugging Face TEI
 * (`POST {base}/rerank {query, texts}` → `[{index, score}]`) and Cohere's `/v1/rerank`
 * (`{model, query, documents, top_n}` → `{results: [{index, relevance_score}]}`), which Jina,
 * vLLM and LiteLLM also serve. Timeouts, retries and error messages are core's HTTP layer's.
 */
export class HttpReranker implements Reranker {
  readonly api: "tei" | "cohere";
  readonly modelId: string;
  readonly topN: number;
  private readonly http: OpenAiHttpClient;

  constructor(private readonly options: HttpRerankerOptions) {
    this.api = options.api;
    this.topN = options.topN;
    this.modelId = `${options.api}:${options.model ?? "default"}`;
    this.http = new OpenAiHttpClient({
      baseUrl: options.baseUrl.replace(/\/+$/, ""),
      model: options.model ?? "(server default)",
      ...(options.apiKey && { apiKey: options.apiKey }),
      ...(options.apiKeyEnv && { apiKeyEnv: options.apiKeyEnv }),
      configSection: "reranker",
      timeoutMs: options.timeoutMs,
      logger: options.logger,
      // reranking sits in every search's path: one quick retry, then the caller's fallback
      retry: options.retry ?? RERANK_RETRY_POLICY,
    });
  }

  async rerank(query: string, texts: string[], options: RerankOptions = {}): Promise<RerankScore[]> {
    if (texts.length === 0) return [];
    const scores =
      this.api === "tei"
        ? await this.http.postJson(
            "rerank",
            { query, texts, truncate: true },
            teiAnswerSchema,
            options.signal,
          )
        : (
            await this.http.postJson(
              "rerank",
              { model: this.options.model, query, documents: texts, top_n: texts.length },
              cohereAnswerSchema,
              options.signal,
            )
          ).results.map((r) => ({ index: r.index, score: r.relevance_score }));
    return this.checked(scores, texts.length);
  }

  /** Every input scored exactly once, best first. */
  private checked(scores: RerankScore[], count: number): RerankScore[] {
    const seen = new Set<number>();
    for (const { index } of scores) {
      if (index >= count || seen.has(index))
        throw new UnavailableError(
          `${this.options.baseUrl}/rerank: answer has a duplicate or out-of-range index ${index} for ${count} texts`,
          { code: "UPLIFT_MODEL_BAD_RESPONSE" },
        );
      seen.add(index);
    }
    if (seen.size !== count)
      throw new UnavailableError(
        `${this.options.baseUrl}/rerank: answer scores ${seen.size} of ${count} texts`,
        { code: "UPLIFT_MODEL_BAD_RESPONSE" },
      );
    return [...scores].sort((a, b) => b.score - a.score);
  }
}
