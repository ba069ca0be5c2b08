import { UnavailableError } from "@uplift/core";
import { Hono } from "hono";
import type { AppEnv } from "../app-env.js";
import type { CampaignsService } from "../services.js";

/** `GET /api/campaigns`: upkeep campaigns with their repositories' states and the model's share. */
export function createCampaignRoutes(campaigns: CampaignsService | undefined): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  routes.get("/", async (c) => {
    if (!campaigns)
      throw new UnavailableError("upkeep campaigns are not configured on this server", {
        hint: "start it with `uplift serve`, which reads the store's campaigns",
      });
    return c.json(await campaigns.list());
  });
  return routes;
}
