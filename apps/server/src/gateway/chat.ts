import type { ChatMessage, ChatRequest } from "@uplift/core";
import type { Context } from "hono";
import { parseBody } from "../api/parse-body.js";
import type { ServerDeps } from "../deps.js";
import { CONTEXT_ONLY_MODEL, NO_MODEL_NOTE, openAiFinishReason, usage } from "./completions.js";
import type { GatewayEnv } from "./gateway-env.js";
import { type ChatBody, chatRequestSchema, stopList } from "./openai-schemas.js";
import { chatContext } from "./retrieve-context.js";
import { modelForRequest } from "./routed-model.js";
import { continueFrom, sseResponse } from "./sse-response.js";

/**
 * `POST /v1/chat/completions`: retrieves organisation code for the conversation (the cursor's
 * context with `uplift.file/line/column`, else a code search for the last user message), adds
 * it to the system message, and passes the chat to the configured model — streamed as OpenAI
 * chunks with `stream: true`. Without a model: an assistant message saying so, with the
 * context in `uplift`.
 */
export function chatHandler(deps: ServerDeps) {
  return async (c: Context<GatewayEnv>) => {
    const draft = c.var.gatewayEvent;
    draft.kind = "chat";
    const body = await parseBody(c, chatRequestSchema);
    draft.stream = body.stream ?? false;
    const id = draft.newId("chatcmpl");
    const created = Math.floor(Date.now() / 1000);
    const messages = toChatMessages(body);
    const hints = body.uplift ?? {};
    draft.repo = hints.repo ?? null;
    const lastUser = messages.findLast((m) => m.role === "user")?.content ?? "";
    const context = await chatContext(deps.code, { lastUserText: lastUser, hints }, draft, deps.logger);
    if (context) {
      draft.contextTokens = context.tokens;
      draft.contextSnippets = context.snippets;
      draft.contextUsed = true;
      draft.repo = context.repo ?? draft.repo;
    }
    const contextInfo = context ? { snippets: context.snippets, tokens: context.tokens } : null;
    const userLlm = await modelForRequest(deps, c);

    if (!userLlm) {
      draft.contextOnly = true;
      const text = context ? `${NO_MODEL_NOTE}.\n\n${context.message}` : `${NO_MODEL_NOTE}.`;
      const model = body.model ?? CONTEXT_ONLY_MODEL;
      if (body.stream) {
        return streamChat(
          c,
          deps,
          { id, created, model },
          (async function* () {
            yield text;
          })(),
        );
      }
      return c.json({
        id,
        object: "chat.completion",
        created,
        model,
        choices: [
          { index: 0, message: { role: "assistant", content: text }, logprobs: null, finish_reason: "stop" },
        ],
        usage: { prompt_tokens: 0, completion_tokens: 0, total_tokens: 0 },
        uplift: { note: NO_MODEL_NOTE, context: contextInfo },
      });
    }

    const llm = userLlm;
    draft.model = llm.id;
    const request: ChatRequest = {
      messages: context ? withContext(messages, context.message) : messages,
      ...(body.max_completion_tokens !== undefined || body.max_tokens !== undefined
        ? { maxTokens: body.max_completion_tokens ?? body.max_tokens }
        : {}),
      ...(body.temperature !== undefined && { temperature: body.temperature }),
      ...(body.stop !== undefined && { stop: stopList(body.stop) }),
      signal: c.req.raw.signal,
    };
    if (body.stream) {
      const started = performance.now();
      const deltas = llm.chatStream(request)[Symbol.asyncIterator]();
      // Wait for the first delta before the headers: an upstream that fails at once gets its status.
      const first = await deltas.next();
      draft.upstreamMs = performance.now() - started;
      return streamChat(c, deps, { id, created, model: llm.id }, continueFrom(first, deltas), started);
    }
    const generation = await draft.upstream(() => llm.chat(request));
    draft.promptTokens = generation.usage?.promptTokens ?? null;
    draft.completionTokens = generation.usage?.completionTokens ?? null;
    return c.json({
      id,
      object: "chat.completion",
      created,
      model: llm.id,
      choices: [
        {
          index: 0,
          message: { role: "assistant", content: generation.text },
          logprobs: null,
          finish_reason: openAiFinishReason(generation.finishReason),
        },
      ],
      usage: usage(generation),
      uplift: { context: contextInfo },
    });
  };
}

/** OpenAI messages → the provider's: `developer` is a system message; content parts are joined. */
export function toChatMessages(body: ChatBody): ChatMessage[] {
  return body.messages.map((message) => ({
    role: message.role === "developer" ? "system" : message.role,
    content:
      typeof message.content === "string"
        ? message.content
        : (message.content ?? [])
            .filter((part) => part.type === "text" && part.text !== undefined)
            .map((part) => part.text)
            .join("\n"),
  }));
}

/**
 * The context joins the first system message (chat templates of many local models allow only
 * one, at the start), or becomes one.
 */
export function withContext(messages: readonly ChatMessage[], context: string): ChatMessage[] {
  const [first, ...others] = messages;
  if (first?.role === "system")
    return [{ role: "system", content: `${first.content}\n\n${context}` }, ...others];
  return [{ role: "system", content: context }, ...messages];
}

/** Text deltas as `chat.completion.chunk` events: the role first, then the text, then the finish reason. */
function streamChat(
  c: Context<GatewayEnv>,
  deps: ServerDeps,
  head: { id: string; created: number; model: string },
  deltas: AsyncIterable<string>,
  upstreamStarted?: number,
): Response {
  const draft = c.var.gatewayEvent;
  draft.deferred = true;
  const chunk = (delta: Record<string, string>, finish: string | null) => ({
    ...head,
    object: "chat.completion.chunk",
    choices: [{ index: 0, delta, logprobs: null, finish_reason: finish }],
  });
  async function* chunks() {
    yield chunk({ role: "assistant", content: "" }, null);
    for await (const text of deltas) yield chunk({ content: text }, null);
    if (upstreamStarted !== undefined) draft.upstreamMs = performance.now() - upstreamStarted;
    yield chunk({}, "stop");
  }
  return sseResponse(chunks(), {
    onEnd: (outcome) => draft.completeStream(outcome),
    logger: deps.logger,
  });
}
