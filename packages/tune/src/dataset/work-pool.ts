import { Worker } from "node:worker_threads";
import { InputError } from "@uplift/core";
import { type DatasetTask, type DatasetWorkSetup, datasetTaskRunner } from "./dataset-work.js";
import type { DocumentBatch, DocumentRequest } from "./document-batch.js";
import type { FingerprintBatch, FingerprintRequest } from "./fingerprint-batch.js";
import type { DatasetTokenizer } from "./tokenizer.js";

interface Pending {
  task: DatasetTask;
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
}

interface WorkerReply {
  id: number;
  result?: unknown;
  error?: { name: string; message: string; hint?: string; code?: string };
}

/**
 * Runs a dataset build's per-file work (pass 1 fingerprints, pass 2 documents) on `size`
 * worker threads, or on the calling thread when `size` ≤ 1. Tasks are handed to the first idle
 * worker; each call's promise resolves with that task's result, so a caller that awaits them in
 * submission order sees the same sequence whatever the number of workers.
 */
export class DatasetWorkPool {
  readonly size: number;
  readonly #local: ((task: DatasetTask) => Promise<unknown>) | undefined;
  readonly #workers: Worker[] = [];
  readonly #idle: Worker[] = [];
  readonly #queue: Array<Pending & { id: number }> = [];
  readonly #running = new Map<number, Pending>();
  #nextId = 0;
  #failure: Error | undefined;

  /** `localTokenizer`: the calling thread's tokenizer, used when the work runs there. */
  constructor(size: number, setup: DatasetWorkSetup, localTokenizer: () => Promise<DatasetTokenizer>) {
    this.size = Math.max(1, Math.floor(size));
    if (this.size === 1) {
      this.#local = datasetTaskRunner(setup, localTokenizer);
      return;
    }
    for (let i = 0; i < this.size; i++) {
      const worker = startWorker(setup);
      worker.on("message", (reply: WorkerReply) => this.#settle(worker, reply));
      worker.on("error", (error) => this.#fail(error));
      worker.on("exit", (code) => {
        if (code !== 0) this.#fail(new Error(`dataset worker exited with code ${code}`));
      });
      this.#workers.push(worker);
      this.#idle.push(worker);
    }
  }

  fingerprint(request: FingerprintRequest): Promise<FingerprintBatch> {
    return this.#run({ kind: "fingerprint", request }) as Promise<FingerprintBatch>;
  }

  documents(request: DocumentRequest): Promise<DocumentBatch> {
    return this.#run({ kind: "documents", request }) as Promise<DocumentBatch>;
  }

  /** Stops the workers (waiting tasks are rejected). */
  async close(): Promise<void> {
    const workers = this.#workers.splice(0);
    this.#failure ??= new Error("dataset work pool closed");
    for (const pending of this.#queue.splice(0)) pending.reject(this.#failure);
    await Promise.all(workers.map((w) => w.terminate()));
  }

  #run(task: DatasetTask): Promise<unknown> {
    if (this.#local) return this.#local(task);
    if (this.#failure) return Promise.reject(this.#failure);
    return new Promise((resolve, reject) => {
      this.#queue.push({ id: this.#nextId++, task, resolve, reject });
      this.#dispatch();
    });
  }

  #dispatch(): void {
    while (this.#idle.length > 0 && this.#queue.length > 0) {
      const worker = this.#idle.pop() as Worker;
      const pending = this.#queue.shift() as Pending & { id: number };
      this.#running.set(pending.id, pending);
      worker.postMessage({ id: pending.id, task: pending.task });
    }
  }

  #settle(worker: Worker, reply: WorkerReply): void {
    const pending = this.#running.get(reply.id);
    this.#running.delete(reply.id);
    this.#idle.push(worker);
    this.#dispatch();
    if (!pending) return;
    if (reply.error) pending.reject(rebuildError(reply.error));
    else pending.resolve(reply.result);
  }

  #fail(error: Error): void {
    if (this.#failure) return;
    this.#failure = error;
    for (const pending of [...this.#running.values(), ...this.#queue.splice(0)]) pending.reject(error);
    this.#running.clear();
  }
}

/**
 * A worker holds one batch (≤ 256 files of ≤ 1 MiB), the tokenizer's tables and its memos; a
 * cap keeps V8 from growing each worker's heap while memory is free (the 1 GB run's RSS bar).
 */
const resourceLimits = { maxOldGenerationSizeMb: 384 };

/**
 * Starts one worker on the compiled `dataset-worker.js`. Run from the TypeScript sources (as
 * Vitest does), it starts `dataset-worker.ts` through Node's TypeScript support, with a resolve
 * hook that maps the sources' `./x.js` imports to `./x.ts`, so tests exercise the sources.
 */
function startWorker(setup: DatasetWorkSetup): Worker {
  const here = import.meta.url;
  if (!here.endsWith(".ts"))
    return new Worker(new URL("./dataset-worker.js", here), { workerData: setup, resourceLimits });
  const entry = new URL("./dataset-worker.ts", here).href;
  const bootstrap = `
const { registerHooks } = require("node:module");
registerHooks({
  resolve(specifier, context, next) {
    try { return next(specifier, context); } catch (error) {
      if (!specifier.startsWith(".") || !specifier.endsWith(".js")) throw error;
      return next(specifier.slice(0, -3) + ".ts", context);
    }
  },
});
import(${JSON.stringify(entry)});`;
  return new Worker(bootstrap, {
    eval: true,
    workerData: setup,
    resourceLimits,
    // the workspace's sources (the "@uplift/source" condition is inherited) have parameter properties
    execArgv: [
      ...process.execArgv,
      "--experimental-transform-types",
      "--disable-warning=ExperimentalWarning",
    ],
  });
}

/** The error a worker reported, as the class the CLI maps to an exit code. */
function rebuildError(error: NonNullable<WorkerReply["error"]>): Error {
  if (error.name === "InputError")
    return new InputError(error.message, { ...(error.hint ? { hint: error.hint } : {}) });
  return new Error(`dataset worker: ${error.message}`);
}
