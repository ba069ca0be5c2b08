/** One message of a chat. */
export interface ChatMessage {
  role: "system" | "user" | "assistant";
  content: string;
}

/** Why generation stopped: a natural end or stop sequence, the token limit, a filter, or anything else. */
export type FinishReason = "stop" | "length" | "content_filter" | "other";

export interface TokenUsage {
  promptTokens: number;
  completionTokens: number;
  totalTokens: number;
}

export interface ChatRequest {
  messages: ChatMessage[];
  maxTokens?: number;
  /** 0 is greedy (deterministic on a local model); default: the endpoint's own (0 for llama-cpp). */
  temperature?: number;
  /** Stop sequences; the answer ends before the first one generated. */
  stop?: string[];
  signal?: AbortSignal;
}

export interface CompletionRequest {
  /** Text before the cursor. */
  prompt: string;
  /** Text after the cursor: present means fill-in-the-middle. */
  suffix?: string;
  maxTokens?: number;
  temperature?: number;
  stop?: string[];
  signal?: AbortSignal;
}

/** A generated text. */
export interface Generation {
  text: string;
  finishReason: FinishReason;
  usage?: TokenUsage;
}

/** A piece of a streamed completion; the last piece says why generation stopped. */
export interface CompletionDelta {
  /** Text generated since the previous piece (may be empty). */
  text: string;
  finishReason?: FinishReason;
  /** When the endpoint reports it (OpenAI sends it with `stream_options.include_usage`). */
  usage?: TokenUsage;
}

/**
 * A text generator: an OpenAI-compatible endpoint or a local GGUF model. Every feature works
 * without one (see `createLlmProvider`); a provider makes answers better, never makes them work.
 */
export interface LlmProvider {
  /** Driver: `openai` (any OpenAI-compatible HTTP endpoint) or `llama-cpp` (local GGUF). */
  readonly kind: "openai" | "llama-cpp";
  /** Model id, recorded with every generated answer (the model name, or the GGUF file name). */
  readonly id: string;
  /** One chat turn: the assistant's answer to `messages`. */
  chat(request: ChatRequest): Promise<Generation>;
  /** Same as `chat`, as text deltas while they are generated; they concatenate to the full answer. */
  chatStream(request: ChatRequest): AsyncIterable<string>;
  /** Continues `prompt`, or fills the gap between `prompt` and `suffix` (code completion). */
  complete(request: CompletionRequest): Promise<Generation>;
  /** Same as `complete`, as pieces while they are generated; their texts concatenate to the full completion. */
  completeStream(request: CompletionRequest): AsyncIterable<CompletionDelta>;
  /** Releases the model (a no-op for HTTP). */
  close(): Promise<void>;
}
