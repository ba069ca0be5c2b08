import { type ConfigInput, configSchema, silentLogger, TokenRepository } from "@uplift/core";
import { createApp } from "@uplift/server";
import { type FakeReranker, startFakeReranker } from "@uplift/test-support";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createServerServices } from "../../apps/cli/src/server-services.js";
import { buildOrg, type Org } from "./org-server.js";

let org: Org;
let reranker: FakeReranker;
beforeAll(async () => {
  org = await buildOrg();
  reranker = await startFakeReranker();
});
afterAll(async () => {
  await reranker?.close();
  await org?.close();
});

/** The app wired as `uplift serve` wires it, answering in-process (no port). */
async function appFor(config: ConfigInput = {}) {
  const parsed = configSchema.parse(config);
  const services = await createServerServices({
    config: parsed,
    logger: silentLogger(),
    store: async () => org.store,
    searchIndex: async () => org.index,
  });
  const tokens = new TokenRepository(org.store);
  const app = createApp({
    config: parsed,
    logger: silentLogger(),
    version: "test",
    authenticate: (token) => tokens.verify(token),
    health: async () => ({}),
    ...services,
  });
  const headers = { Authorization: `Bearer ${org.tokens.ada}`, "Content-Type": "application/json" };
  return {
    post: async (path: string, body: unknown) => {
      const res = await app.request(path, { method: "POST", headers, body: JSON.stringify(body) });
      expect(res.status).toBe(200);
      return (await res.json()) as Record<string, unknown>;
    },
    scrape: async () => {
      const res = await app.request("/metrics", { headers });
      expect(res.status).toBe(200);
      return metricValues(await res.text());
    },
  };
}

/** `name{labels} value` lines of the Prometheus text format, keyed by `name{labels}`. */
function metricValues(text: string): Map<string, number> {
  const values = new Map<string, number>();
  for (const line of text.split("\n")) {
    const match = /^(\w+(?:\{[^}]*\})?) (\S+)$/.exec(line);
    if (match) values.set(match[1] as string, Number(match[2]));
  }
  return values;
}

describe("knowledge-base metrics on /metrics", () => {
  it("counts queries by route, answers without support, thumbs, and times them", async () => {
    const { post, scrape } = await appFor();
    await post("/api/kb/search", { query: "deploy the shop" });
    const found = await post("/api/kb/ask", { question: "How do I deploy the shop?" });
    await post("/api/kb/ask", { question: "What is the lattice gauge coupling constant?" });
    await post("/api/kb/feedback", { answer_id: found.answer_id, vote: "up" });
    await post("/api/kb/feedback", { answer_id: found.answer_id, vote: "down" });
    await post("/api/kb/feedback", { answer_id: found.answer_id, vote: "down" });

    const metrics = await scrape();
    expect(metrics.get('uplift_kb_queries_total{route="search",outcome="ok"}')).toBe(1);
    expect(metrics.get('uplift_kb_queries_total{route="ask",outcome="ok"}')).toBe(2);
    expect(metrics.get('uplift_kb_answers_total{result="not_found"}')).toBe(1);
    expect(metrics.get('uplift_kb_answers_total{result="grounded"}')).toBe(1);
    expect(metrics.get('uplift_kb_feedback_total{vote="up"}')).toBe(1);
    expect(metrics.get('uplift_kb_feedback_total{vote="down"}')).toBe(2);
    expect(metrics.get('uplift_kb_query_duration_seconds_count{route="ask"}')).toBe(2);
    expect(metrics.get('uplift_kb_query_duration_seconds_bucket{le="+Inf",route="search"}')).toBe(1);
  });

  it("gives each source's sync lag, computed at scrape time from the sync runs", async () => {
    const { scrape } = await appFor();
    const first = await scrape();
    const lag = first.get('uplift_kb_sync_lag_seconds{source="handbook"}') as number;
    expect(lag).toBeGreaterThanOrEqual(0);
    expect(lag).toBeLessThan(600);
    expect(first.has('uplift_kb_sync_lag_seconds{source="finance"}')).toBe(true);
    // an hour-old last success shows as an hour of lag
    await org.store.query(
      "UPDATE kb_sync_runs SET finished_at = now() - interval '1 hour' WHERE source = 'finance' AND status = 'succeeded'",
    );
    const later = await scrape();
    expect(later.get('uplift_kb_sync_lag_seconds{source="finance"}')).toBeGreaterThanOrEqual(3600);
    expect(later.get('uplift_kb_sync_lag_seconds{source="finance"}')).toBeLessThan(3600 + 600);
  });
});

describe("the reranker as `uplift serve` wires it", () => {
  it("says reranked: true when reranker.base_url is set, and false without it", async () => {
    const plain = await appFor();
    expect((await plain.post("/api/kb/search", { query: "deploy the shop" })).reranked).toBe(false);
    const withReranker = await appFor({ reranker: { base_url: reranker.url } });
    const result = await withReranker.post("/api/kb/search", { query: "deploy the shop" });
    expect(result.reranked).toBe(true);
    expect(reranker.requests.at(-1)?.path).toBe("/rerank");
  });
});
