import { OpenAiHttpClient } from "../http/openai-http.js";
import type { RetryPolicy } from "../http/retry.js";
import type { Logger } from "../logger.js";
import {
  chatChunkSchema,
  chatCompletionSchema,
  completionChunkSchema,
  completionSchema,
  finishReasonOf,
  usageOf,
} from "./openai-wire.js";
import type { ChatRequest, CompletionDelta, CompletionRequest, Generation, LlmProvider } from "./types.js";

export interface OpenAiProviderOptions {
  /** Base URL including `/v1` (`llm.base_url`). */
  baseUrl: string;
  /** `llm.model`. */
  model: string;
  /** The key itself, read by the caller from the environment; never stored in config. */
  apiKey?: string;
  /** `llm.api_key_env`, named in the error when the endpoint rejects the key. */
  apiKeyEnv?: string;
  /** `llm.timeout_ms`. */
  timeoutMs: number;
  logger: Logger;
  retry?: Partial<RetryPolicy>;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

/**
 * LLM provider for any OpenAI-compatible endpoint (OpenAI, vLLM, TGI, Ollama, llama.cpp
 * server, LiteLLM): `/v1/chat/completions` for chat, the legacy `/v1/completions` with
 * `suffix` for fill-in-the-middle.
 */
export class OpenAiLlmProvider implements LlmProvider {
  readonly kind = "openai" as const;
  readonly id: string;
  private readonly http: OpenAiHttpClient;

  constructor(options: OpenAiProviderOptions) {
    this.id = options.model;
    this.http = new OpenAiHttpClient({ ...options, configSection: "llm" });
  }

  async chat(request: ChatRequest): Promise<Generation> {
    const answer = await this.http.postJson(
      "chat/completions",
      this.chatBody(request, false),
      chatCompletionSchema,
      request.signal,
    );
    const choice = answer.choices[0];
    const usage = usageOf(answer.usage);
    return {
      text: choice?.message.content ?? "",
      finishReason: finishReasonOf(choice?.finish_reason),
      ...(usage && { usage }),
    };
  }

  async *chatStream(request: ChatRequest): AsyncIterable<string> {
    const chunks = this.http.postStream("chat/completions", this.chatBody(request, true), {
      signal: request.signal,
      isFinal: (chunk) =>
        chatChunkSchema.safeParse(chunk).data?.choices.some((c) => c.finish_reason) ?? false,
    });
    for await (const chunk of chunks) {
      const parsed = chatChunkSchema.safeParse(chunk);
      // Chunks without choices (a final usage chunk, a provider's keep-alive object) carry no text.
      if (!parsed.success) continue;
      for (const choice of parsed.data.choices) {
        const text = choice.delta?.content;
        if (text) yield text;
      }
    }
  }

  async complete(request: CompletionRequest): Promise<Generation> {
    const body = this.completionBody(request, false);
    const answer = await this.http.postJson("completions", body, completionSchema, request.signal);
    const choice = answer.choices[0];
    const usage = usageOf(answer.usage);
    return {
      text: choice?.text ?? "",
      finishReason: finishReasonOf(choice?.finish_reason),
      ...(usage && { usage }),
    };
  }

  async *completeStream(request: CompletionRequest): AsyncIterable<CompletionDelta> {
    const chunks = this.http.postStream("completions", this.completionBody(request, true), {
      signal: request.signal,
      isFinal: (chunk) =>
        completionChunkSchema.safeParse(chunk).data?.choices.some((c) => c.finish_reason) ?? false,
    });
    for await (const chunk of chunks) {
      const parsed = completionChunkSchema.safeParse(chunk);
      if (!parsed.success) continue; // a provider's keep-alive object
      for (const choice of parsed.data.choices) {
        const text = choice.text ?? "";
        if (choice.finish_reason) yield { text, finishReason: finishReasonOf(choice.finish_reason) };
        else if (text) yield { text };
      }
      const usage = usageOf(parsed.data.usage);
      if (usage) yield { text: "", usage };
    }
  }

  async close(): Promise<void> {}

  private completionBody(request: CompletionRequest, stream: boolean) {
    return {
      model: this.id,
      prompt: request.prompt,
      ...(request.suffix !== undefined && { suffix: request.suffix }),
      ...(stream && { stream }),
      ...generationParams(request),
    };
  }

  private chatBody(request: ChatRequest, stream: boolean) {
    return { model: this.id, messages: request.messages, stream, ...generationParams(request) };
  }
}

function generationParams(request: { maxTokens?: number; temperature?: number; stop?: string[] }) {
  return {
    ...(request.maxTokens !== undefined && { max_tokens: request.maxTokens }),
    ...(request.temperature !== undefined && { temperature: request.temperature }),
    ...(request.stop?.length && { stop: request.stop }),
  };
}
