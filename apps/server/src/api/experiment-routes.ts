import { UnavailableError } from "@uplift/core";
import { Hono } from "hono";
import type { AppEnv } from "../app-env.js";
import type { ExperimentsService } from "../services.js";

/**
 * `GET /api/experiments`: experiments and their stored analyses; `GET /api/experiments/{name}`:
 * one experiment as its report shows it, as data; `GET /api/experiments/{name}/report.html`: the
 * report itself (the self-contained HTML of `uplift experiment report`), as a download.
 */
export function createExperimentRoutes(experiments: ExperimentsService | undefined): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  const service = (): ExperimentsService => {
    if (!experiments)
      throw new UnavailableError("experiments are not configured on this server", {
        hint: "start it with `uplift serve`, which reads the store's experiments",
      });
    return experiments;
  };
  routes.get("/", async (c) => c.json(await service().list()));
  routes.get("/:name", async (c) => c.json(await service().get(c.req.param("name"))));
  routes.get("/:name/report.html", async (c) => {
    const name = c.req.param("name");
    const html = await service().reportHtml(name);
    c.header(
      "Content-Disposition",
      `attachment; filename="experiment-${name.replace(/[^\w.-]/g, "_")}.html"`,
    );
    return c.html(html);
  });
  return routes;
}
