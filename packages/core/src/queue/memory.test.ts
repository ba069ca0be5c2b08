import { describe, expect, it } from "vitest";
import { UnavailableError } from "../errors.js";
import { openJobQueue } from "./index.js";
import { MemoryJobQueue } from "./memory.js";
import { describeJobQueueContract } from "./queue-contract.js";

describeJobQueueContract("memory", async () => new MemoryJobQueue());

describe("MemoryJobQueue", () => {
  it("is what openJobQueue returns when no Redis URL is configured", async () => {
    const queue = await openJobQueue({ redisUrl: " " });
    expect(queue.driver).toBe("memory");
    await queue.close();
  });

  it("drain() fails instead of hanging when jobs are pending but nothing processes them", async () => {
    const queue = new MemoryJobQueue();
    await queue.enqueue("later", {});
    await expect(queue.drain()).rejects.toThrow(UnavailableError);
    await queue.close();
  });

  it("waitFor() rejects when the queue closes before the job finishes", async () => {
    const queue = new MemoryJobQueue();
    const { id } = await queue.enqueue("never-started", {});
    const waiting = queue.waitFor(id);
    await queue.close();
    await expect(waiting).rejects.toThrow(/closed before job "1" finished/);
  });
});
