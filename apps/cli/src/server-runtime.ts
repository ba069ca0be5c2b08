import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { TelemetryWriter, TokenRepository } from "@uplift/core";
import { startServer } from "@uplift/server";
import type { CliContext } from "./context.js";
import { createServerServices } from "./server-services.js";

export const VERSION = "0.1.0";

/** Built dashboard assets (apps/web/dist), served at `/` when present. */
function webRoot(): string | undefined {
  const dir = fileURLToPath(new URL("../../web/dist", import.meta.url));
  return existsSync(dir) ? dir : undefined;
}

/**
 * Wires the real drivers into the server (the composition root for `serve` and `demo`) and
 * resolves when the server has stopped after SIGINT/SIGTERM, in-flight requests finished.
 */
export async function runServer(
  ctx: CliContext,
  listen: { port: number; host: string },
  onListening?: (url: string) => void,
) {
  const store = await ctx.store();
  const queue = await ctx.queue();
  const tokens = new TokenRepository(store);
  const { close: closeServices, ...services } = await createServerServices(ctx);
  const telemetry = new TelemetryWriter(store, ctx.logger.child({ component: "telemetry" }));
  const root = webRoot();
  const server = await startServer(
    {
      config: ctx.config,
      logger: ctx.logger,
      version: VERSION,
      ...(root ? { webRoot: root } : {}),
      ...services,
      telemetry,
      authenticate: (token) => tokens.verify(token),
      queueDepth: () => queue.counts(),
      health: async () => ({
        store: await probe(async () => {
          await store.query("select 1");
          return store.driver;
        }),
        queue: await probe(async () => {
          await queue.counts();
          return ctx.config.queue.redis_url ? "bullmq" : "in-process";
        }),
        search: await probe(async () => {
          await ctx.searchIndex();
          return ctx.config.search.uri ? ctx.config.search.uri : "lancedb (data dir)";
        }),
        llm: {
          ok: true,
          detail:
            ctx.config.llm.base_url || ctx.config.llm.gguf_path
              ? (ctx.config.llm.model ?? "configured")
              : "none: extractive answers, context only",
        },
      }),
    },
    listen,
  );
  onListening?.(server.url);
  // startServer handles SIGINT/SIGTERM itself: stop accepting, finish in-flight requests, then resolve
  await server.closed;
  await telemetry.flush();
  await closeServices();
  ctx.logger.info("server stopped");
}

async function probe(check: () => Promise<string>): Promise<{ ok: boolean; detail: string }> {
  try {
    return { ok: true, detail: await check() };
  } catch (error) {
    return { ok: false, detail: error instanceof Error ? error.message : String(error) };
  }
}
