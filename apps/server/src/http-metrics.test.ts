import { describe, expect, it } from "vitest";
import { createApp } from "./create-app.js";
import { TEST_TOKEN, testServerDeps } from "./test-deps.js";

const auth = { headers: { Authorization: `Bearer ${TEST_TOKEN}` } };

async function scrape(app: ReturnType<typeof createApp>): Promise<string> {
  const res = await app.request("/metrics", auth);
  expect(res.status).toBe(200);
  expect(res.headers.get("Content-Type")).toContain("text/plain");
  return res.text();
}

/** The value of one sample line, e.g. `http_requests_total{method="GET",route="/api/me",status="200"}`. */
function sample(text: string, series: string): number | undefined {
  const line = text.split("\n").find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe("/metrics", () => {
  it("counts requests by method, route pattern and status", async () => {
    const app = createApp(testServerDeps());
    await app.request("/api/me", auth);
    await app.request("/api/me", auth);
    await app.request("/api/me");
    await app.request("/nowhere");
    const text = await scrape(app);
    expect(sample(text, 'http_requests_total{method="GET",route="/api/me",status="200"}')).toBe(2);
    expect(sample(text, 'http_requests_total{method="GET",route="/api/me",status="401"}')).toBe(1);
    expect(sample(text, 'http_requests_total{method="GET",route="unmatched",status="404"}')).toBe(1);
    expect(
      sample(text, 'http_request_duration_seconds_count{method="GET",route="/api/me",status="200"}'),
    ).toBe(2);
  });

  it("keeps one registry per app instance", async () => {
    const first = createApp(testServerDeps());
    const second = createApp(testServerDeps());
    await first.request("/api/me", auth);
    const text = await scrape(second);
    expect(sample(text, 'http_requests_total{method="GET",route="/api/me",status="200"}')).toBeUndefined();
  });

  it("reports the job queue depth per state from queueDepth()", async () => {
    let depth: Record<string, number> = { waiting: 3, active: 1, failed: 0 };
    const app = createApp(testServerDeps({ queueDepth: async () => depth }));
    const text = await scrape(app);
    expect(sample(text, 'uplift_job_queue_depth{state="waiting"}')).toBe(3);
    expect(sample(text, 'uplift_job_queue_depth{state="active"}')).toBe(1);
    depth = { waiting: 0 };
    const later = await scrape(app);
    expect(sample(later, 'uplift_job_queue_depth{state="waiting"}')).toBe(0);
    expect(sample(later, 'uplift_job_queue_depth{state="active"}')).toBeUndefined();
  });

  it("still answers when the queue depth cannot be read, and drops the stale values", async () => {
    let reachable = true;
    const app = createApp(
      testServerDeps({
        queueDepth: async () => {
          if (!reachable) throw new Error("redis at 127.0.0.1:6379: connection refused");
          return { waiting: 7 };
        },
      }),
    );
    expect(sample(await scrape(app), 'uplift_job_queue_depth{state="waiting"}')).toBe(7);
    reachable = false;
    const text = await scrape(app);
    expect(text).toContain("# TYPE uplift_job_queue_depth gauge");
    expect(text).not.toMatch(/^uplift_job_queue_depth\{/m);
  });

  it("exposes process metrics and the build version", async () => {
    const text = await scrape(createApp(testServerDeps({ version: "1.2.3" })));
    expect(text).toMatch(/^process_cpu_user_seconds_total \d/m);
    expect(text).toMatch(/^nodejs_heap_size_used_bytes \d/m);
    expect(sample(text, 'uplift_build_info{version="1.2.3"}')).toBe(1);
  });
});
