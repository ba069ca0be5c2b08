import type { Context } from "hono";
import type { ServerDeps } from "../deps.js";
import { CONTEXT_ONLY_MODEL } from "./completions.js";
import type { GatewayEnv } from "./gateway-env.js";

/**
 * `GET /v1/models`: the configured model (or `uplift-context-only` without one, so that IDEs
 * that insist on picking a model can still be pointed here) and the embedder.
 */
export function modelsHandler(deps: ServerDeps) {
  return (c: Context<GatewayEnv>) => {
    const ids = [deps.llm?.id ?? CONTEXT_ONLY_MODEL];
    if (deps.embedder) ids.push(deps.embedder.modelId.replace(/^openai:/, ""));
    return c.json({
      object: "list",
      data: ids.map((id) => ({ id, object: "model", created: 0, owned_by: "uplift" })),
    });
  };
}
