import { z } from "zod";

/** Version of the stored event schemas below; a change of shape is a new version, never an edit. */
export const TELEMETRY_SCHEMA_VERSION = 1;

const count = z.number().int().nonnegative();
const millis = z.number().nonnegative();

/**
 * One call to the OpenAI-compatible gateway (`/v1/completions`, `/v1/chat/completions`,
 * `/v1/embeddings`), stored in `gateway_events` for the experiment engine. Version 1.
 * Token counts are the upstream model's (`usage`) when it reports them, else null;
 * `context_tokens` are the retrieved context's (cl100k_base).
 */
export const gatewayEventSchema = z.strictObject({
  schema_version: z.literal(TELEMETRY_SCHEMA_VERSION).default(TELEMETRY_SCHEMA_VERSION),
  /** The response id handed to the client (`cmpl-…`, `chatcmpl-…`); suggestion events refer to it. */
  id: z.string().min(1).max(200),
  /** When the request arrived. */
  at: z.coerce.date(),
  /** Login of the API token's user. */
  login: z.string().min(1),
  kind: z.enum(["completion", "chat", "embeddings"]),
  /** The model that answered (`llm.model`, the GGUF file, the embedder), or "none" without one. */
  model: z.string(),
  /** `context_only`: no model configured, the answer carried the retrieved context only. */
  status: z.enum(["ok", "context_only", "error"]),
  http_status: z.number().int().min(100).max(599),
  /** Request arrival → last byte handed to the client. */
  latency_ms: millis,
  /** Time spent waiting for the model (null when none was called). */
  upstream_ms: millis.nullable().default(null),
  /** Time spent retrieving context (null when none was retrieved). */
  context_ms: millis.nullable().default(null),
  prompt_tokens: count.nullable().default(null),
  completion_tokens: count.nullable().default(null),
  context_tokens: count.default(0),
  context_snippets: count.default(0),
  /** True when retrieved organisation context went into the prompt (or, without a model, into the answer). */
  context_used: z.boolean(),
  stream: z.boolean().default(false),
  /** The open file's repository and language, when the request said or the index knew. */
  repo: z.string().nullable().default(null),
  language: z.string().nullable().default(null),
  /** The client's User-Agent (first 200 characters). */
  client: z.string().max(200).nullable().default(null),
  /** Stable error code (e.g. UPLIFT_MODEL_TIMEOUT) when status is `error`. */
  error_code: z.string().nullable().default(null),
  /**
   * The experiment and arm whose model route answered (`uplift model route`), null when the
   * configured model answered. Added as nullable columns (migration core/0003): earlier events read as null.
   */
  experiment: z.string().nullable().default(null),
  arm: z.string().nullable().default(null),
});

/**
 * What an IDE reports about a completion it received: `shown` to the developer, `accepted`
 * (with how many of the suggested characters were still in the file later: `chars_kept`),
 * or `rejected`. Stored in `suggestion_events`. Version 1.
 */
export const suggestionEventSchema = z.strictObject({
  schema_version: z.literal(TELEMETRY_SCHEMA_VERSION).default(TELEMETRY_SCHEMA_VERSION),
  /** The `id` of the gateway response the suggestion came from. */
  completion_id: z.string().min(1).max(200),
  at: z.coerce.date(),
  login: z.string().min(1),
  event: z.enum(["shown", "accepted", "rejected"]),
  chars_suggested: count.nullable().default(null),
  chars_kept: count.nullable().default(null),
});

export type GatewayEvent = z.output<typeof gatewayEventSchema>;
export type GatewayEventInput = z.input<typeof gatewayEventSchema>;
export type SuggestionEvent = z.output<typeof suggestionEventSchema>;
export type SuggestionEventInput = z.input<typeof suggestionEventSchema>;
