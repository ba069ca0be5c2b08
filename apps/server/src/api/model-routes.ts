import { UnavailableError } from "@uplift/core";
import { Hono } from "hono";
import type { AppEnv } from "../app-env.js";
import type { ModelsService } from "../services.js";

/** `GET /api/models`: registry, gate decisions and arm routes. */
export function createModelRoutes(models: ModelsService | undefined): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  routes.get("/", async (c) => {
    if (!models)
      throw new UnavailableError("the model registry is not configured on this server", {
        hint: "start it with `uplift serve`, which reads the store's registry",
      });
    return c.json(await models.list());
  });
  return routes;
}
