import { setTimeout as sleep } from "node:timers/promises";
import { afterEach, describe, expect, it } from "vitest";
import { ConflictError, exitCodeFor, InputError, NotFoundError } from "../errors.js";
import { JobFailedError } from "./job-error.js";
import { runWorker } from "./run-worker.js";
import type { JobContext, JobEvent, JobQueue } from "./types.js";

function deferred<T = void>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((res) => {
    resolve = res;
  });
  return { promise, resolve };
}

/**
 * The behaviour every JobQueue driver must show, run against each (unstorage's `testDriver()`
 * pattern). `makeQueue` returns a fresh, empty queue per test; the suite closes it.
 */
export function describeJobQueueContract(name: string, makeQueue: () => Promise<JobQueue>): void {
  describe(`JobQueue contract: ${name}`, () => {
    const opened: JobQueue[] = [];
    const open = async () => {
      const queue = await makeQueue();
      opened.push(queue);
      return queue;
    };
    afterEach(async () => {
      await Promise.all(opened.splice(0).map((queue) => queue.close({ force: true })));
    });

    it("runs a job and returns its result", async () => {
      const queue = await open();
      queue.register("add", async (job: JobContext<{ a: number; b: number }>) => ({
        sum: job.data.a + job.data.b,
      }));
      await queue.start();
      const enqueued = await queue.enqueue("add", { a: 2, b: 3 });
      expect(enqueued.deduplicated).toBe(false);
      const info = await queue.waitFor(enqueued.id);
      expect(info).toMatchObject({
        id: enqueued.id,
        name: "add",
        data: { a: 2, b: 3 },
        state: "completed",
        result: { sum: 5 },
        attempts: 1,
        maxAttempts: 3,
      });
      expect(info.error).toBeUndefined();
      expect(info.finishedAt).toBeGreaterThanOrEqual(info.enqueuedAt);
    });

    it("retries a failing job with backoff, then succeeds", async () => {
      const queue = await open();
      const starts: { attempt: number; at: number }[] = [];
      queue.register("flaky", async (job) => {
        starts.push({ attempt: job.attempt, at: Date.now() });
        if (job.attempt < 3) throw new Error(`try ${job.attempt} failed`);
        return "ok";
      });
      await queue.start();
      const { id } = await queue.enqueue(
        "flaky",
        {},
        { attempts: 3, backoff: { type: "exponential", delayMs: 20 } },
      );
      const info = await queue.waitFor(id);
      expect(info).toMatchObject({ state: "completed", result: "ok", attempts: 3, maxAttempts: 3 });
      expect(starts.map((start) => start.attempt)).toEqual([1, 2, 3]);
      // Exponential: at least 20 ms before the 2nd try, 40 ms before the 3rd (1 ms slack for timer rounding).
      const [first, second, third] = starts.map((start) => start.at);
      expect((second ?? 0) - (first ?? 0)).toBeGreaterThanOrEqual(19);
      expect((third ?? 0) - (second ?? 0)).toBeGreaterThanOrEqual(39);
    });

    it("gives up after its attempts and reports the error", async () => {
      const queue = await open();
      let calls = 0;
      queue.register("broken", async () => {
        calls += 1;
        throw new Error("disk on fire");
      });
      const failed = deferred<JobEvent>();
      await queue.onEvent((event) => event.type === "failed" && failed.resolve(event));
      await queue.start();
      const { id } = await queue.enqueue(
        "broken",
        {},
        { attempts: 2, backoff: { type: "fixed", delayMs: 10 } },
      );
      const info = await queue.waitFor(id);
      const error = { message: "disk on fire", code: "UPLIFT_JOB_FAILED", kind: "internal" };
      expect(info).toMatchObject({ state: "failed", attempts: 2, maxAttempts: 2, error });
      expect(info.result).toBeUndefined();
      expect(calls).toBe(2);
      expect(await failed.promise).toEqual({ type: "failed", id, error });
    });

    it("does not retry a job whose handler throws an input error", async () => {
      const queue = await open();
      let calls = 0;
      queue.register("import", async () => {
        calls += 1;
        throw new InputError("prs.csv:3: created_at is not an ISO 8601 time", { code: "UPLIFT_BAD_CSV" });
      });
      await queue.start();
      const { id } = await queue.enqueue("import", {}, { attempts: 3 });
      const info = await queue.waitFor(id);
      expect(calls).toBe(1);
      expect(info).toMatchObject({
        state: "failed",
        attempts: 1,
        error: {
          message: "prs.csv:3: created_at is not an ISO 8601 time",
          code: "UPLIFT_BAD_CSV",
          kind: "input",
        },
      });
      if (!info.error) throw new Error("a failed job reports its error");
      expect(exitCodeFor(new JobFailedError({ ...info, error: info.error }))).toBe(2);
    });

    it("fails data rejected by the handler's schema without retrying", async () => {
      const queue = await open();
      let calls = 0;
      const schema = {
        parse(data: unknown): { n: number } {
          if (typeof (data as { n?: unknown }).n !== "number") throw new Error("n must be a number");
          return data as { n: number };
        },
      };
      queue.register(
        "square",
        async (job) => {
          calls += 1;
          return job.data.n ** 2;
        },
        { schema },
      );
      await queue.start();
      const { id } = await queue.enqueue("square", { n: "four" }, { attempts: 3 });
      const info = await queue.waitFor(id);
      expect(calls).toBe(0);
      expect(info).toMatchObject({ state: "failed", attempts: 1, error: { kind: "input" } });
      expect(info.error?.message).toContain("n must be a number");
    });

    it("fails a job that no handler is registered for, naming it", async () => {
      const queue = await open();
      await queue.start();
      const { id } = await queue.enqueue("nobody.handles", {}, { attempts: 1 });
      const info = await queue.waitFor(id);
      expect(info.state).toBe("failed");
      expect(info.error?.message).toContain('no handler is registered for job "nobody.handles"');
    });

    it("an idempotency key returns the existing job instead of adding another", async () => {
      const queue = await open();
      let runs = 0;
      queue.register("sync", async () => {
        runs += 1;
        return runs;
      });
      const first = await queue.enqueue("sync", { source: "a" }, { idempotencyKey: "sync-a" });
      const second = await queue.enqueue("sync", { source: "a" }, { idempotencyKey: "sync-a" });
      expect(first).toEqual({ id: "sync-a", deduplicated: false });
      expect(second).toEqual({ id: "sync-a", deduplicated: true });
      await queue.start();
      expect((await queue.waitFor("sync-a")).result).toBe(1);
      expect(await queue.enqueue("sync", { source: "a" }, { idempotencyKey: "sync-a" })).toEqual({
        id: "sync-a",
        deduplicated: true,
      });
      const other = await queue.enqueue("sync", { source: "b" }, { idempotencyKey: "sync-b" });
      await queue.waitFor(other.id);
      await queue.drain();
      expect(runs).toBe(2);
    });

    it("reports progress events in order, then completion", async () => {
      const queue = await open();
      queue.register("index", async (job) => {
        await job.progress(10);
        await job.progress(50);
        await job.progress({ phase: "done", files: 3 });
        return null;
      });
      const events: JobEvent[] = [];
      const completed = deferred();
      await queue.onEvent((event) => {
        events.push(event);
        if (event.type === "completed") completed.resolve();
      });
      await queue.start();
      const { id } = await queue.enqueue("index", {});
      await completed.promise;
      expect(events).toEqual([
        { type: "active", id },
        { type: "progress", id, progress: 10 },
        { type: "progress", id, progress: 50 },
        { type: "progress", id, progress: { phase: "done", files: 3 } },
        { type: "completed", id, result: null },
      ]);
      expect((await queue.get(id))?.progress).toEqual({ phase: "done", files: 3 });
    });

    it("counts jobs per state", async () => {
      const queue = await open();
      queue.register("ok", async () => 1);
      queue.register("bad", async () => {
        throw new Error("no");
      });
      const ids = [
        (await queue.enqueue("ok", 1)).id,
        (await queue.enqueue("ok", 2)).id,
        (await queue.enqueue("ok", 3)).id,
        (await queue.enqueue("bad", {}, { attempts: 1 })).id,
      ];
      await queue.enqueue("ok", 4, { delayMs: 60_000 });
      expect(await queue.counts()).toEqual({ waiting: 4, active: 0, completed: 0, failed: 0, delayed: 1 });
      expect((await queue.get(ids[0] ?? ""))?.state).toBe("waiting");
      await queue.start({ concurrency: 2 });
      await Promise.all(ids.map((id) => queue.waitFor(id)));
      expect(await queue.counts()).toEqual({ waiting: 0, active: 0, completed: 3, failed: 1, delayed: 1 });
    });

    it("close waits for the in-flight job to finish", async () => {
      const queue = await open();
      const started = deferred();
      const release = deferred();
      const order: string[] = [];
      queue.register("slow", async () => {
        started.resolve();
        await release.promise;
        order.push("job finished");
        return "done";
      });
      await queue.start();
      await queue.enqueue("slow", {});
      await started.promise;
      const closing = queue.close().then(() => order.push("closed"));
      await sleep(50);
      expect(order).toEqual([]);
      release.resolve();
      await closing;
      expect(order).toEqual(["job finished", "closed"]);
      await expect(queue.enqueue("slow", {})).rejects.toThrow(/closed/);
    });

    it("close({ force: true }) aborts the running handler's signal", async () => {
      const queue = await open();
      const started = deferred();
      let aborted = false;
      queue.register("long", async (job) => {
        started.resolve();
        await new Promise((resolve) => job.signal.addEventListener("abort", resolve, { once: true }));
        aborted = true;
        throw new Error("stopped: the queue is closing");
      });
      await queue.start();
      await queue.enqueue("long", {});
      await started.promise;
      await queue.close({ force: true });
      expect(aborted).toBe(true);
    });

    it("runWorker processes jobs until its signal aborts, then lets the running job finish", async () => {
      const queue = await open();
      const started = deferred();
      const release = deferred();
      let finished = false;
      queue.register("work", async () => {
        started.resolve();
        await release.promise;
        finished = true;
      });
      const controller = new AbortController();
      const worker = runWorker(queue, { concurrency: 2, signal: controller.signal });
      const { id } = await queue.enqueue("work", {});
      await started.promise;
      controller.abort();
      release.resolve();
      await worker;
      expect(finished).toBe(true);
      expect((await queue.get(id))?.state).toBe("completed");
    });

    it("a schedule enqueues its job repeatedly until unscheduled", async () => {
      const queue = await open();
      const runs: unknown[] = [];
      const twice = deferred();
      queue.register("tick", async (job) => {
        runs.push(job.data);
        if (runs.length === 2) twice.resolve();
        return runs.length;
      });
      await queue.start();
      await queue.schedule("tick", { source: "handbook" }, { key: "tick-every-50ms", everyMs: 50 });
      await twice.promise;
      await queue.drain(); // the schedule's next run does not keep drain() waiting
      expect(await queue.unschedule("tick-every-50ms")).toBe(true);
      expect(await queue.unschedule("tick-every-50ms")).toBe(false);
      expect(runs.slice(0, 2)).toEqual([{ source: "handbook" }, { source: "handbook" }]);
    });

    it("rejects invalid names, keys and options with InputError, and a second handler with ConflictError", async () => {
      const queue = await open();
      queue.register("job", async () => null);
      expect(() => queue.register("job", async () => null)).toThrow(ConflictError);
      await expect(queue.enqueue("job", {}, { idempotencyKey: "42" })).rejects.toThrow(InputError);
      await expect(queue.enqueue("job", {}, { idempotencyKey: "a:b" })).rejects.toThrow(
        /must not contain ":"/,
      );
      await expect(queue.enqueue("job", {}, { attempts: 0 })).rejects.toThrow(/attempts/);
      await expect(queue.enqueue("", {})).rejects.toThrow(InputError);
      await expect(queue.enqueue("job", { n: 1n })).rejects.toThrow(/not JSON-serialisable/);
      await expect(queue.schedule("job", {}, { key: "k", everyMs: 0 })).rejects.toThrow(/everyMs/);
      await expect(queue.start({ concurrency: 0 })).rejects.toThrow(InputError);
    });

    it("get() returns undefined and waitFor() NotFoundError for an unknown id", async () => {
      const queue = await open();
      expect(await queue.get("no-such-job")).toBeUndefined();
      await expect(queue.waitFor("no-such-job")).rejects.toThrow(NotFoundError);
    });
  });
}
