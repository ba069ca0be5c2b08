import type { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ConfigError, UnavailableError } from "../errors.js";
import { openBullMqJobQueue } from "./bullmq.js";
import { openJobQueue } from "./index.js";
import { describeJobQueueContract } from "./queue-contract.js";
import { connectRedis } from "./redis-connection.js";

/** The machine's Redis; this suite fails (it does not skip) when Redis is not there. */
const REDIS_URL = "redis://127.0.0.1:6379";
const RUN_PREFIX = `uplift-test-${process.pid}-${Date.now()}`;
let queues = 0;
const nextPrefix = () => `${RUN_PREFIX}-${++queues}`;

let admin: Redis;

beforeAll(async () => {
  admin = await connectRedis(REDIS_URL, 2000); // UnavailableError "cannot reach Redis at 127.0.0.1:6379 …"
});

afterAll(async () => {
  if (!admin) return;
  let cursor = "0";
  do {
    const [next, keys] = await admin.scan(cursor, "MATCH", `${RUN_PREFIX}-*`, "COUNT", 1000);
    if (keys.length > 0) await admin.del(...keys);
    cursor = next;
  } while (cursor !== "0");
  admin.disconnect();
});

describeJobQueueContract("bullmq", () => openBullMqJobQueue({ url: REDIS_URL, prefix: nextPrefix() }));

describe("BullMQ job queue", () => {
  it("fails within seconds with UnavailableError naming host:port and queue.redis_url when Redis is unreachable", {
    timeout: 5000,
  }, async () => {
    const opening = openJobQueue({ redisUrl: "redis://127.0.0.1:1" });
    await expect(opening).rejects.toThrow(UnavailableError);
    await expect(opening).rejects.toThrow(/127\.0\.0\.1:1 .*queue\.redis_url.*UPLIFT_QUEUE_REDIS_URL/);
  });

  it("rejects a URL that is not redis:// with ConfigError", async () => {
    await expect(openJobQueue({ redisUrl: "http://127.0.0.1:6379" })).rejects.toThrow(ConfigError);
  });

  it("a job enqueued by one process is run by a worker in another, which reports back through events", async () => {
    const prefix = nextPrefix();
    const producer = await openJobQueue({ redisUrl: REDIS_URL, prefix });
    const worker = await openJobQueue({ redisUrl: REDIS_URL, prefix });
    try {
      expect(producer.driver).toBe("bullmq");
      worker.register("kb.sync", async (job) => {
        await job.progress(50);
        return { synced: job.data };
      });
      await worker.start();
      const progress: unknown[] = [];
      await producer.onEvent((event) => event.type === "progress" && progress.push(event.progress));
      const { id } = await producer.enqueue("kb.sync", "handbook");
      expect(await producer.waitFor(id)).toMatchObject({
        state: "completed",
        result: { synced: "handbook" },
      });
      expect(progress).toEqual([50]);
    } finally {
      await worker.close();
      await producer.close();
    }
  });
});
