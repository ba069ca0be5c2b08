import { parentPort, workerData } from "node:worker_threads";
import { type DatasetTask, type DatasetWorkSetup, datasetTaskRunner } from "./dataset-work.js";

/**
 * Entry point of a dataset worker thread (started by DatasetWorkPool): runs each task it is
 * sent and posts the result back with the task's id; redacted texts travel as transferred bytes.
 */
const port = parentPort;
if (!port) throw new Error("dataset-worker.js runs only as a worker thread");
const run = datasetTaskRunner(workerData as DatasetWorkSetup);
port.on("message", async ({ id, task }: { id: number; task: DatasetTask }) => {
  try {
    const result = await run(task);
    const transfer: ArrayBuffer[] = [];
    if (task.kind === "fingerprint") {
      const batch = result as { texts: Uint8Array };
      // a small Buffer may be a view into Node's shared pool, which must not be transferred
      if (batch.texts.byteOffset !== 0 || batch.texts.byteLength !== batch.texts.buffer.byteLength)
        batch.texts = new Uint8Array(batch.texts);
      transfer.push(batch.texts.buffer as ArrayBuffer);
    }
    port.postMessage({ id, result }, transfer);
  } catch (error) {
    const e = error as Error & { hint?: string; code?: string };
    port.postMessage({ id, error: { name: e.name, message: e.message, hint: e.hint, code: e.code } });
  }
});
