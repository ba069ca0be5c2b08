import type { Logger } from "@uplift/core";
import type { MiddlewareHandler } from "hono";
import { matchedRoutes } from "hono/route";
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";
import type { AppEnv } from "./app-env.js";
import type { ServerDeps } from "./deps.js";

/** Prometheus metrics of one app instance (its own registry: no global default registry). */
export interface HttpMetrics {
  registry: Registry;
  /** Counts and times every request, labelled by method, route pattern and status. */
  middleware: MiddlewareHandler<AppEnv>;
}

const LATENCY_BUCKETS_SECONDS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

/**
 * Creates the registry with `http_requests_total`, `http_request_duration_seconds`,
 * `uplift_job_queue_depth{state}` (when `queueDepth` is given), `uplift_build_info` and the
 * process/Node.js metrics of prom-client.
 */
export function createHttpMetrics(deps: Pick<ServerDeps, "queueDepth" | "version" | "logger">): HttpMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const labelNames = ["method", "route", "status"] as const;
  const requests = new Counter({
    name: "http_requests_total",
    help: "HTTP requests served, by method, route pattern and status.",
    labelNames,
    registers: [registry],
  });
  const latency = new Histogram({
    name: "http_request_duration_seconds",
    help: "Time to produce the HTTP response, by method, route pattern and status.",
    labelNames,
    buckets: LATENCY_BUCKETS_SECONDS,
    registers: [registry],
  });
  new Gauge({
    name: "uplift_build_info",
    help: "Always 1; the version label says which build answers.",
    labelNames: ["version"],
    registers: [registry],
  }).set({ version: deps.version }, 1);
  if (deps.queueDepth) registerQueueDepth(registry, deps.queueDepth, deps.logger);

  const middleware: MiddlewareHandler<AppEnv> = async (c, next) => {
    const stopTimer = latency.startTimer();
    try {
      await next();
    } finally {
      const labels = { method: c.req.method, route: routeLabel(c), status: String(c.res.status) };
      stopTimer(labels);
      requests.inc(labels);
    }
  };
  return { registry, middleware };
}

function registerQueueDepth(
  registry: Registry,
  queueDepth: NonNullable<ServerDeps["queueDepth"]>,
  logger: Logger,
): void {
  new Gauge({
    name: "uplift_job_queue_depth",
    help: "Background jobs in the queue, by state.",
    labelNames: ["state"],
    registers: [registry],
    async collect() {
      // A stale depth would mislead an alert: drop the old values before asking again.
      this.reset();
      try {
        for (const [state, count] of Object.entries(await queueDepth())) this.set({ state }, count);
      } catch (error) {
        logger.error({ err: error }, "could not read the job queue depth for /metrics");
      }
    },
  });
}

/** The route pattern ("/api/me"), never the raw path, so that label values stay few. */
function routeLabel(c: Parameters<MiddlewareHandler<AppEnv>>[0]): string {
  const explicit = c.get("routeLabel");
  if (explicit) return explicit;
  const handler = matchedRoutes(c).findLast((route) => route.method !== "ALL");
  return handler?.path ?? "unmatched";
}
