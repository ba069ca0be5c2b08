import type { z } from "zod";
import type { Logger } from "../logger.js";
import {
  badResponseError,
  causeText,
  type EndpointContext,
  statusError,
  streamBrokenError,
  streamErrorEventError,
  timeoutError,
  unreachableError,
} from "./endpoint-errors.js";
import {
  DEFAULT_RETRY_POLICY,
  isRetryableStatus,
  parseRetryAfterMs,
  type RetryPolicy,
  retryDelayMs,
  sleep,
} from "./retry.js";
import { SseParser } from "./sse.js";

/** Options of {@link OpenAiHttpClient}. */
export interface OpenAiHttpOptions {
  /** Base URL including the version, e.g. `http://localhost:8000/v1`. */
  baseUrl: string;
  /** Model id, named in error messages. */
  model: string;
  /** Sent as `Authorization: Bearer …` when set. */
  apiKey?: string;
  /** Name of the environment variable the key comes from, named in error messages. */
  apiKeyEnv?: string;
  /** Config section named in error messages (`llm`, `embedder`). */
  configSection: string;
  /** Per attempt: until the whole JSON answer is read; for a stream, until the headers, then between two chunks. */
  timeoutMs: number;
  retry?: Partial<RetryPolicy>;
  logger: Logger;
  /** How to wait between retries (injected by tests to record the delays). */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

export interface StreamOptions {
  signal?: AbortSignal | undefined;
  /** A chunk that ends the answer (a `finish_reason`): a stream that ends after one needs no `[DONE]`. */
  isFinal?: (chunk: unknown) => boolean;
}

/** Resettable timeout: aborts its signal `ms` after the last `arm()`. */
class Deadline {
  readonly controller = new AbortController();
  timedOut = false;
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly ms: number) {}

  arm(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timedOut = true;
      this.controller.abort(new DOMException(`no answer within ${this.ms} ms`, "TimeoutError"));
    }, this.ms);
  }

  disarm(): void {
    clearTimeout(this.timer);
  }
}

interface Sent {
  response: Response;
  deadline: Deadline;
  url: string;
}

/**
 * HTTP client for OpenAI-compatible endpoints, shared by the LLM and embedding drivers:
 * JSON and SSE requests with a timeout per attempt, up to 3 retries with exponential backoff
 * and jitter on 429, 5xx and network errors (honouring `Retry-After`), and errors that say
 * what to fix: a rejected key names the environment variable, an unknown model names the
 * config key. Timeouts and broken streams are not retried (the time budget is spent; part
 * of the answer may have been consumed).
 */
export class OpenAiHttpClient {
  private readonly policy: RetryPolicy;
  private readonly wait: (ms: number, signal?: AbortSignal) => Promise<void>;
  private readonly context: EndpointContext;

  constructor(private readonly options: OpenAiHttpOptions) {
    this.policy = { ...DEFAULT_RETRY_POLICY, ...options.retry };
    this.wait = options.sleep ?? sleep;
    const { baseUrl, model, configSection, apiKeyEnv, timeoutMs } = options;
    this.context = {
      baseUrl,
      model,
      configSection,
      apiKeyEnv,
      hasApiKey: Boolean(options.apiKey),
      timeoutMs,
    };
  }

  /** POSTs JSON and returns the answer validated by `schema`. */
  async postJson<T>(path: string, body: unknown, schema: z.ZodType<T>, signal?: AbortSignal): Promise<T> {
    return this.readJson(await this.send("POST", path, body, signal), schema, signal);
  }

  /** GETs JSON and returns the answer validated by `schema`. */
  async getJson<T>(path: string, schema: z.ZodType<T>, signal?: AbortSignal): Promise<T> {
    return this.readJson(await this.send("GET", path, undefined, signal), schema, signal);
  }

  /**
   * POSTs JSON with `stream: true` and yields the JSON payload of each SSE `data:` event until
   * `data: [DONE]`. A stream cut before `[DONE]` (and before a final chunk) throws
   * `UPLIFT_MODEL_STREAM_BROKEN`; an `{"error": …}` event throws `UPLIFT_MODEL_STREAM_ERROR`.
   */
  async *postStream(path: string, body: unknown, options: StreamOptions = {}): AsyncGenerator<unknown> {
    const { signal, isFinal } = options;
    const { response, deadline, url } = await this.send("POST", path, body, signal, "text/event-stream");
    deadline.disarm(); // from here on, the timeout applies to each wait for the next chunk
    const type = response.headers.get("content-type") ?? "";
    if (!type.startsWith("text/event-stream")) {
      await response.body?.cancel();
      throw badResponseError(
        this.context,
        url,
        `expected a text/event-stream answer to stream: true, got "${type}"`,
      );
    }
    if (!response.body) throw badResponseError(this.context, url, "the streaming answer has no body");
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    const parser = new SseParser();
    let received = 0;
    let ended = false;
    let drained = false;
    let sawFinal = false;
    try {
      while (!ended) {
        deadline.arm();
        let chunk: Awaited<ReturnType<typeof reader.read>>;
        try {
          chunk = await reader.read();
        } catch (error) {
          throw this.abortReason(error, signal, deadline, url) ?? streamBrokenError(url, received, error);
        } finally {
          deadline.disarm();
        }
        if (chunk.done) {
          drained = true;
          break;
        }
        for (const event of parser.push(chunk.value)) {
          if (event.data.trim() === "[DONE]") {
            ended = true;
            break;
          }
          const value = this.parseEvent(url, event.data, received);
          received++;
          sawFinal ||= isFinal?.(value) ?? false;
          yield value;
        }
      }
      if (!ended && !sawFinal) throw streamBrokenError(url, received, undefined);
    } finally {
      if (!drained) {
        // Stopped before the end of the body ([DONE], an early consumer exit, a failure): release the connection.
        await reader
          .cancel()
          .catch((error: unknown) => this.options.logger.debug({ err: error, url }, "stream cancel failed"));
      }
    }
  }

  private url(path: string): string {
    return `${this.options.baseUrl.replace(/\/+$/, "")}/${path.replace(/^\/+/, "")}`;
  }

  private headers(body: unknown, accept: string): Record<string, string> {
    const headers: Record<string, string> = { accept };
    if (body !== undefined) headers["content-type"] = "application/json";
    if (this.options.apiKey) headers.authorization = `Bearer ${this.options.apiKey}`;
    return headers;
  }

  /** Reads and validates a JSON answer within what is left of the attempt's timeout. */
  private async readJson<T>(
    { response, deadline, url }: Sent,
    schema: z.ZodType<T>,
    signal?: AbortSignal,
  ): Promise<T> {
    try {
      return this.parse(url, await response.text(), schema);
    } catch (error) {
      throw this.abortReason(error, signal, deadline, url) ?? error;
    } finally {
      deadline.disarm();
    }
  }

  /**
   * Sends with retries until a 2xx answer or a final error. The 2xx body is left unread and
   * its attempt's timeout still running: the caller disarms it.
   */
  private async send(
    method: string,
    path: string,
    body: unknown,
    signal: AbortSignal | undefined,
    accept = "application/json",
  ): Promise<Sent> {
    const url = this.url(path);
    const init = {
      method,
      headers: this.headers(body, accept),
      body: body === undefined ? undefined : JSON.stringify(body),
    };
    for (let attempt = 1; ; attempt++) {
      const deadline = new Deadline(this.options.timeoutMs);
      const combined = signal
        ? AbortSignal.any([signal, deadline.controller.signal])
        : deadline.controller.signal;
      deadline.arm();
      let response: Response;
      try {
        response = await fetch(url, { ...init, signal: combined });
      } catch (error) {
        deadline.disarm();
        const aborted = this.abortReason(error, signal, deadline, url);
        if (aborted) throw aborted;
        if (attempt > this.policy.maxRetries)
          throw unreachableError(this.context, method, url, attempt, error);
        await this.backoff(attempt, undefined, url, `network error: ${causeText(error)}`, signal);
        continue;
      }
      if (response.ok) return { response, deadline, url };

      let text = "";
      try {
        text = await response.text();
      } catch (error) {
        const aborted = this.abortReason(error, signal, deadline, url);
        if (aborted) throw aborted;
        this.options.logger.debug({ err: error, url }, "could not read the error body");
      } finally {
        deadline.disarm();
      }
      if (isRetryableStatus(response.status) && attempt <= this.policy.maxRetries) {
        await this.backoff(
          attempt,
          parseRetryAfterMs(response.headers),
          url,
          `status ${response.status}`,
          signal,
        );
        continue;
      }
      throw statusError(this.context, method, url, response.status, text, attempt);
    }
  }

  private async backoff(
    attempt: number,
    retryAfterMs: number | undefined,
    url: string,
    reason: string,
    signal: AbortSignal | undefined,
  ): Promise<void> {
    const delayMs = retryDelayMs(attempt - 1, retryAfterMs, this.policy);
    this.options.logger.warn({ url, attempt, delayMs, reason }, "model endpoint failed; retrying");
    await this.wait(delayMs, signal);
  }

  /** The error to throw when `error` comes from our timeout or the caller's signal; else undefined. */
  private abortReason(
    error: unknown,
    signal: AbortSignal | undefined,
    deadline: Deadline,
    url: string,
  ): unknown {
    if (signal?.aborted) return signal.reason;
    return deadline.timedOut ? timeoutError(this.context, url, error) : undefined;
  }

  private parse<T>(url: string, text: string, schema: z.ZodType<T>): T {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      throw badResponseError(
        this.context,
        url,
        `the body is not JSON (${JSON.stringify(text.slice(0, 80))})`,
        error,
      );
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw badResponseError(
        this.context,
        url,
        `${issue?.path.join(".") || "body"}: ${issue?.message}`,
        parsed.error,
      );
    }
    return parsed.data;
  }

  private parseEvent(url: string, data: string, index: number): unknown {
    let value: unknown;
    try {
      value = JSON.parse(data);
    } catch (error) {
      const problem = `stream event ${index + 1} is not JSON (${JSON.stringify(data.slice(0, 80))})`;
      throw badResponseError(this.context, url, problem, error);
    }
    if (typeof value === "object" && value !== null && "error" in value && value.error) {
      throw streamErrorEventError(url, value.error);
    }
    return value;
  }
}
