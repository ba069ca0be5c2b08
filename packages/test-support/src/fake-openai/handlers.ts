import { embeddingToBase64, fakeEmbedding } from "./embeddings.js";
import { contentText, defaultChatText, defaultCompletionText, fakeTokens, limitText } from "./text.js";
import type { ScriptedResponse } from "./types.js";

/** What a handler wants sent: a JSON body, or a list of SSE chunks ending with `[DONE]`. */
export type Answer = JsonAnswer | { kind: "stream"; chunks: unknown[] };
export type JsonAnswer = { kind: "json"; status: number; body: unknown };

type Body = Record<string, unknown>;

let counter = 0;
const nextId = (prefix: string) => `${prefix}-fake-${++counter}`;
const CREATED = 1_700_000_000;

function stopList(stop: unknown): string[] {
  if (typeof stop === "string") return [stop];
  return Array.isArray(stop) ? stop.filter((s): s is string => typeof s === "string") : [];
}

function maxTokensOf(body: Body): number | undefined {
  const value = body.max_completion_tokens ?? body.max_tokens;
  return typeof value === "number" ? value : undefined;
}

function usage(promptTokens: number, completionTokens: number) {
  return {
    prompt_tokens: promptTokens,
    completion_tokens: completionTokens,
    total_tokens: promptTokens + completionTokens,
  };
}

function includeUsage(body: Body): boolean {
  const options = body.stream_options as { include_usage?: unknown } | undefined;
  return options?.include_usage === true;
}

/** `POST /v1/chat/completions`. */
export function chatCompletion(body: Body, script: ScriptedResponse | undefined): Answer {
  const messages = Array.isArray(body.messages)
    ? (body.messages as { role?: unknown; content?: unknown }[])
    : [];
  const limited = limitText(
    script?.text ?? defaultChatText(messages),
    maxTokensOf(body),
    stopList(body.stop),
  );
  const finishReason = script?.finishReason ?? limited.finishReason;
  const promptTokens = messages.reduce((n, m) => n + fakeTokens(contentText(m.content)).length, 0);
  const pieces = fakeTokens(limited.text);
  const id = nextId("chatcmpl");
  const model = body.model;
  if (body.stream !== true) {
    const choice = {
      index: 0,
      message: { role: "assistant", content: limited.text },
      finish_reason: finishReason,
    };
    return {
      kind: "json",
      status: 200,
      body: {
        id,
        object: "chat.completion",
        created: CREATED,
        model,
        choices: [choice],
        usage: usage(promptTokens, pieces.length),
      },
    };
  }
  const chunk = (choices: unknown[], extra: Body = {}) => ({
    id,
    object: "chat.completion.chunk",
    created: CREATED,
    model,
    choices,
    ...extra,
  });
  const chunks: unknown[] = [
    chunk([{ index: 0, delta: { role: "assistant", content: "" }, finish_reason: null }]),
  ];
  for (const piece of pieces)
    chunks.push(chunk([{ index: 0, delta: { content: piece }, finish_reason: null }]));
  chunks.push(chunk([{ index: 0, delta: {}, finish_reason: finishReason }]));
  if (includeUsage(body)) chunks.push(chunk([], { usage: usage(promptTokens, pieces.length) }));
  return { kind: "stream", chunks };
}

/** `POST /v1/completions` (legacy), with `suffix` for fill-in-the-middle. */
export function textCompletion(body: Body, script: ScriptedResponse | undefined): Answer {
  const prompt = Array.isArray(body.prompt) ? String(body.prompt[0] ?? "") : String(body.prompt ?? "");
  const suffix = typeof body.suffix === "string" ? body.suffix : undefined;
  const limited = limitText(
    script?.text ?? defaultCompletionText(prompt, suffix),
    maxTokensOf(body) ?? 16,
    stopList(body.stop),
  );
  const finishReason = script?.finishReason ?? limited.finishReason;
  const promptTokens = fakeTokens(prompt).length + fakeTokens(suffix ?? "").length;
  const pieces = fakeTokens(limited.text);
  const id = nextId("cmpl");
  const model = body.model;
  if (body.stream !== true) {
    const choice = { index: 0, text: limited.text, logprobs: null, finish_reason: finishReason };
    return {
      kind: "json",
      status: 200,
      body: {
        id,
        object: "text_completion",
        created: CREATED,
        model,
        choices: [choice],
        usage: usage(promptTokens, pieces.length),
      },
    };
  }
  const chunk = (text: string, finish: string | null) => ({
    id,
    object: "text_completion",
    created: CREATED,
    model,
    choices: [{ index: 0, text, logprobs: null, finish_reason: finish }],
  });
  const chunks: unknown[] = pieces.map((piece) => chunk(piece, null));
  chunks.push(chunk("", finishReason));
  if (includeUsage(body)) {
    chunks.push({
      id,
      object: "text_completion",
      created: CREATED,
      model,
      choices: [],
      usage: usage(promptTokens, pieces.length),
    });
  }
  return { kind: "stream", chunks };
}

/** `POST /v1/embeddings`: `input` is a string or an array of strings. */
export function embeddings(
  body: Body,
  script: ScriptedResponse | undefined,
  defaultDimension: number,
): Answer {
  const input = body.input;
  const texts = typeof input === "string" ? [input] : Array.isArray(input) ? input : undefined;
  if (!texts || texts.length === 0 || texts.some((t) => typeof t !== "string")) {
    return invalidRequest("'input' must be a non-empty string or a non-empty array of strings", "input");
  }
  if (texts.some((t) => t === "")) return invalidRequest("'input' must not contain empty strings", "input");
  const dimension = typeof body.dimensions === "number" ? body.dimensions : defaultDimension;
  const base64 = body.encoding_format === "base64";
  const data = (texts as string[]).map((text, index) => {
    const vector = fakeEmbedding(text, dimension);
    return { object: "embedding", index, embedding: base64 ? embeddingToBase64(vector) : vector };
  });
  if (script?.reverseOrder) data.reverse();
  const promptTokens = (texts as string[]).reduce((n, t) => n + fakeTokens(t).length, 0);
  return {
    kind: "json",
    status: 200,
    body: {
      object: "list",
      data,
      model: body.model,
      usage: { prompt_tokens: promptTokens, total_tokens: promptTokens },
    },
  };
}

/** `GET /v1/models`. */
export function listModels(models: string[]): JsonAnswer {
  return {
    kind: "json",
    status: 200,
    body: {
      object: "list",
      data: models.map((id) => ({ id, object: "model", created: CREATED, owned_by: "fake" })),
    },
  };
}

const ERROR_TYPES: Record<number, [type: string, code: string | null, message: string]> = {
  400: ["invalid_request_error", null, "Bad request"],
  401: ["invalid_request_error", "invalid_api_key", "Incorrect API key provided"],
  403: ["invalid_request_error", "forbidden", "You are not allowed to use this model"],
  404: ["invalid_request_error", "not_found", "Not found"],
  429: ["requests", "rate_limit_exceeded", "Rate limit reached; please try again later"],
  500: ["server_error", null, "The server had an error while processing your request"],
  503: ["server_error", null, "The engine is currently overloaded, please try again later"],
};

/** An OpenAI-style error answer. */
export function errorAnswer(status: number, message?: string, code?: string, param?: string): JsonAnswer {
  const [type, defaultCode, defaultMessage] = ERROR_TYPES[status] ?? [
    "server_error",
    null,
    `Error ${status}`,
  ];
  return {
    kind: "json",
    status,
    body: {
      error: { message: message ?? defaultMessage, type, param: param ?? null, code: code ?? defaultCode },
    },
  };
}

export function invalidRequest(message: string, param?: string): JsonAnswer {
  return errorAnswer(400, message, undefined, param);
}

export function modelNotFound(model: string): JsonAnswer {
  return errorAnswer(
    404,
    `The model \`${model}\` does not exist or you do not have access to it.`,
    "model_not_found",
  );
}
