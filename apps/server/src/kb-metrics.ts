import type { Logger } from "@uplift/core";
import { Counter, Gauge, Histogram, type Registry } from "prom-client";
import type { DocsService } from "./services.js";

const KB_LATENCY_BUCKETS_SECONDS = [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];

/**
 * Wraps the knowledge base so that every call through the server — `/api/kb/*` and the MCP
 * docs tools alike — is counted in `registry` (docs/kb.md, "Monitoring"):
 * - `uplift_kb_queries_total{route="search"|"ask", outcome="ok"|"error"}`
 * - `uplift_kb_query_duration_seconds{route}` (histogram)
 * - `uplift_kb_answers_total{result="grounded"|"ungrounded"|"not_found"}`: the no-answer rate is
 *   the share of `not_found` + `ungrounded`
 * - `uplift_kb_feedback_total{vote="up"|"down"}`
 * - `uplift_kb_sync_lag_seconds{source}`: seconds since each source's last successful sync,
 *   read from the store at scrape time (when the service can say it).
 */
export function instrumentDocsService(docs: DocsService, registry: Registry, logger: Logger): DocsService {
  const queries = new Counter({
    name: "uplift_kb_queries_total",
    help: "Knowledge-base searches and questions, by route and outcome.",
    labelNames: ["route", "outcome"] as const,
    registers: [registry],
  });
  const latency = new Histogram({
    name: "uplift_kb_query_duration_seconds",
    help: "Time to answer a knowledge-base search or question, by route.",
    labelNames: ["route"] as const,
    buckets: KB_LATENCY_BUCKETS_SECONDS,
    registers: [registry],
  });
  const answers = new Counter({
    name: "uplift_kb_answers_total",
    help: "Answers by result: grounded, ungrounded (a sentence without support), not_found (no citation).",
    labelNames: ["result"] as const,
    registers: [registry],
  });
  const feedback = new Counter({
    name: "uplift_kb_feedback_total",
    help: "Thumbs up/down recorded on answers.",
    labelNames: ["vote"] as const,
    registers: [registry],
  });
  for (const route of ["search", "ask"])
    for (const outcome of ["ok", "error"]) queries.inc({ route, outcome }, 0);
  for (const result of ["grounded", "ungrounded", "not_found"]) answers.inc({ result }, 0);
  for (const vote of ["up", "down"]) feedback.inc({ vote }, 0);
  const { syncLag } = docs;
  if (syncLag) registerSyncLag(registry, () => syncLag.call(docs), logger);

  async function timed<T>(route: "search" | "ask", call: () => Promise<T>): Promise<T> {
    const stop = latency.startTimer({ route });
    try {
      const result = await call();
      queries.inc({ route, outcome: "ok" });
      return result;
    } catch (error) {
      queries.inc({ route, outcome: "error" });
      throw error;
    } finally {
      stop();
    }
  }

  return {
    sources: (query) => docs.sources(query),
    ...(syncLag && { syncLag: () => syncLag.call(docs) }),
    search: (query) => timed("search", () => docs.search(query)),
    ask: (query) =>
      timed("ask", async () => {
        const answer = await docs.ask(query);
        answers.inc({
          result: answer.citations.length === 0 ? "not_found" : answer.grounded ? "grounded" : "ungrounded",
        });
        return answer;
      }),
    feedback: async (query) => {
      const receipt = await docs.feedback(query);
      feedback.inc({ vote: receipt.vote });
      return receipt;
    },
  };
}

function registerSyncLag(
  registry: Registry,
  syncLag: NonNullable<DocsService["syncLag"]>,
  logger: Logger,
): void {
  new Gauge({
    name: "uplift_kb_sync_lag_seconds",
    help: "Seconds since each source's last successful sync (never synced: since it was added).",
    labelNames: ["source"] as const,
    registers: [registry],
    async collect() {
      // a removed source must not keep its last value
      this.reset();
      try {
        for (const { source, seconds } of await syncLag()) this.set({ source }, seconds);
      } catch (error) {
        logger.error({ err: error }, "could not read the knowledge-base sync lag for /metrics");
      }
    },
  });
}
