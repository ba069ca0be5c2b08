import path from "node:path";
import { MemoryJobQueue, silentLogger } from "@uplift/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { KB_SYNC_JOB, parseEvery, registerKbSyncJob } from "./jobs.js";
import { addSource } from "./source-admin.js";
import type { SyncReport } from "./sync/sync.js";
import { type KbTestEnv, openKbTestEnv, writeJsonl } from "./test/kb-env.js";

let env: KbTestEnv;
beforeAll(async () => {
  env = await openKbTestEnv();
});
afterAll(async () => {
  await env?.close();
});

describe("kb.sync job", () => {
  it("syncs on a schedule through the job queue, incrementally from run to run", async () => {
    const file = writeJsonl(path.join(env.dir, "wiki.jsonl"), [{ id: "a", title: "A", text: "Alpha." }]);
    await addSource(env.store, { name: "wiki", type: "jsonl", path: file });
    const queue = new MemoryJobQueue({ logger: silentLogger() });
    const reports: SyncReport[] = [];
    let second: () => void = () => {};
    const twoRuns = new Promise<void>((resolve) => {
      second = resolve;
    });
    registerKbSyncJob(
      queue,
      async () => ({ store: env.store, index: env.index }),
      (report) => {
        reports.push(report);
        if (reports.length === 1)
          writeJsonl(file, [
            { id: "a", title: "A", text: "Alpha." },
            { id: "b", title: "B", text: "Beta." },
          ]);
        if (reports.length === 2) second();
      },
    );
    await queue.start();
    await queue.schedule(KB_SYNC_JOB, {}, { key: "kb-sync-all", everyMs: 20 });
    await twoRuns;
    await queue.close();
    expect(reports.map((r) => r.sources[0]?.counts.documentsAdded)).toEqual([1, 1]);
    expect(reports[1]?.sources[0]?.counts.documentsUnchanged).toBe(1);
  });

  it("parses --every intervals", () => {
    expect(parseEvery("90s")).toBe(90_000);
    expect(parseEvery("15m")).toBe(900_000);
    expect(parseEvery("1h")).toBe(3_600_000);
    expect(parseEvery("2d")).toBe(172_800_000);
    for (const bad of ["5s", "1w", "h", "1.5h", ""]) expect(() => parseEvery(bad)).toThrow("--every");
  });
});
