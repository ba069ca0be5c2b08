import { UnavailableError } from "@uplift/core";
import { Hono } from "hono";
import type { AppEnv } from "../app-env.js";
import type { ExperimentsService } from "../services.js";

/** `GET /api/experiments`: experiments and their stored analyses. */
export function createExperimentRoutes(experiments: ExperimentsService | undefined): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  routes.get("/", async (c) => {
    if (!experiments)
      throw new UnavailableError("experiments are not configured on this server", {
        hint: "start it with `uplift serve`, which reads the store's experiments",
      });
    return c.json(await experiments.list());
  });
  return routes;
}
