import { InputError } from "@uplift/core";
import { withContext } from "../context.js";
import type { GlobalOptions } from "../options.js";
import { runServer } from "../server-runtime.js";

export function parsePort(text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  const port = Number(text);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new InputError(`--port: "${text}" is not a port number (0–65535)`);
  return port;
}

export async function serveCommand(global: GlobalOptions, options: { port?: string; host?: string }) {
  await withContext(
    global,
    async (ctx) => {
      const port = parsePort(options.port, ctx.config.server.port);
      await runServer(ctx, { port, host: options.host ?? ctx.config.server.host }, (url) => {
        process.stderr.write(`Uplift is serving on ${url}\n`);
      });
    },
    { service: true },
  );
}
