/**
 * JobQueue throughput and latency, in-process vs BullMQ on the local Redis.
 * Run: `npx tsc -b && node bench/job-queue.ts` (Redis at UPLIFT_QUEUE_REDIS_URL or 127.0.0.1:6379).
 */
import { performance } from "node:perf_hooks";
import { type JobQueue, openJobQueue } from "@uplift/core";
import { Redis } from "ioredis";

const REDIS_URL = process.env.UPLIFT_QUEUE_REDIS_URL ?? "redis://127.0.0.1:6379";
const JOBS = 5000;
const LATENCY_SAMPLES = 300;
const PREFIX = `uplift-bench-${process.pid}`;

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
}

/** Enqueues `JOBS` no-op jobs, then processes them with `concurrency`, counting completion events. */
async function throughput(
  queue: JobQueue,
  concurrency: number,
): Promise<{ enqueuePerS: number; processPerS: number }> {
  let completed = 0;
  let allDone = () => {};
  const done = new Promise<void>((resolve) => {
    allDone = resolve;
  });
  const off = await queue.onEvent((event) => {
    if (event.type === "completed" && ++completed === JOBS) allDone();
  });
  let t = performance.now();
  for (let i = 0; i < JOBS; i++) await queue.enqueue("noop", { i });
  const enqueueS = (performance.now() - t) / 1000;
  t = performance.now();
  await queue.start({ concurrency });
  await done;
  const processS = (performance.now() - t) / 1000;
  await queue.stop();
  off();
  return { enqueuePerS: JOBS / enqueueS, processPerS: JOBS / processS };
}

/** One job at a time: enqueue → waitFor(completed), with a worker already running. */
async function latency(queue: JobQueue): Promise<{ p50: number; p95: number }> {
  await queue.start({ concurrency: 1 });
  const samples: number[] = [];
  for (let i = 0; i < LATENCY_SAMPLES; i++) {
    const t = performance.now();
    const { id } = await queue.enqueue("noop", { i });
    await queue.waitFor(id);
    samples.push(performance.now() - t);
  }
  await queue.stop();
  samples.sort((a, b) => a - b);
  return { p50: quantile(samples, 0.5), p95: quantile(samples, 0.95) };
}

async function run(label: string, redisUrl: string | undefined, prefix: string) {
  const t = performance.now();
  const open = () => openJobQueue({ redisUrl, prefix });
  const queue = await open();
  const openMs = performance.now() - t;
  queue.register("noop", async (job) => job.data);
  const c1 = await throughput(queue, 1);
  const c8 = await throughput(queue, 8);
  const lat = await latency(queue);
  await queue.close();
  const f = (n: number) => Math.round(n).toLocaleString("en-US");
  console.log(
    `| ${label} | ${openMs.toFixed(0)} | ${f(c1.enqueuePerS)} | ${f(c1.processPerS)} | ${f(c8.processPerS)} | ${lat.p50.toFixed(2)} | ${lat.p95.toFixed(2)} |`,
  );
}

console.log(`${JOBS} no-op jobs per batch, ${LATENCY_SAMPLES} latency samples; Node ${process.version}`);
console.log(
  "| driver | open ms | enqueue/s (sequential) | processed/s (conc. 1) | processed/s (conc. 8) | enqueue→done p50 ms | p95 ms |",
);
console.log("|---|---:|---:|---:|---:|---:|---:|");
await run("in-process", undefined, PREFIX);
await run("BullMQ, local Redis", REDIS_URL, PREFIX);

const redis = new Redis(REDIS_URL);
let cursor = "0";
do {
  const [next, keys] = await redis.scan(cursor, "MATCH", `${PREFIX}:*`, "COUNT", 1000);
  if (keys.length > 0) await redis.del(...keys);
  cursor = next;
} while (cursor !== "0");
redis.disconnect();
