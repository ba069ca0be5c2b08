import type { Logger } from "@uplift/core";
import type { DependencyHealth, ServerDeps } from "./deps.js";

/** The health of the instance: `ok` only when every dependency is ok. */
export interface HealthReport {
  status: "ok" | "degraded";
  checks: Record<string, DependencyHealth>;
}

/**
 * Runs `deps.health()` with a deadline. A health function that throws or hangs does not take
 * the endpoint down with it: the report says so (`checks.health.ok = false`) and the log has why.
 */
export async function checkHealth(
  health: ServerDeps["health"],
  logger: Logger,
  timeoutMs = 5_000,
): Promise<HealthReport> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`health checks did not answer within ${timeoutMs} ms`)),
      timeoutMs,
    );
  });
  try {
    const checks = await Promise.race([health(), deadline]);
    const status = Object.values(checks).every((check) => check.ok) ? "ok" : "degraded";
    return { status, checks };
  } catch (error) {
    logger.error({ err: error }, "health checks failed");
    const detail = error instanceof Error ? error.message : String(error);
    return { status: "degraded", checks: { health: { ok: false, detail } } };
  } finally {
    clearTimeout(timer);
  }
}
