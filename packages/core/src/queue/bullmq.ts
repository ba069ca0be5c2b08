import type { Job, Queue, Worker } from "bullmq";
import type { Redis } from "ioredis";
import { InputError, NotFoundError, UnavailableError } from "../errors.js";
import { type Logger, silentLogger } from "../logger.js";
import { BullMqEventStream } from "./bullmq-events.js";
import {
  QUEUE_NAME,
  RETENTION_OPTIONS,
  readJobError,
  toBullBackoff,
  toJobInfo,
  toJobState,
} from "./bullmq-mapping.js";
import { HandlerRegistry } from "./handler-registry.js";
import { isRetryable, toJobError } from "./job-error.js";
import { backoffDelayMs, resolveEnqueueOptions, resolveScheduleOptions, toJson } from "./job-options.js";
import { connectRedis, redisAddress } from "./redis-connection.js";
import type {
  Backoff,
  Enqueued,
  EnqueueOptions,
  JobCounts,
  JobEventListener,
  JobHandler,
  JobInfo,
  JobQueue,
  RegisterOptions,
  ScheduleOptions,
  StartOptions,
  StopOptions,
} from "./types.js";
import { waitUntil } from "./wait-until.js";

type BullMq = typeof import("bullmq");

export interface BullMqJobQueueOptions {
  /** `redis://[user:password@]host:port[/db]` (config `queue.redis_url`). */
  url: string;
  /** Redis key prefix; separate prefixes are separate queues. Default "uplift". */
  prefix?: string;
  logger?: Logger;
  /** How long opening may take before UnavailableError. Default 3000. */
  connectTimeoutMs?: number;
}

/**
 * Opens the BullMQ driver: loads bullmq (only this path imports it), then checks that Redis
 * answers, failing within `connectTimeoutMs` with an UnavailableError naming host:port and
 * `queue.redis_url`.
 */
export async function openBullMqJobQueue(options: BullMqJobQueueOptions): Promise<BullMqJobQueue> {
  const logger = options.logger ?? silentLogger();
  const prefix = options.prefix ?? "uplift";
  redisAddress(options.url);
  const bullmq = await import("bullmq");
  const client = await connectRedis(options.url, options.connectTimeoutMs ?? 3000);
  const queue = new bullmq.Queue(QUEUE_NAME, {
    connection: client,
    prefix,
    defaultJobOptions: RETENTION_OPTIONS,
  });
  queue.on("error", (error) => logger.error({ err: error }, "job queue: Redis error"));
  try {
    await queue.waitUntilReady();
  } catch (error) {
    client.disconnect();
    throw new UnavailableError(
      `Redis at ${redisAddress(options.url)} cannot host the job queue: ${(error as Error).message}`,
      {
        cause: error,
      },
    );
  }
  return new BullMqJobQueue(bullmq, client, queue, logger, prefix);
}

/** The JobQueue on Redis through BullMQ: one queue for all job names, shared by every process with the same prefix. */
export class BullMqJobQueue implements JobQueue {
  readonly driver = "bullmq";
  readonly #bullmq: BullMq;
  readonly #client: Redis;
  readonly #queue: Queue;
  readonly #logger: Logger;
  readonly #prefix: string;
  readonly #handlers: HandlerRegistry;
  readonly #events: BullMqEventStream;
  #worker: { worker: Worker; client: Redis } | undefined;
  #closed = false;
  #lastTimestamp = 0;

  constructor(bullmq: BullMq, client: Redis, queue: Queue, logger: Logger, prefix: string) {
    this.#bullmq = bullmq;
    this.#client = client;
    this.#queue = queue;
    this.#logger = logger;
    this.#prefix = prefix;
    this.#handlers = new HandlerRegistry(logger);
    this.#events = new BullMqEventStream({ bullmq, client, queue, prefix, logger });
  }

  register<D, R>(name: string, handler: JobHandler<D, R>, options?: RegisterOptions<D>): void {
    this.#handlers.register(name, handler, options);
  }

  /**
   * With an idempotency key the key is the BullMQ job id, so Redis keeps one job per key.
   * `deduplicated` compares the stored job's timestamp with this call's (unique within this
   * process); two processes adding the same key in the same millisecond may both report
   * false, yet the job exists once and runs once.
   */
  async enqueue(name: string, data: unknown, options?: EnqueueOptions): Promise<Enqueued> {
    this.#assertOpen();
    const { idempotencyKey, attempts, backoff, delayMs } = resolveEnqueueOptions(name, options);
    const json = toJson(data, `data of job "${name}"`);
    const timestamp = Math.max(Date.now(), this.#lastTimestamp + 1);
    this.#lastTimestamp = timestamp;
    const job = await this.#queue.add(name, json, {
      attempts,
      backoff: toBullBackoff(backoff),
      delay: delayMs,
      timestamp,
      ...(idempotencyKey === undefined ? {} : { jobId: idempotencyKey }),
    });
    if (idempotencyKey === undefined) return { id: job.id ?? "", deduplicated: false };
    const stored = await this.#queue.getJob(idempotencyKey);
    return { id: idempotencyKey, deduplicated: stored !== undefined && stored.timestamp !== timestamp };
  }

  /** A BullMQ job scheduler: it lives in Redis until unscheduled, whichever process created it. */
  async schedule(name: string, data: unknown, options: ScheduleOptions): Promise<void> {
    this.#assertOpen();
    const { key, everyMs, attempts, backoff } = resolveScheduleOptions(name, options);
    const json = toJson(data, `data of job "${name}"`);
    await this.#queue.upsertJobScheduler(
      key,
      { every: everyMs },
      { name, data: json, opts: { attempts, backoff: toBullBackoff(backoff), ...RETENTION_OPTIONS } },
    );
  }

  async unschedule(key: string): Promise<boolean> {
    this.#assertOpen();
    return this.#queue.removeJobScheduler(key);
  }

  async get(id: string): Promise<JobInfo | undefined> {
    this.#assertOpen();
    const state = toJobState(await this.#queue.getJobState(id));
    const job = state && (await this.#queue.getJob(id));
    if (!state || !job) return undefined;
    const info = toJobInfo(job, state);
    if (state === "failed") info.error = await readJobError(this.#queue, id, job.failedReason);
    return info;
  }

  async counts(): Promise<JobCounts> {
    this.#assertOpen();
    const c = await this.#queue.getJobCounts(
      "waiting",
      "active",
      "completed",
      "failed",
      "delayed",
      "prioritized",
      "waiting-children",
    );
    const n = (state: string) => c[state] ?? 0;
    return {
      waiting: n("waiting") + n("prioritized") + n("waiting-children"),
      active: n("active"),
      completed: n("completed"),
      failed: n("failed"),
      delayed: n("delayed"),
    };
  }

  async onEvent(listener: JobEventListener): Promise<() => void> {
    this.#assertOpen();
    await this.#events.open();
    return this.#events.addListener(listener);
  }

  async start(options: StartOptions = {}): Promise<void> {
    this.#assertOpen();
    const concurrency = options.concurrency ?? 1;
    if (!Number.isInteger(concurrency) || concurrency < 1) {
      throw new InputError(`concurrency must be a positive integer, got ${concurrency}`);
    }
    if (this.#worker) {
      this.#worker.worker.concurrency = concurrency;
      return;
    }
    const client = this.#client.duplicate({ maxRetriesPerRequest: null });
    const processor = (job: Job, _token: string | undefined, signal: AbortSignal | undefined) =>
      this.#process(job, signal ?? new AbortController().signal);
    const worker = new this.#bullmq.Worker(QUEUE_NAME, processor, {
      connection: client,
      prefix: this.#prefix,
      concurrency,
    });
    worker.on("error", (error) => this.#logger.error({ err: error }, "job worker: Redis error"));
    this.#worker = { worker, client };
    await worker.waitUntilReady();
  }

  async stop(options: StopOptions = {}): Promise<void> {
    const running = this.#worker;
    if (!running) return;
    this.#worker = undefined;
    if (options.force) running.worker.cancelAllJobs("the job queue is closing");
    await running.worker.close();
    running.client.disconnect();
  }

  async drain(): Promise<void> {
    this.#assertOpen();
    await this.#events.open();
    await waitUntil(
      async () => {
        if (this.#closed) throw new UnavailableError("the job queue was closed before it drained");
        const { waiting, active, delayed } = await this.counts();
        if (waiting + active > 0) return undefined;
        return delayed === 0 || (await this.#onlyNextScheduledRunsDelayed(delayed)) ? true : undefined;
      },
      (wake) => this.#events.subscribe(() => wake()),
      250,
    );
  }

  async waitFor(id: string): Promise<JobInfo> {
    this.#assertOpen();
    await this.#events.open();
    return waitUntil(
      async () => {
        if (this.#closed) throw new UnavailableError(`the job queue was closed before job "${id}" finished`);
        const info = await this.get(id);
        if (!info) throw new NotFoundError(`no job with id "${id}"`);
        return info.state === "completed" || info.state === "failed" ? info : undefined;
      },
      (wake) => this.#events.subscribe((jobId) => (jobId === undefined || jobId === id) && wake()),
      1000,
    );
  }

  async close(options: StopOptions = {}): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await this.stop(options);
    await this.#events.close();
    await this.#queue.close();
    this.#client.disconnect();
  }

  async #process(job: Job, signal: AbortSignal): Promise<unknown> {
    const id = job.id ?? "";
    const attempt = job.attemptsMade + 1;
    try {
      return await this.#handlers.run({
        id,
        name: job.name,
        data: job.data,
        attempt,
        signal,
        progress: (progress) => job.updateProgress(progress),
      });
    } catch (error) {
      const stored = toJobError(error);
      const maxAttempts = job.opts.attempts ?? 1;
      const log = this.#logger.child({ job: job.name, job_id: id, attempt });
      if (isRetryable(error) && attempt < maxAttempts) {
        const backoff = fromBullBackoff(job.opts.backoff);
        log.warn(
          { err: error, retry_in_ms: backoff && backoffDelayMs(backoff, attempt) },
          "job attempt failed; retrying",
        );
      } else {
        log.error({ err: error }, "job failed");
      }
      try {
        await job.log(JSON.stringify(stored));
      } catch (logError) {
        log.warn(
          { err: logError },
          "could not store the job's error code in Redis; get() will report only its message",
        );
      }
      if (!isRetryable(error)) throw new this.#bullmq.UnrecoverableError(stored.message);
      throw error instanceof Error ? error : new Error(stored.message);
    }
  }

  /** Each schedule keeps its next run as a delayed job that has not been tried yet; those do not block drain(). */
  async #onlyNextScheduledRunsDelayed(delayed: number): Promise<boolean> {
    const jobs = await this.#queue.getDelayed(0, delayed - 1);
    return jobs.every((job) => job.repeatJobKey !== undefined && job.attemptsMade === 0);
  }

  #assertOpen(): void {
    if (this.#closed) throw new UnavailableError("the job queue is closed");
  }
}

function fromBullBackoff(backoff: Job["opts"]["backoff"]): Backoff | undefined {
  if (typeof backoff === "number") return { type: "fixed", delayMs: backoff };
  const delayMs = backoff?.delay ?? 0;
  if (backoff?.type === "fixed") return { type: "fixed", delayMs };
  if (backoff?.type === "exponential") return { type: "exponential", delayMs };
  return undefined;
}
