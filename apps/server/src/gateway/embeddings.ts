import { approximateCounter } from "@uplift/code";
import { NO_EMBEDDER_MESSAGE } from "@uplift/core";
import type { Context } from "hono";
import { parseBody } from "../api/parse-body.js";
import type { ServerDeps } from "../deps.js";
import type { GatewayEnv } from "./gateway-env.js";
import { embeddingsRequestSchema } from "./openai-schemas.js";

/**
 * `POST /v1/embeddings`: passes the texts to the configured embedder and answers in OpenAI's
 * shape (`encoding_format: "base64"` as little-endian float32, as the OpenAI SDKs request it).
 * `usage` is estimated (one token per 3.5 characters): the embedder does not report it.
 * Without an embedder: 501 with what to configure.
 */
export function embeddingsHandler(deps: ServerDeps) {
  return async (c: Context<GatewayEnv>) => {
    const draft = c.var.gatewayEvent;
    draft.kind = "embeddings";
    const body = await parseBody(c, embeddingsRequestSchema);
    draft.newId("emb");
    const embedder = deps.embedder;
    if (!embedder) {
      return c.json(
        {
          error: {
            message: `the gateway has no embedder: ${NO_EMBEDDER_MESSAGE}`,
            type: "invalid_request_error",
            code: "UPLIFT_NO_EMBEDDER",
            param: null,
          },
        },
        501,
      );
    }
    draft.model = embedder.modelId;
    const texts = typeof body.input === "string" ? [body.input] : body.input;
    const vectors = await draft.upstream(() => embedder.embed(texts, { signal: c.req.raw.signal }));
    const tokens = texts.reduce((sum, text) => sum + approximateCounter.count(text), 0);
    draft.promptTokens = tokens;
    return c.json({
      object: "list",
      data: vectors.map((vector, index) => ({
        object: "embedding",
        index,
        embedding: body.encoding_format === "base64" ? base64Float32(vector) : vector,
      })),
      model: embedder.modelId.replace(/^openai:/, ""),
      usage: { prompt_tokens: tokens, total_tokens: tokens },
    });
  };
}

function base64Float32(vector: readonly number[]): string {
  return Buffer.from(new Float32Array(vector).buffer).toString("base64");
}
