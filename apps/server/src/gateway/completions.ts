import { buildFimPrompt, type FimSnippet, fimStopTokens, languageOf, lineCommentOf } from "@uplift/code";
import type { CompletionDelta, CompletionRequest, FinishReason, Generation, Logger } from "@uplift/core";
import type { Context } from "hono";
import type { CodeContextResponse } from "../api/code-schemas.js";
import { parseBody } from "../api/parse-body.js";
import type { ServerDeps } from "../deps.js";
import { filePathFromPrompt } from "./file-hint.js";
import { fimModelFor } from "./fim-model.js";
import type { GatewayEnv } from "./gateway-env.js";
import { completionRequestSchema, stopList } from "./openai-schemas.js";
import { completionContext } from "./retrieve-context.js";
import { modelForRequest } from "./routed-model.js";
import { continueFrom, sseResponse } from "./sse-response.js";

/** What the gateway says when it answers with the retrieved context only (DESIGN: no model → context only). */
export const NO_MODEL_NOTE = "no model configured: context only";
/** The model id the gateway reports when no model is configured. */
export const CONTEXT_ONLY_MODEL = "uplift-context-only";

/**
 * `POST /v1/completions`: fill-in-the-middle with organisation context. Retrieves the context
 * for the cursor between `prompt` and `suffix`, builds the model's FIM prompt around it (known
 * formats by model name or `uplift.fim`; otherwise the context goes in front of `prompt` as
 * comments and `suffix` is passed on), and calls the configured model. Without a model it
 * answers an empty completion carrying the context in `uplift`. `stream: true` passes the
 * model's stream through as SSE, each piece forwarded as it arrives.
 */
export function completionsHandler(deps: ServerDeps) {
  return async (c: Context<GatewayEnv>) => {
    const draft = c.var.gatewayEvent;
    draft.kind = "completion";
    const body = await parseBody(c, completionRequestSchema);
    draft.stream = body.stream ?? false;
    const id = draft.newId("cmpl");
    const created = Math.floor(Date.now() / 1000);
    const prompt = typeof body.prompt === "string" ? body.prompt : (body.prompt[0] ?? "");
    const hints = body.uplift ?? {};
    const file = hints.file ?? filePathFromPrompt(prompt);
    const language = file ? languageOf(file) : undefined;
    draft.language = language ?? null;
    draft.repo = hints.repo ?? null;

    const context = await completionContext(
      deps.code,
      { prompt, suffix: body.suffix ?? "", file, hints },
      draft,
      deps.logger,
    );
    const snippets = context?.snippets.filter((s) => s.reason !== "imports") ?? [];
    if (context) {
      draft.repo = context.repo || draft.repo;
      draft.contextTokens = context.tokens;
      draft.contextSnippets = context.snippets.length;
      draft.contextUsed = snippets.length > 0;
    }
    const userLlm = await modelForRequest(deps, c);
    const fim = fimModelFor(userLlm?.id ?? body.model, hints.fim);
    // repository-relative when the index knows the file: an absolute path of the developer's disk stays out of the prompt
    const place = { path: context?.path || file || "", repo: context?.repo || hints.repo || "" };
    const comment = lineCommentOf(language);

    if (!userLlm) {
      draft.contextOnly = true;
      const answer = {
        id,
        object: "text_completion",
        created,
        model: body.model ?? CONTEXT_ONLY_MODEL,
        choices: [{ text: "", index: 0, logprobs: null, finish_reason: "stop" }],
        usage: { prompt_tokens: 0, completion_tokens: 0, total_tokens: 0 },
        uplift: {
          note: NO_MODEL_NOTE,
          context: context ?? null,
          ...(fim && {
            fim_model: fim,
            prompt: buildFimPrompt({
              model: fim,
              prefix: prompt,
              suffix: body.suffix ?? "",
              ...place,
              snippets,
              comment,
            }),
          }),
        },
      };
      return body.stream ? oneChunkStream(c, answer, deps.logger) : c.json(answer);
    }

    const llm = userLlm;
    draft.model = llm.id;
    const request: CompletionRequest = fim
      ? {
          prompt: buildFimPrompt({
            model: fim,
            prefix: prompt,
            suffix: body.suffix ?? "",
            ...place,
            snippets,
            comment,
          }),
          stop: [...fimStopTokens(fim), ...stopList(body.stop)],
        }
      : {
          prompt: commentedContext(snippets, comment) + prompt,
          ...(body.suffix !== undefined && { suffix: body.suffix }),
          stop: stopList(body.stop),
        };
    const generationRequest: CompletionRequest = {
      ...request,
      ...(body.max_tokens !== undefined && { maxTokens: body.max_tokens }),
      ...(body.temperature !== undefined && { temperature: body.temperature }),
      signal: c.req.raw.signal,
    };
    const uplift = { fim_model: fim ?? null, context: contextSummary(context) };
    if (body.stream) {
      const started = performance.now();
      const pieces = llm.completeStream(generationRequest)[Symbol.asyncIterator]();
      // Wait for the first piece before the headers: an upstream that fails at once gets its status.
      const first = await pieces.next();
      draft.upstreamMs = performance.now() - started;
      const head = { id, created, model: llm.id };
      return streamCompletion(c, head, uplift, continueFrom(first, pieces), started, deps.logger);
    }
    const generation = await draft.upstream(() => llm.complete(generationRequest));
    draft.promptTokens = generation.usage?.promptTokens ?? null;
    draft.completionTokens = generation.usage?.completionTokens ?? null;
    const answer = {
      id,
      object: "text_completion",
      created,
      model: llm.id,
      choices: [
        {
          text: generation.text,
          index: 0,
          logprobs: null,
          finish_reason: openAiFinishReason(generation.finishReason),
        },
      ],
      usage: usage(generation),
      uplift,
    };
    return c.json(answer);
  };
}

/** The finish reasons OpenAI clients know. */
export function openAiFinishReason(reason: FinishReason): "stop" | "length" | "content_filter" {
  return reason === "other" ? "stop" : reason;
}

export function usage(generation: Generation) {
  const prompt = generation.usage?.promptTokens ?? 0;
  const completion = generation.usage?.completionTokens ?? 0;
  return { prompt_tokens: prompt, completion_tokens: completion, total_tokens: prompt + completion };
}

/** Which snippets went into the prompt (without their text: the IDE needs no copy). */
function contextSummary(context: CodeContextResponse | undefined) {
  if (!context) return null;
  return {
    tokens: context.tokens,
    snippets: context.snippets.map(({ repo, path, start_line, end_line, reason }) => ({
      repo,
      path,
      start_line,
      end_line,
      reason,
    })),
  };
}

/** Context for a model of unknown FIM format: each snippet as comment lines under its path. */
function commentedContext(snippets: readonly FimSnippet[], comment: string): string {
  return [...snippets]
    .reverse()
    .map(
      (s) =>
        `${comment} Path: ${s.repo ? `${s.repo}/` : ""}${s.path}\n${s.text
          .split("\n")
          .map((line) => `${comment} ${line}`.trimEnd())
          .join("\n")}\n`,
    )
    .join("");
}

/**
 * The model's pieces as `text_completion` chunks, each sent as it arrives; the chunk with the
 * finish reason also carries `uplift` (the context used). Telemetry is recorded when it ends.
 */
function streamCompletion(
  c: Context<GatewayEnv>,
  head: { id: string; created: number; model: string },
  uplift: Record<string, unknown>,
  pieces: AsyncIterable<CompletionDelta>,
  upstreamStarted: number,
  logger: Logger,
): Response {
  const draft = c.var.gatewayEvent;
  draft.deferred = true;
  const chunk = (text: string, finish: string | null) => ({
    ...head,
    object: "text_completion",
    choices: [{ text, index: 0, logprobs: null, finish_reason: finish }],
  });
  async function* chunks() {
    let finished = false;
    for await (const piece of pieces) {
      if (piece.usage) {
        draft.promptTokens = piece.usage.promptTokens;
        draft.completionTokens = piece.usage.completionTokens;
      }
      if (piece.finishReason && !finished) {
        finished = true;
        yield { ...chunk(piece.text, openAiFinishReason(piece.finishReason)), uplift };
      } else if (piece.text) yield chunk(piece.text, null);
    }
    draft.upstreamMs = performance.now() - upstreamStarted;
    if (!finished) yield { ...chunk("", "stop"), uplift };
  }
  return sseResponse(chunks(), { onEnd: (outcome) => draft.completeStream(outcome), logger });
}

function oneChunkStream(c: Context<GatewayEnv>, answer: Record<string, unknown>, logger: Logger): Response {
  const draft = c.var.gatewayEvent;
  draft.deferred = true;
  const { usage: _usage, ...chunk } = answer;
  return sseResponse(
    (async function* () {
      yield chunk;
    })(),
    {
      onEnd: (outcome) => draft.completeStream(outcome),
      logger,
    },
  );
}
