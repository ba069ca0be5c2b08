import type { Queue, QueueEvents } from "bullmq";
import type { Redis } from "ioredis";
import type { Logger } from "../logger.js";
import { QUEUE_NAME, readJobError, toJobProgress } from "./bullmq-mapping.js";
import type { JobEvent, JobEventListener } from "./types.js";

type BullMq = typeof import("bullmq");

export interface BullMqEventStreamOptions {
  bullmq: BullMq;
  /** The queue's connection; duplicated for the blocking stream read. */
  client: Redis;
  queue: Queue;
  prefix: string;
  logger: Logger;
}

/**
 * The queue's Redis event stream (BullMQ QueueEvents) turned into JobEvents for listeners,
 * plus wake-ups for drain() and waitFor(). Opened on first use: a process that only enqueues
 * never holds the extra blocking connection.
 */
export class BullMqEventStream {
  readonly #options: BullMqEventStreamOptions;
  readonly #listeners = new Set<JobEventListener>();
  /** `undefined` as job id wakes every waiter (on close). */
  readonly #wakers = new Set<(jobId: string | undefined) => void>();
  #opened: Promise<{ events: QueueEvents; client: Redis }> | undefined;

  constructor(options: BullMqEventStreamOptions) {
    this.#options = options;
  }

  /**
   * Starts reading after the stream's current last entry, so every event from the moment this
   * resolves is delivered even if the blocking read begins a moment later.
   */
  async open(): Promise<void> {
    this.#opened ??= this.#start();
    this.#opened.catch(() => {
      this.#opened = undefined; // the caller sees the error; a later call tries again
    });
    await this.#opened;
  }

  addListener(listener: JobEventListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  subscribe(wake: (jobId: string | undefined) => void): () => void {
    this.#wakers.add(wake);
    return () => this.#wakers.delete(wake);
  }

  async close(): Promise<void> {
    const opened = await this.#opened?.catch(() => undefined); // a failed open was reported to its caller
    this.#opened = undefined;
    if (opened) {
      await opened.events.close();
      opened.client.disconnect();
    }
    this.#wake(undefined);
    this.#listeners.clear();
  }

  async #start(): Promise<{ events: QueueEvents; client: Redis }> {
    const { bullmq, queue, prefix, logger } = this.#options;
    const last = await this.#options.client.xrevrange(queue.toKey("events"), "+", "-", "COUNT", 1);
    const client = this.#options.client.duplicate({ maxRetriesPerRequest: null });
    const events = new bullmq.QueueEvents(QUEUE_NAME, {
      connection: client,
      prefix,
      lastEventId: last[0]?.[0] ?? "0-0",
    });
    events.on("error", (error) => logger.error({ err: error }, "job events: Redis error"));
    events.on("active", ({ jobId }) => this.#dispatch({ type: "active", id: jobId }));
    events.on("progress", ({ jobId, data }) =>
      this.#dispatch({ type: "progress", id: jobId, progress: toJobProgress(data) }),
    );
    events.on("completed", ({ jobId, returnvalue }) =>
      this.#dispatch({ type: "completed", id: jobId, result: returnvalue ?? null }),
    );
    events.on("failed", ({ jobId, failedReason }) => this.#dispatchFailed(jobId, failedReason));
    events.on("waiting", ({ jobId }) => this.#wake(jobId));
    events.on("delayed", ({ jobId }) => this.#wake(jobId));
    events.on("removed", ({ jobId }) => this.#wake(jobId));
    await events.waitUntilReady();
    return { events, client };
  }

  /** The stream carries only the message; the code and kind are read from the job's log. */
  #dispatchFailed(id: string, failedReason: string): void {
    void readJobError(this.#options.queue, id, failedReason)
      .catch((error: unknown) => {
        this.#options.logger.warn({ err: error, job_id: id }, "could not read the job's stored error");
        return { message: failedReason, code: "UPLIFT_JOB_FAILED", kind: "internal" as const };
      })
      .then((stored) => this.#dispatch({ type: "failed", id, error: stored }));
  }

  #dispatch(event: JobEvent): void {
    for (const listener of [...this.#listeners]) {
      try {
        listener(event);
      } catch (error) {
        this.#options.logger.error(
          { err: error, event: event.type, job_id: event.id },
          "a job event listener threw",
        );
      }
    }
    this.#wake(event.id);
  }

  #wake(jobId: string | undefined): void {
    for (const wake of [...this.#wakers]) wake(jobId);
  }
}
