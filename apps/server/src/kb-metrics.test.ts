import { UnavailableError } from "@uplift/core";
import { describe, expect, it } from "vitest";
import { createApp } from "./create-app.js";
import type { DocsService } from "./services.js";
import { TEST_TOKEN, testServerDeps } from "./test-deps.js";
import { recordingDocsService } from "./test-services.js";

const headers = {
  Authorization: `Bearer ${TEST_TOKEN}`,
  "Content-Type": "application/json",
  Accept: "application/json, text/event-stream",
};
const post = (body: unknown) => ({ method: "POST", headers, body: JSON.stringify(body) });

/** The recording docs service, with an ungrounded answer, a failing search and a sync lag. */
function docsService(): DocsService {
  const { service } = recordingDocsService();
  return {
    ...service,
    search: async (query) => {
      if (query.query === "fail") throw new UnavailableError("the index is being rebuilt");
      return service.search(query);
    },
    ask: async (query) => ({ ...(await service.ask(query)), grounded: false }),
    syncLag: async () => [{ source: "handbook", seconds: 42 }],
  };
}

async function metrics(app: ReturnType<typeof createApp>): Promise<Map<string, number>> {
  const res = await app.request("/metrics", { headers });
  const values = new Map<string, number>();
  for (const line of (await res.text()).split("\n")) {
    const match = /^(\w+(?:\{[^}]*\})?) (\S+)$/.exec(line);
    if (match) values.set(match[1] as string, Number(match[2]));
  }
  return values;
}

describe("knowledge-base metrics", () => {
  it("counts failed searches, ungrounded answers and MCP tool calls, and reads the sync lag", async () => {
    const app = createApp(testServerDeps({ docs: docsService() }));
    expect((await app.request("/api/kb/search", post({ query: "fail" }))).status).toBe(503);
    expect((await app.request("/api/kb/ask", post({ question: "why?" }))).status).toBe(200);
    const mcp = await app.request(
      "/mcp",
      post({
        jsonrpc: "2.0",
        id: 1,
        method: "tools/call",
        params: { name: "search_docs", arguments: { query: "deploy" } },
      }),
    );
    expect(mcp.status).toBe(200);

    const values = await metrics(app);
    expect(values.get('uplift_kb_queries_total{route="search",outcome="error"}')).toBe(1);
    expect(values.get('uplift_kb_queries_total{route="search",outcome="ok"}')).toBe(1);
    expect(values.get('uplift_kb_answers_total{result="ungrounded"}')).toBe(1);
    expect(values.get('uplift_kb_answers_total{result="not_found"}')).toBe(0);
    expect(values.get('uplift_kb_feedback_total{vote="down"}')).toBe(0);
    expect(values.get('uplift_kb_sync_lag_seconds{source="handbook"}')).toBe(42);
  });

  it("has no knowledge-base series when the server runs without the knowledge base", async () => {
    const values = await metrics(createApp(testServerDeps()));
    expect([...values.keys()].some((key) => key.startsWith("uplift_kb_"))).toBe(false);
  });
});
