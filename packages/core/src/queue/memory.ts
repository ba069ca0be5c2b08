import { InputError, NotFoundError, UnavailableError } from "../errors.js";
import { type Logger, silentLogger } from "../logger.js";
import { HandlerRegistry } from "./handler-registry.js";
import { isRetryable, toJobError } from "./job-error.js";
import {
  backoffDelayMs,
  JOB_RETENTION,
  type ResolvedEnqueueOptions,
  resolveEnqueueOptions,
  resolveScheduleOptions,
  toJson,
} from "./job-options.js";
import type {
  Enqueued,
  EnqueueOptions,
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
import { waitUntil } from "./wait-until.js";

interface MemoryJob {
  id: string;
  name: string;
  data: unknown;
  state: JobState;
  progress: JobProgress;
  attemptsMade: number;
  options: Omit<ResolvedEnqueueOptions, "idempotencyKey">;
  enqueuedAt: number;
  finishedAt?: number;
  result?: unknown;
  error?: JobError;
  /** Pending move from "delayed" to "waiting". */
  timer?: NodeJS.Timeout;
}

interface Running {
  controller: AbortController;
  done: Promise<void>;
}

export interface MemoryJobQueueOptions {
  logger?: Logger;
}

/**
 * The in-process JobQueue (the default): jobs live in this process's memory and are lost when
 * it exits; schedules are timers. Same contract as the BullMQ driver.
 */
export class MemoryJobQueue implements JobQueue {
  readonly driver = "memory";
  readonly #logger: Logger;
  readonly #handlers: HandlerRegistry;
  readonly #jobs = new Map<string, MemoryJob>();
  readonly #waiting: string[] = [];
  readonly #running = new Map<string, Running>();
  /** Finished jobs, oldest first, for retention. */
  readonly #finished: Record<"completed" | "failed", MemoryJob[]> = { completed: [], failed: [] };
  readonly #schedules = new Map<string, NodeJS.Timeout>();
  readonly #listeners = new Set<JobEventListener>();
  readonly #wakers = new Set<() => void>();
  #concurrency = 0;
  #closed = false;
  #nextId = 1;

  constructor(options: MemoryJobQueueOptions = {}) {
    this.#logger = options.logger ?? silentLogger();
    this.#handlers = new HandlerRegistry(this.#logger);
  }

  register<D, R>(name: string, handler: JobHandler<D, R>, options?: RegisterOptions<D>): void {
    this.#handlers.register(name, handler, options);
  }

  async enqueue(name: string, data: unknown, options?: EnqueueOptions): Promise<Enqueued> {
    this.#assertOpen();
    const { idempotencyKey, ...resolved } = resolveEnqueueOptions(name, options);
    const json = toJson(data, `data of job "${name}"`);
    if (idempotencyKey !== undefined && this.#jobs.has(idempotencyKey)) {
      return { id: idempotencyKey, deduplicated: true };
    }
    const id = idempotencyKey ?? String(this.#nextId++);
    this.#add(id, name, json, resolved);
    return { id, deduplicated: false };
  }

  async schedule(name: string, data: unknown, options: ScheduleOptions): Promise<void> {
    this.#assertOpen();
    const { key, everyMs, attempts, backoff } = resolveScheduleOptions(name, options);
    const json = toJson(data, `data of job "${name}"`);
    this.#clearSchedule(key);
    let lastId: string | undefined;
    const fire = () => {
      if (lastId !== undefined && this.#jobs.get(lastId)?.state === "waiting") return; // previous run not started
      const id = `repeat:${key}:${Date.now()}`;
      if (this.#jobs.has(id)) return;
      lastId = id;
      this.#add(id, name, json, { attempts, backoff, delayMs: 0 });
    };
    this.#schedules.set(key, setInterval(fire, everyMs));
    fire();
  }

  async unschedule(key: string): Promise<boolean> {
    return this.#clearSchedule(key);
  }

  async get(id: string): Promise<JobInfo | undefined> {
    const job = this.#jobs.get(id);
    return job && toInfo(job);
  }

  async counts(): Promise<JobCounts> {
    const counts: JobCounts = { waiting: 0, active: 0, completed: 0, failed: 0, delayed: 0 };
    for (const job of this.#jobs.values()) counts[job.state] += 1;
    return counts;
  }

  async onEvent(listener: JobEventListener): Promise<() => void> {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  async start(options: StartOptions = {}): Promise<void> {
    this.#assertOpen();
    const concurrency = options.concurrency ?? 1;
    if (!Number.isInteger(concurrency) || concurrency < 1) {
      throw new InputError(`concurrency must be a positive integer, got ${concurrency}`);
    }
    this.#concurrency = concurrency;
    this.#pump();
  }

  async stop(options: StopOptions = {}): Promise<void> {
    this.#concurrency = 0;
    if (options.force) for (const running of this.#running.values()) running.controller.abort();
    await Promise.all([...this.#running.values()].map((running) => running.done));
  }

  async drain(): Promise<void> {
    await waitUntil(
      async () => {
        const { waiting, active, delayed } = await this.counts();
        if (waiting + active + delayed === 0) return true;
        if (this.#closed) throw new UnavailableError("the job queue was closed before it drained");
        if (this.#concurrency === 0 && active === 0) {
          throw new UnavailableError(
            `drain() cannot finish: ${waiting + delayed} job(s) pending but this in-process queue is not processing`,
            { hint: "call start() first" },
          );
        }
        return undefined;
      },
      (wake) => this.#subscribe(wake),
    );
  }

  async waitFor(id: string): Promise<JobInfo> {
    if (!this.#jobs.has(id)) throw new NotFoundError(`no job with id "${id}"`);
    return waitUntil(
      async () => {
        const job = this.#jobs.get(id);
        if (job && (job.state === "completed" || job.state === "failed")) return toInfo(job);
        if (this.#closed) throw new UnavailableError(`the job queue was closed before job "${id}" finished`);
        return undefined;
      },
      (wake) => this.#subscribe(wake),
    );
  }

  async close(options: StopOptions = {}): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    for (const key of [...this.#schedules.keys()]) this.#clearSchedule(key);
    await this.stop(options);
    for (const job of this.#jobs.values()) clearTimeout(job.timer);
    this.#notify();
    this.#listeners.clear();
  }

  #add(id: string, name: string, data: unknown, options: MemoryJob["options"]): void {
    const job: MemoryJob = {
      id,
      name,
      data,
      state: "waiting",
      progress: 0,
      attemptsMade: 0,
      options,
      enqueuedAt: Date.now(),
    };
    this.#jobs.set(id, job);
    if (options.delayMs > 0) this.#delay(job, options.delayMs);
    else this.#waiting.push(id);
    this.#notify();
    this.#pump();
  }

  #delay(job: MemoryJob, delayMs: number): void {
    job.state = "delayed";
    job.timer = setTimeout(() => {
      job.timer = undefined;
      job.state = "waiting";
      this.#waiting.push(job.id);
      this.#notify();
      this.#pump();
    }, delayMs);
  }

  #pump(): void {
    while (this.#running.size < this.#concurrency) {
      const id = this.#waiting.shift();
      if (id === undefined) return;
      const job = this.#jobs.get(id);
      if (job?.state === "waiting") this.#run(job);
    }
  }

  #run(job: MemoryJob): void {
    const attempt = job.attemptsMade + 1;
    const controller = new AbortController();
    job.state = "active";
    this.#emit({ type: "active", id: job.id });
    const done = this.#handlers
      .run({
        id: job.id,
        name: job.name,
        data: structuredClone(job.data),
        attempt,
        signal: controller.signal,
        progress: async (progress) => {
          if (job.state !== "active") return;
          job.progress = progress;
          this.#emit({ type: "progress", id: job.id, progress });
        },
      })
      .then(
        (result) => this.#complete(job, result),
        (error: unknown) => this.#fail(job, error, attempt),
      )
      .finally(() => {
        this.#running.delete(job.id);
        this.#notify();
        this.#pump();
      });
    this.#running.set(job.id, { controller, done });
  }

  #complete(job: MemoryJob, result: unknown): void {
    job.attemptsMade += 1;
    job.state = "completed";
    job.result = result;
    job.finishedAt = Date.now();
    this.#retain("completed", job);
    this.#emit({ type: "completed", id: job.id, result: structuredClone(result) });
  }

  #fail(job: MemoryJob, error: unknown, attempt: number): void {
    job.attemptsMade += 1;
    const log = this.#logger.child({ job: job.name, job_id: job.id, attempt });
    if (isRetryable(error) && job.attemptsMade < job.options.attempts && !this.#closed) {
      const retryInMs = backoffDelayMs(job.options.backoff, job.attemptsMade);
      log.warn({ err: error, retry_in_ms: retryInMs }, "job attempt failed; retrying");
      this.#delay(job, retryInMs);
      return;
    }
    log.error({ err: error }, "job failed");
    job.state = "failed";
    job.error = toJobError(error);
    job.finishedAt = Date.now();
    this.#retain("failed", job);
    this.#emit({ type: "failed", id: job.id, error: { ...job.error } });
  }

  #retain(state: "completed" | "failed", job: MemoryJob): void {
    const finished = this.#finished[state];
    finished.push(job);
    while (finished.length > JOB_RETENTION[state]) {
      const oldest = finished.shift();
      // An idempotency key may have been reused by a newer job since; remove only this one.
      if (oldest && this.#jobs.get(oldest.id) === oldest) this.#jobs.delete(oldest.id);
    }
  }

  #clearSchedule(key: string): boolean {
    const timer = this.#schedules.get(key);
    clearInterval(timer);
    return this.#schedules.delete(key);
  }

  #emit(event: JobEvent): void {
    for (const listener of [...this.#listeners]) {
      try {
        listener(event);
      } catch (error) {
        this.#logger.error({ err: error, event: event.type, job_id: event.id }, "a job event listener threw");
      }
    }
  }

  #subscribe(wake: () => void): () => void {
    this.#wakers.add(wake);
    return () => this.#wakers.delete(wake);
  }

  #notify(): void {
    for (const wake of [...this.#wakers]) wake();
  }

  #assertOpen(): void {
    if (this.#closed) throw new UnavailableError("the job queue is closed");
  }
}

function toInfo(job: MemoryJob): JobInfo {
  const info: JobInfo = {
    id: job.id,
    name: job.name,
    data: structuredClone(job.data),
    state: job.state,
    progress: structuredClone(job.progress),
    attempts: job.attemptsMade,
    maxAttempts: job.options.attempts,
    enqueuedAt: job.enqueuedAt,
  };
  if (job.finishedAt !== undefined) info.finishedAt = job.finishedAt;
  if (job.state === "completed") info.result = structuredClone(job.result);
  if (job.state === "failed" && job.error) info.error = { ...job.error };
  return info;
}
