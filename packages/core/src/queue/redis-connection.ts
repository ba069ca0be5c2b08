import type { Redis } from "ioredis";
import { ConfigError, UnavailableError } from "../errors.js";

const CONFIG_KEY = "queue.redis_url / UPLIFT_QUEUE_REDIS_URL";

/** `host:port` of a Redis URL, for messages (never the password); ConfigError when it is not a Redis URL. */
export function redisAddress(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch (error) {
    // The value is not echoed: it may hold a password.
    throw new ConfigError(`${CONFIG_KEY}: not a valid URL`, {
      cause: error,
      hint: "use redis://[user:password@]host:port[/db], or leave it empty for the in-process queue",
    });
  }
  if (parsed.protocol !== "redis:" && parsed.protocol !== "rediss:") {
    throw new ConfigError(
      `${CONFIG_KEY}: expected a redis:// or rediss:// URL, got "${parsed.protocol}//…"`,
      {
        hint: "leave it empty for the in-process queue",
      },
    );
  }
  return `${parsed.hostname || "127.0.0.1"}:${parsed.port || "6379"}`;
}

/**
 * Connects to Redis and checks it answers, failing within about `timeoutMs` with an
 * UnavailableError that names host:port and the config key (no endless reconnects on open).
 * Once connected, the client reconnects with backoff if Redis goes away later.
 */
export async function connectRedis(url: string, timeoutMs: number): Promise<Redis> {
  const address = redisAddress(url);
  const { Redis } = await import("ioredis");
  let connected = false;
  let lastError: Error | undefined;
  const client = new Redis(url, {
    lazyConnect: true,
    connectTimeout: timeoutMs,
    commandTimeout: timeoutMs,
    retryStrategy: (times) => (connected ? Math.min(times * 200, 5000) : null),
  });
  const rememberError = (error: Error) => {
    lastError = error;
  };
  client.on("error", rememberError);
  try {
    await client.connect();
    await client.ping();
  } catch (error) {
    client.disconnect();
    const reason = (lastError ?? (error as Error)).message || String(error);
    throw new UnavailableError(`cannot reach Redis at ${address} (${CONFIG_KEY}): ${reason}`, {
      code: "UPLIFT_QUEUE_UNAVAILABLE",
      cause: error,
      hint: `start Redis at ${address}, fix ${CONFIG_KEY}, or leave it empty for the in-process queue`,
    });
  }
  connected = true;
  // From here BullMQ listens for errors (and the caller logs them); the timeout only guarded the check.
  client.off("error", rememberError);
  client.options.commandTimeout = undefined;
  return client;
}
