import { UnavailableError } from "@uplift/core";
import { Hono } from "hono";
import type { AppEnv } from "../app-env.js";
import type { GatewayTelemetry } from "../services.js";
import { parseBody } from "./parse-body.js";
import { suggestionReportSchema } from "./telemetry-schemas.js";

/** `POST /api/telemetry/suggestions`: an IDE reports what became of a gateway completion. */
export function createTelemetryRoutes(telemetry: GatewayTelemetry | undefined): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  routes.post("/suggestions", async (c) => {
    const body = await parseBody(c, suggestionReportSchema);
    if (!telemetry)
      throw new UnavailableError("telemetry is not configured on this server", {
        hint: "start it with `uplift serve`, which stores telemetry in the database",
      });
    await telemetry.writeSuggestionEvent({
      completion_id: body.completion_id,
      at: new Date(),
      login: c.var.user.login,
      event: body.event,
      chars_suggested: body.chars_suggested ?? null,
      chars_kept: body.chars_kept ?? null,
    });
    return c.json({ stored: true as const });
  });
  return routes;
}
