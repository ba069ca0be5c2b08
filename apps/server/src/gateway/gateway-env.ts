import type { AppEnv } from "../app-env.js";
import type { EventDraft } from "./event-draft.js";

/** Hono environment of the gateway routes: the app's, plus the telemetry event being filled in. */
export interface GatewayEnv {
  Variables: AppEnv["Variables"] & { gatewayEvent: EventDraft };
}
