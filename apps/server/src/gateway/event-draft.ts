import { randomUUID } from "node:crypto";
import { UnavailableError, UpliftError } from "@uplift/core";
import type { GatewayTelemetryEvent } from "../services.js";

/**
 * The telemetry event of one gateway request, filled in by the handler while it works and
 * recorded once when the answer is complete: by the gateway middleware for a JSON answer, by
 * the stream for a streamed one (`deferred`).
 */
export class EventDraft {
  readonly at = new Date();
  private readonly started = performance.now();
  private recorded = false;
  id = `req-${randomUUID()}`;
  kind: GatewayTelemetryEvent["kind"] | undefined;
  model = "none";
  contextOnly = false;
  upstreamMs: number | null = null;
  contextMs: number | null = null;
  promptTokens: number | null = null;
  completionTokens: number | null = null;
  contextTokens = 0;
  contextSnippets = 0;
  contextUsed = false;
  stream = false;
  /** True once the handler hands recording to a stream. */
  deferred = false;
  repo: string | null = null;
  language: string | null = null;
  /** Set when an experiment arm's model route answered (`routed-model.ts`). */
  experiment: string | null = null;
  arm: string | null = null;

  constructor(
    private readonly login: string,
    private readonly client: string | null,
    private readonly sink: ((event: GatewayTelemetryEvent) => void) | undefined,
  ) {}

  /** Gives the answer its id (`cmpl-…`, `chatcmpl-…`), which the event keeps. */
  newId(prefix: string): string {
    this.id = `${prefix}-${randomUUID()}`;
    return this.id;
  }

  /** Times `fn` as the upstream model's share of the latency. */
  async upstream<T>(fn: () => Promise<T>): Promise<T> {
    const started = performance.now();
    try {
      return await fn();
    } finally {
      this.upstreamMs = (this.upstreamMs ?? 0) + (performance.now() - started);
    }
  }

  /**
   * Records a streamed answer when its stream ends: 200, or the failure that ended it, or 499
   * (`UPLIFT_CLIENT_CLOSED`, nginx's "client closed request") when the client went away first.
   */
  completeStream(outcome: { error?: unknown; cancelled?: boolean }): void {
    if (outcome.cancelled)
      this.complete(
        499,
        new UnavailableError("the client closed the connection before the answer was complete", {
          code: "UPLIFT_CLIENT_CLOSED",
        }),
      );
    else this.complete(200, outcome.error);
  }

  /** Records the event (once; requests that are no gateway call, like GET /v1/models, have no kind). */
  complete(httpStatus: number, error?: unknown): void {
    if (this.recorded || this.kind === undefined || !this.sink) return;
    this.recorded = true;
    const failed = httpStatus >= 400 || error !== undefined;
    this.sink({
      id: this.id,
      at: this.at,
      login: this.login,
      kind: this.kind,
      model: this.model,
      status: failed ? "error" : this.contextOnly ? "context_only" : "ok",
      http_status: httpStatus,
      latency_ms: round(performance.now() - this.started),
      upstream_ms: this.upstreamMs === null ? null : round(this.upstreamMs),
      context_ms: this.contextMs === null ? null : round(this.contextMs),
      prompt_tokens: this.promptTokens,
      completion_tokens: this.completionTokens,
      context_tokens: this.contextTokens,
      context_snippets: this.contextSnippets,
      context_used: this.contextUsed,
      stream: this.stream,
      repo: this.repo,
      language: this.language,
      client: this.client,
      error_code: failed ? errorCode(error, httpStatus) : null,
      experiment: this.experiment,
      arm: this.arm,
    });
  }
}

function errorCode(error: unknown, httpStatus: number): string {
  if (error instanceof UpliftError) return error.code;
  return error === undefined ? `UPLIFT_HTTP_${httpStatus}` : "UPLIFT_INTERNAL";
}

function round(ms: number): number {
  return Math.round(ms * 100) / 100;
}
