import type { ErrorKind } from "../errors.js";
import type { Logger } from "../logger.js";

/** Where a job is in its life. BullMQ's "prioritized", "waiting-children" and "paused" count as "waiting". */
export type JobState = "waiting" | "active" | "completed" | "failed" | "delayed";

/** What a handler reports through `progress()`: a percentage or any JSON object (e.g. `{ done, total }`). */
export type JobProgress = number | Record<string, unknown>;

/** Delay before attempt n+1 after n failed attempts: `fixed` → `delayMs`; `exponential` → `delayMs · 2^(n−1)`. */
export interface Backoff {
  type: "exponential" | "fixed";
  delayMs: number;
}

export interface EnqueueOptions {
  /**
   * While a job with this id exists (any state, until retention removes it), enqueuing again
   * returns that job instead of adding a second one. The key becomes the job id. Must not be
   * an integer and must not contain ":".
   */
  idempotencyKey?: string;
  /** Total tries, the first included. Default 3. */
  attempts?: number;
  /** Default `{ type: "exponential", delayMs: 1000 }`. */
  backoff?: Backoff;
  /** Do not start before this many milliseconds from now. */
  delayMs?: number;
}

export interface ScheduleOptions {
  /** Identifies the schedule: scheduling the same key again replaces it. Must not contain ":". */
  key: string;
  /** Interval between runs; the first run is enqueued at once. */
  everyMs: number;
  attempts?: number;
  backoff?: Backoff;
}

export interface Enqueued {
  id: string;
  /** True when an idempotency key matched an existing job, which is returned instead. */
  deduplicated: boolean;
}

/** A failure as stored with the job; `code` and `kind` come from an UpliftError, else "UPLIFT_JOB_FAILED"/"internal". */
export interface JobError {
  message: string;
  code: string;
  kind: ErrorKind;
}

export interface JobInfo {
  id: string;
  name: string;
  data: unknown;
  state: JobState;
  progress: JobProgress;
  /** Attempts finished so far (failed or successful). */
  attempts: number;
  maxAttempts: number;
  /** Epoch milliseconds. */
  enqueuedAt: number;
  finishedAt?: number;
  /** The handler's return value (JSON), once completed. */
  result?: unknown;
  /** Why it failed, once failed for good. */
  error?: JobError;
}

/** Jobs per state (queue depth for metrics). */
export type JobCounts = Record<JobState, number>;

/** Emitted for jobs of this queue, whichever process runs them. `failed` means failed for good. */
export type JobEvent =
  | { type: "active"; id: string }
  | { type: "progress"; id: string; progress: JobProgress }
  | { type: "completed"; id: string; result: unknown }
  | { type: "failed"; id: string; error: JobError };

export type JobEventListener = (event: JobEvent) => void;

/** What a handler receives for one attempt. */
export interface JobContext<D = unknown> {
  id: string;
  name: string;
  data: D;
  /** 1 for the first try. */
  attempt: number;
  /** Aborted when the queue is closed with `{ force: true }`; long handlers should stop early. */
  signal: AbortSignal;
  /** Reports progress to `onEvent` listeners and `get()`. */
  progress(progress: JobProgress): Promise<void>;
  /** A child logger bound to the job name, id and attempt. */
  log: Logger;
}

/**
 * Runs one attempt of a job and returns a JSON-serialisable result. A thrown UpliftError of
 * kind "input" fails the job at once (bad input will not get better); anything else is retried.
 */
export type JobHandler<D = unknown, R = unknown> = (job: JobContext<D>) => Promise<R>;

export interface RegisterOptions<D> {
  /** Validates job data before the handler runs (a zod schema fits); a rejection fails the job without retry. */
  schema?: { parse(data: unknown): D };
}

export interface StartOptions {
  /** Jobs run at the same time by this process. Default 1. */
  concurrency?: number;
}

export interface StopOptions {
  /** Abort the signals of running handlers instead of only waiting for them. */
  force?: boolean;
}

/**
 * Background jobs (DESIGN: JobQueue). In-process by default; BullMQ on Redis when
 * `queue.redis_url` is set, so that `uplift worker` processes can scale out.
 *
 * @example
 * const queue = await openJobQueue({ redisUrl: config.queue.redis_url, logger });
 * queue.register("kb.sync", async (job) => syncSource(job.data), { schema: syncJobSchema });
 * await queue.start({ concurrency: 2 });
 * const { id } = await queue.enqueue("kb.sync", { source: "handbook" }, { idempotencyKey: "sync-handbook" });
 * const info = await queue.waitFor(id);
 */
export interface JobQueue {
  readonly driver: "memory" | "bullmq";
  /** Declares the handler for jobs named `name` in this process (once per name). */
  register<D, R>(name: string, handler: JobHandler<D, R>, options?: RegisterOptions<D>): void;
  enqueue(name: string, data: unknown, options?: EnqueueOptions): Promise<Enqueued>;
  /** Enqueues `name` every `everyMs` until unscheduled; a run is skipped while the previous one has not started. */
  schedule(name: string, data: unknown, options: ScheduleOptions): Promise<void>;
  /** Removes a schedule; false when there was none with this key. */
  unschedule(key: string): Promise<boolean>;
  /** The job, or undefined when unknown (or removed by retention). */
  get(id: string): Promise<JobInfo | undefined>;
  counts(): Promise<JobCounts>;
  /** Subscribes to job events; resolves once live (every later event is delivered) with an unsubscribe function. */
  onEvent(listener: JobEventListener): Promise<() => void>;
  /** Begins processing registered jobs. A process may enqueue without ever calling it. */
  start(options?: StartOptions): Promise<void>;
  /** Stops taking new jobs and waits for the running ones; the queue stays open for enqueue and get. */
  stop(options?: StopOptions): Promise<void>;
  /**
   * Waits (it removes nothing) until no job is waiting, active or delayed, not counting the
   * next run of a schedule. Jobs may be processed by this process or by workers elsewhere.
   */
  drain(): Promise<void>;
  /** Waits until the job has completed or failed for good and returns it; NotFoundError if unknown. */
  waitFor(id: string): Promise<JobInfo>;
  /** Stops (as `stop`), cancels this process's schedule timers and releases connections. */
  close(options?: StopOptions): Promise<void>;
}
