import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { UnavailableError } from "@uplift/core";
import { createApp } from "./create-app.js";
import type { ServerDeps } from "./deps.js";

export interface StartServerOptions {
  port: number;
  host: string;
  /** Signals that start a graceful shutdown; default SIGTERM and SIGINT. Pass [] to handle none. */
  signals?: readonly NodeJS.Signals[];
  /** In-flight requests still running this long after shutdown began are cut off; default 10 s. */
  shutdownTimeoutMs?: number;
}

export interface RunningServer {
  /** Base URL with the bound port, e.g. `http://127.0.0.1:8080` (port 0 picks a free one). */
  url: string;
  /**
   * Stops accepting connections, lets in-flight requests finish (up to `shutdownTimeoutMs`),
   * then resolves. Safe to call more than once.
   */
  close(): Promise<void>;
  /** Resolves once the server has shut down, whether by `close()` or by a signal. */
  closed: Promise<void>;
}

/**
 * Serves `createApp(deps)` over HTTP on `host:port`. Rejects with UnavailableError when the
 * address cannot be bound (in use, not permitted).
 */
export async function startServer(deps: ServerDeps, options: StartServerOptions): Promise<RunningServer> {
  const app = createApp(deps);
  const logger = deps.logger;
  let shuttingDown = false;
  const server = serve({
    fetch: async (request, env) => {
      const response = await app.fetch(request, env);
      // A keep-alive connection would outlive the shutdown until its idle timeout: close it
      // after a response that completes while shutting down.
      if (shuttingDown) env.outgoing.setHeader("Connection", "close");
      return response;
    },
    port: options.port,
    hostname: options.host,
  }) as Server;

  const address = await listening(server, options);
  const host = address.family === "IPv6" ? `[${address.address}]` : address.address;
  const url = `http://${host}:${address.port}`;
  logger.info({ url, version: deps.version }, "server listening");

  const signals = options.signals ?? ["SIGTERM", "SIGINT"];
  const onSignal = (signal: NodeJS.Signals) => {
    logger.info({ signal }, "shutting down");
    close().catch((error: unknown) => logger.error({ err: error }, "shutdown failed"));
  };
  for (const signal of signals) process.on(signal, onSignal);

  let resolveClosed: () => void = () => {};
  const closed = new Promise<void>((resolve) => {
    resolveClosed = resolve;
  });
  let closing: Promise<void> | undefined;
  const close = (): Promise<void> => {
    closing ??= shutdown();
    return closing;
  };
  const shutdown = async (): Promise<void> => {
    shuttingDown = true;
    for (const signal of signals) process.off(signal, onSignal);
    const timeoutMs = options.shutdownTimeoutMs ?? 10_000;
    const forceTimer = setTimeout(() => {
      logger.warn(
        { timeoutMs },
        "requests still running at the shutdown deadline; closing their connections",
      );
      server.closeAllConnections();
    }, timeoutMs);
    await new Promise<void>((resolve, reject) => {
      server.close((error) => (error ? reject(error) : resolve()));
      server.closeIdleConnections();
    });
    clearTimeout(forceTimer);
    logger.info({ url }, "server closed");
    resolveClosed();
  };
  return { url, close, closed };
}

function listening(server: Server, options: StartServerOptions): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      server.off("listening", onListening);
      reject(
        new UnavailableError(
          `cannot listen on ${options.host}:${options.port}: ${error.code ?? error.message}`,
          {
            cause: error,
            hint: "choose another port with --port or server.port in uplift.yaml, or stop the process using it",
          },
        ),
      );
    };
    const onListening = () => {
      server.off("error", onError);
      resolve(server.address() as AddressInfo);
    };
    if (server.listening) return onListening();
    server.once("error", onError);
    server.once("listening", onListening);
  });
}
