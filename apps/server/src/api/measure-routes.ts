import { InputError, UnavailableError } from "@uplift/core";
import { Hono } from "hono";
import type { AppEnv } from "../app-env.js";
import type { MeasureService } from "../services.js";
import { type MetricsQueryInput, metricExplainQuerySchema, metricsQuerySchema } from "./measure-schemas.js";

/**
 * `GET /api/measure/metrics|definitions|explain`: `uplift measure metrics --json` over HTTP, and
 * `--explain METRIC [--group G]`: the records (e.g. PRs) behind a value.
 */
export function createMeasureRoutes(measure: MeasureService | undefined): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  const service = () => {
    if (!measure)
      throw new UnavailableError("engineering metrics are not configured on this server", {
        hint: "start it with `uplift serve`, which reads the store's imported records",
      });
    return measure;
  };

  routes.get("/metrics", async (c) => {
    const parsed = metricsQuerySchema.safeParse(c.req.query());
    if (!parsed.success) {
      const field = parsed.error.issues[0]?.path.join(".") ?? "query";
      throw new InputError(`GET /api/measure/metrics: ${field}: ${parsed.error.issues[0]?.message}`);
    }
    const query: MetricsQueryInput = {
      from: parsed.data.from || undefined,
      to: parsed.data.to || undefined,
      groupBy: commaList(parsed.data.group_by),
      metrics: commaList(parsed.data.metric),
    };
    return c.json(await service().metrics(query));
  });

  routes.get("/definitions", async (c) => c.json(await service().definitions()));

  routes.get("/explain", async (c) => {
    const parsed = metricExplainQuerySchema.safeParse(c.req.query());
    if (!parsed.success) {
      const field = parsed.error.issues[0]?.path.join(".") ?? "query";
      throw new InputError(`GET /api/measure/explain: ${field}: ${parsed.error.issues[0]?.message}`);
    }
    const { metric, from, to, group_by, group, limit } = parsed.data;
    return c.json(
      await service().explain({
        metric,
        query: { from: from || undefined, to: to || undefined, groupBy: commaList(group_by) },
        group,
        limit,
      }),
    );
  });

  return routes;
}

function commaList(text: string | undefined): string[] | undefined {
  const items = text
    ?.split(",")
    .map((item) => item.trim())
    .filter(Boolean);
  return items?.length ? items : undefined;
}
