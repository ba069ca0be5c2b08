import type { JobQueue } from "./types.js";

export interface RunWorkerOptions {
  /** Jobs run at the same time by this process. Default 1. */
  concurrency?: number;
  /** Aborting it stops taking jobs; the returned promise resolves once the running ones finish. */
  signal: AbortSignal;
}

/**
 * What `uplift worker` runs: processes jobs until `signal` aborts (e.g. on SIGTERM), then lets
 * in-flight jobs finish. The caller registers handlers before and closes the queue after.
 */
export async function runWorker(queue: JobQueue, options: RunWorkerOptions): Promise<void> {
  if (options.signal.aborted) return;
  const aborted = new Promise<void>((resolve) => {
    options.signal.addEventListener("abort", () => resolve(), { once: true });
  });
  // A pending promise does not keep Node running; with the in-process queue nothing else may.
  const keepAlive = setInterval(() => {}, 1 << 30);
  try {
    await queue.start({ concurrency: options.concurrency ?? 1 });
    await aborted;
    await queue.stop();
  } finally {
    clearInterval(keepAlive);
  }
}
