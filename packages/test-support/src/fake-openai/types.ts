/** Options of {@link startFakeOpenAI}. */
export interface FakeOpenAIOptions {
  /** When set, every request must carry `Authorization: Bearer <apiKey>` or gets a 401. */
  apiKey?: string;
  /** Model ids the server knows; any other model gets a 404 `model_not_found` (default `["fake-model", "fake-embedding"]`). */
  models?: string[];
  /** Length of the embedding vectors unless a request asks for `dimensions` (default 16). */
  embeddingDimension?: number;
}

/** A request as the fake server received it. */
export interface RecordedRequest {
  method: string;
  /** Path without the query string, e.g. `/v1/chat/completions`. */
  path: string;
  /** Header names are lower-case. */
  headers: Record<string, string>;
  /** The parsed JSON body, or `undefined` when there was none (or it was not JSON). */
  body: unknown;
}

/**
 * One scripted answer, used (first in, first out) instead of the default answer for the next
 * POST request whose path matches `path` (any POST when `path` is unset).
 */
export interface ScriptedResponse {
  /** Only answer requests to this path, e.g. `/v1/embeddings`. */
  path?: string;
  /** A non-2xx status answers with an OpenAI-style `{ "error": { … } }` body. */
  status?: number;
  /** Message of the error body (a default per status otherwise). */
  message?: string;
  /** `Retry-After` header value: seconds (a number) or an HTTP date (a string). */
  retryAfter?: number | string;
  /** Extra response headers. */
  headers?: Record<string, string>;
  /** Wait this long before answering (nothing is sent meanwhile), to test timeouts. */
  delayMs?: number;
  /** Replace the generated text of a chat or completion answer. */
  text?: string;
  /** Replace the finish reason (`stop` or `length` otherwise, from `max_tokens` and `stop`). */
  finishReason?: string;
  /** Streaming only: send this many content chunks, then break the stream. */
  breakAfterChunks?: number;
  /** How a stream breaks: `destroy` the socket (default) or `end` the response cleanly without `[DONE]`. */
  breakMode?: "destroy" | "end";
  /** Streaming only: wait this long between chunks. */
  chunkDelayMs?: number;
  /**
   * Streaming only: send every event but the last (the finish reason, or the usage when asked
   * for), then wait for this promise before sending it and `[DONE]` — a model still generating,
   * so that a test can see chunks reach a client before the stream ends.
   */
  holdLastChunkUntil?: Promise<unknown>;
  /** Streaming only: send `: keep-alive` comment lines between events. */
  comments?: boolean;
  /** Streaming only: write the stream in pieces of this many bytes, to test chunk-boundary handling. */
  splitBytes?: number;
  /** Embeddings only: return the `data` items in reverse order (each keeps its `index`). */
  reverseOrder?: boolean;
}

/** A running fake OpenAI-compatible server. */
export interface FakeOpenAI {
  /** Base URL including `/v1`, as `llm.base_url` expects it, e.g. `http://127.0.0.1:41234/v1`. */
  url: string;
  /** Every request received, in order (recorded before any authentication check). */
  requests: RecordedRequest[];
  /** Queues scripted answers. */
  script(...responses: ScriptedResponse[]): void;
  /** Scripted answers not used yet. */
  pendingScripts(): number;
  /** Stops the server, dropping open connections and pending delays. */
  close(): Promise<void>;
}
