import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import type { ServerDeps } from "../deps.js";
import type { GatewayTelemetryEvent } from "../services.js";
import { chatHandler } from "./chat.js";
import { completionsHandler } from "./completions.js";
import { embeddingsHandler } from "./embeddings.js";
import { EventDraft } from "./event-draft.js";
import type { GatewayEnv } from "./gateway-env.js";
import { createGatewayErrorHandler } from "./gateway-errors.js";
import { modelsHandler } from "./models.js";

/** Largest request body the gateway reads (a prompt with a long file and its context). */
export const GATEWAY_MAX_BODY_BYTES = 8 * 1024 * 1024;

/**
 * The OpenAI-compatible gateway, mounted at `/v1` behind the bearer-token middleware. Every
 * completion, chat and embeddings call is recorded as a telemetry event (when `deps.telemetry`
 * is wired) once its answer is complete.
 */
export function createGatewayRoutes(deps: ServerDeps): Hono<GatewayEnv> {
  const gateway = new Hono<GatewayEnv>();
  const telemetry = deps.telemetry;
  const sink = telemetry && ((event: GatewayTelemetryEvent) => telemetry.record(event));
  if (!sink) deps.logger.info("gateway telemetry is not wired: gateway calls are not recorded");

  gateway.use("*", async (c, next) => {
    const draft = new EventDraft(c.var.user.login, c.req.header("User-Agent")?.slice(0, 200) ?? null, sink);
    c.set("gatewayEvent", draft);
    await next();
    if (!draft.deferred) draft.complete(c.res.status, c.error);
  });
  gateway.use(
    "*",
    bodyLimit({
      maxSize: GATEWAY_MAX_BODY_BYTES,
      onError: (c) =>
        c.json(
          {
            error: {
              message: `the request body is over ${GATEWAY_MAX_BODY_BYTES} bytes`,
              type: "invalid_request_error",
              code: "UPLIFT_BODY_TOO_LARGE",
              param: null,
            },
          },
          413,
        ),
    }),
  );

  gateway.get("/models", modelsHandler(deps));
  gateway.post("/completions", completionsHandler(deps));
  gateway.post("/chat/completions", chatHandler(deps));
  gateway.post("/embeddings", embeddingsHandler(deps));

  gateway.onError(createGatewayErrorHandler(deps.logger));
  return gateway;
}
