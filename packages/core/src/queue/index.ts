import type { Logger } from "../logger.js";
import { openBullMqJobQueue } from "./bullmq.js";
import { MemoryJobQueue } from "./memory.js";
import type { JobQueue } from "./types.js";

export { type BullMqJobQueue, type BullMqJobQueueOptions, openBullMqJobQueue } from "./bullmq.js";
export { JobFailedError } from "./job-error.js";
export { DEFAULT_ATTEMPTS, DEFAULT_BACKOFF, JOB_RETENTION } from "./job-options.js";
export { MemoryJobQueue, type MemoryJobQueueOptions } from "./memory.js";
export { type RunWorkerOptions, runWorker } from "./run-worker.js";
export type {
  Backoff,
  Enqueued,
  EnqueueOptions,
  JobContext,
  JobCounts,
  JobError,
  JobEvent,
  JobEventListener,
  JobHandler,
  JobInfo,
  JobProgress,
  JobQueue,
  JobState,
  RegisterOptions,
  ScheduleOptions,
  StartOptions,
  StopOptions,
} from "./types.js";

export interface OpenJobQueueOptions {
  /** Config `queue.redis_url` (env UPLIFT_QUEUE_REDIS_URL): empty → the in-process queue; `redis://…` → BullMQ. */
  redisUrl?: string | undefined;
  logger?: Logger;
  /** Redis key prefix (BullMQ only). Default "uplift". */
  prefix?: string;
}

/**
 * Opens the configured JobQueue. bullmq and ioredis are imported only when a Redis URL is set
 * (dynamically, inside the BullMQ driver), so commands that never touch jobs never load them.
 */
export async function openJobQueue(options: OpenJobQueueOptions = {}): Promise<JobQueue> {
  const url = options.redisUrl?.trim();
  if (!url) return new MemoryJobQueue(options.logger ? { logger: options.logger } : {});
  return openBullMqJobQueue({
    url,
    ...(options.logger ? { logger: options.logger } : {}),
    ...(options.prefix ? { prefix: options.prefix } : {}),
  });
}
