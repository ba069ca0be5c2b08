import { describe, expect, it } from "vitest";
import { createApp } from "../create-app.js";
import { TEST_TOKEN, TEST_USER, testServerDeps } from "../test-deps.js";
import { MONEY_DEFINITION, recordingCodeService, recordingDocsService } from "../test-services.js";
import { MCP_TOOLS } from "./mcp-tools.js";

/** The SDK's own client is used over a real port in tests/server-e2e/mcp.test.ts; here, JSON-RPC in-process. */

interface ToolResult {
  content: { type: string; text: string }[];
  isError?: boolean;
  structuredContent?: Record<string, unknown>;
}

function rpc(method: string, params: Record<string, unknown>, token = TEST_TOKEN) {
  return {
    method: "POST",
    headers: {
      Authorization: `Bearer ${token}`,
      "Content-Type": "application/json",
      Accept: "application/json, text/event-stream",
    },
    body: JSON.stringify({ jsonrpc: "2.0", id: 1, method, params }),
  };
}

function setup() {
  const code = recordingCodeService();
  const docs = recordingDocsService();
  const app = createApp(testServerDeps({ code: code.service, docs: docs.service }));
  const callTool = async (name: string, args: Record<string, unknown>): Promise<ToolResult> => {
    const res = await app.request("/mcp", rpc("tools/call", { name, arguments: args }));
    expect(res.status).toBe(200);
    return ((await res.json()) as { result: ToolResult }).result;
  };
  return { app, code, docs, callTool };
}

describe("/mcp", () => {
  it("lists exactly the five tools", async () => {
    const { app } = setup();
    const res = await app.request("/mcp", rpc("tools/list", {}));
    const tools = ((await res.json()) as { result: { tools: { name: string }[] } }).result.tools;
    expect(tools.map((t) => t.name).sort()).toEqual([...MCP_TOOLS].sort());
  });

  it("search_code renders the hits for a model and keeps the JSON as structured content", async () => {
    const { code, callTool } = setup();
    const result = await callTool("search_code", { query: "format amount", k: 3 });
    expect(result.isError).toBeFalsy();
    expect(result.content[0]?.text).toContain(
      "## money/src/format.ts:1-5 formatAmount (function) score 3.000",
    );
    expect(result.structuredContent).toMatchObject({ results: [{ symbol: "formatAmount" }] });
    expect(code.calls.search).toEqual([{ query: "format amount", k: 3 }]);
  });

  it("find_similar_code takes code, or a file with lines, and says when it has neither", async () => {
    const { code, callTool } = setup();
    await callTool("find_similar_code", { code: "function f() {}", language: "ts" });
    await callTool("find_similar_code", { file: "shop/src/copied.ts", lines: "2-6", threshold: 0.7 });
    expect(code.calls.similar).toEqual([
      expect.objectContaining({ code: "function f() {}", language: "ts", threshold: 0.5, k: 10 }),
      expect.objectContaining({ file: "shop/src/copied.ts", lines: { start: 2, end: 6 }, threshold: 0.7 }),
    ]);
    const neither = await callTool("find_similar_code", {});
    expect(neither).toMatchObject({
      isError: true,
      content: [{ text: expect.stringContaining("give either") }],
    });
    const badLines = await callTool("find_similar_code", { file: "a.ts", lines: "7" });
    expect(badLines.content[0]?.text).toContain("lines 7: expected A-B");
  });

  it("get_context passes the cursor and budget", async () => {
    const { code, callTool } = setup();
    const result = await callTool("get_context", {
      file: "shop/src/total.ts",
      line: 4,
      column: 23,
      budget_tokens: 300,
    });
    expect(result.content[0]?.text).toContain(
      `## definition: money/src/format.ts:1-5 score 1.00\n\`\`\`\n${MONEY_DEFINITION.text}`,
    );
    expect(code.calls.context).toEqual([
      { file: "shop/src/total.ts", line: 4, column: 23, budgetTokens: 300 },
    ]);
  });

  it("search_docs and ask_docs read as the token's user", async () => {
    const { docs, callTool } = setup();
    expect((await callTool("search_docs", { query: "deploy" })).content[0]?.text).toContain("deploy for ada");
    expect((await callTool("ask_docs", { question: "how?" })).content[0]?.text).toContain(
      "answered for ada (eng)",
    );
    expect(docs.users).toEqual([TEST_USER, TEST_USER]);
  });

  it("answers an error result when the knowledge base or the code index is not wired", async () => {
    const app = createApp(testServerDeps());
    const res = await app.request(
      "/mcp",
      rpc("tools/call", { name: "ask_docs", arguments: { question: "q" } }),
    );
    const result = ((await res.json()) as { result: ToolResult }).result;
    expect(result.isError).toBe(true);
    expect(result.content[0]?.text).toContain("the knowledge base is not configured on this server");
  });

  it("answers 401 without a valid token and 405 to GET", async () => {
    const { app } = setup();
    const denied = await app.request("/mcp", rpc("tools/list", {}, "upl_wrong"));
    expect(denied.status).toBe(401);
    expect(denied.headers.get("WWW-Authenticate")).toMatch(/^Bearer/);
    const get = await app.request("/mcp", { headers: { Authorization: `Bearer ${TEST_TOKEN}` } });
    expect(get.status).toBe(405);
  });
});
