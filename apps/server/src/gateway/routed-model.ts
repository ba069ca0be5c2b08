import type { LlmProvider } from "@uplift/core";
import type { Context } from "hono";
import type { ServerDeps } from "../deps.js";
import type { GatewayEnv } from "./gateway-env.js";

/**
 * The model that answers this request: the registered model routed to the token user's
 * experiment arm (`uplift model route`), else the configured one. The arm and experiment go
 * into the request's telemetry event, so the rollout is analysed like any other experiment.
 */
export async function modelForRequest(
  deps: ServerDeps,
  c: Context<GatewayEnv>,
): Promise<LlmProvider | undefined> {
  const routed = await deps.models?.routeFor(c.var.user.login);
  if (!routed) return deps.llm;
  const draft = c.var.gatewayEvent;
  draft.experiment = routed.experiment;
  draft.arm = routed.arm;
  return routed.llm;
}
