import type { RunningServer } from "@uplift/server";
import { type FakeOpenAI, startFakeOpenAI } from "@uplift/test-support";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildOrg, type Org, serveOrg } from "./org-server.js";
import { runMcpClient } from "./run-mcp-client.js";

const MODEL = "qwen2.5-coder-1.5b";
const FORMAT_AMOUNT = "export function formatAmount(cents: number, currency: string): string";

let org: Org;
let fake: FakeOpenAI;
let withModel: RunningServer;
let contextOnly: RunningServer;

beforeAll(async () => {
  org = await buildOrg();
  fake = await startFakeOpenAI({ models: [MODEL] });
  withModel = await serveOrg(org, { llm: { base_url: fake.url, model: MODEL } });
  contextOnly = await serveOrg(org);
});
afterAll(async () => {
  await withModel?.close();
  await contextOnly?.close();
  await fake?.close();
  await org?.close();
});

const asAda = () => ({ Authorization: `Bearer ${org.tokens.ada}`, "Content-Type": "application/json" });
const post = (server: RunningServer, path: string, body: unknown, headers = asAda()) =>
  fetch(`${server.url}${path}`, { method: "POST", headers, body: JSON.stringify(body) });

/** A new function in app/src/receipt.ts, typed in the editor and not saved: the cursor is in the call. */
const PREFIX =
  'import { formatAmount } from "@acme/money";\n\nexport function receiptLine(label: string, cents: number) {\n  return label + ": " + formatAmount(';
const SUFFIX = ");\n}\n";

async function gatewayEvents() {
  await org.telemetry.flush();
  const { rows } = await org.store.query<Record<string, unknown>>("SELECT * FROM gateway_events ORDER BY at");
  return rows;
}

describe("the gateway over a real port, against an OpenAI-compatible model", () => {
  it("puts the cross-repository definition into the model's FIM prompt", async () => {
    const res = await post(withModel, "/v1/completions", {
      model: "whatever-the-ide-says",
      prompt: PREFIX,
      suffix: SUFFIX,
      max_tokens: 20,
      uplift: { file: "src/receipt.ts", repo: "app" },
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      id: string;
      model: string;
      choices: { text: string }[];
      uplift: unknown;
    };
    expect(body.model).toBe(MODEL);
    expect(body.uplift).toMatchObject({
      fim_model: "qwen2.5-coder",
      context: {
        snippets: expect.arrayContaining([expect.objectContaining({ repo: "lib", path: "src/format.ts" })]),
      },
    });

    const sent = fake.requests.findLast((r) => r.path === "/v1/completions")?.body as {
      prompt: string;
      model: string;
    };
    expect(sent.model).toBe(MODEL);
    expect(sent.prompt.startsWith("<|repo_name|>app\n")).toBe(true);
    expect(sent.prompt).toContain(
      `<|file_sep|>lib/src/format.ts\n/** Formats cents as an amount with its currency. */\n${FORMAT_AMOUNT}`,
    );
    expect(sent.prompt).toContain(
      `<|file_sep|>src/receipt.ts\n<|fim_prefix|>${PREFIX}<|fim_suffix|>${SUFFIX}<|fim_middle|>`,
    );

    const event = (await gatewayEvents()).find((e) => e.id === body.id);
    expect(event).toMatchObject({
      login: "ada",
      kind: "completion",
      model: MODEL,
      status: "ok",
      http_status: 200,
      context_used: true,
      repo: "app",
      language: "typescript",
      schema_version: 1,
    });
    expect(event?.context_tokens).toBeGreaterThan(0);
  });

  it("finds the file from a path comment when the IDE sends no hints", async () => {
    const prompt = `// Path: src/receipt.ts\n${PREFIX}`;
    const res = await post(withModel, "/v1/completions", { prompt, suffix: SUFFIX });
    expect(res.status).toBe(200);
    const sent = fake.requests.findLast((r) => r.path === "/v1/completions")?.body as { prompt: string };
    expect(sent.prompt).toContain(FORMAT_AMOUNT);
  });

  it("streams a chat with org code in the system message, as chat.completion.chunk events", async () => {
    fake.script({ path: "/v1/chat/completions", text: "Call formatAmount from @acme/money." });
    const res = await post(withModel, "/v1/chat/completions", {
      stream: true,
      messages: [{ role: "user", content: "how do we format an amount with its currency?" }],
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toContain("text/event-stream");
    const data = (await res.text())
      .split("\n\n")
      .filter((block) => block.startsWith("data: "))
      .map((block) => block.slice(6));
    expect(data.at(-1)).toBe("[DONE]");
    const text = data
      .slice(0, -1)
      .map(
        (d) =>
          (JSON.parse(d) as { choices: { delta: { content?: string } }[] }).choices[0]?.delta.content ?? "",
      )
      .join("");
    expect(text).toBe("Call formatAmount from @acme/money.");
    const sent = fake.requests.findLast((r) => r.path === "/v1/chat/completions")?.body as {
      messages: { role: string; content: string }[];
      stream: boolean;
    };
    expect(sent.stream).toBe(true);
    expect(sent.messages[0]?.role).toBe("system");
    expect(sent.messages[0]?.content).toContain("### lib/src/format.ts:");
    expect(sent.messages[0]?.content).toContain(FORMAT_AMOUNT);
    const event = (await gatewayEvents()).findLast((e) => e.kind === "chat");
    expect(event).toMatchObject({ stream: true, status: "ok", context_used: true, login: "ada" });
  });

  it("records an IDE's report of what became of a completion", async () => {
    const res = await post(withModel, "/api/telemetry/suggestions", {
      completion_id: "cmpl-e2e",
      event: "accepted",
      chars_suggested: 12,
      chars_kept: 12,
    });
    expect(res.status).toBe(200);
    const { rows } = await org.store.query(
      "SELECT login, event, chars_kept FROM suggestion_events WHERE completion_id = 'cmpl-e2e'",
    );
    expect(rows).toEqual([{ login: "ada", event: "accepted", chars_kept: 12 }]);
  });
});

describe("the gateway without a model", () => {
  it("answers 200 with the assembled context and says that no model is configured", async () => {
    const res = await post(contextOnly, "/v1/completions", {
      prompt: PREFIX,
      suffix: SUFFIX,
      uplift: { file: "src/receipt.ts", repo: "app" },
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      id: string;
      choices: { text: string }[];
      uplift: { note: string; context: { snippets: { repo: string; text: string; reason: string }[] } };
    };
    expect(body.choices[0]?.text).toBe("");
    expect(body.uplift.note).toBe("no model configured: context only");
    const definition = body.uplift.context.snippets.find((s) => s.reason === "definition");
    expect(definition).toMatchObject({ repo: "lib" });
    expect(definition?.text).toContain(FORMAT_AMOUNT);
    const event = (await gatewayEvents()).find((e) => e.id === body.id);
    expect(event).toMatchObject({
      status: "context_only",
      model: "none",
      context_used: true,
      upstream_ms: null,
    });
  });

  it("answers 501 to /v1/embeddings without an embedder", async () => {
    const res = await post(contextOnly, "/v1/embeddings", { input: "x" });
    expect(res.status).toBe(501);
  });
});

describe("/api/code over a real port", () => {
  it("answers context, search and similar with the CLI's JSON, files named repo/path", async () => {
    const context = await post(contextOnly, "/api/code/context", {
      file: "app/src/receipt.ts",
      line: 4,
      column: 37,
    });
    expect(context.status).toBe(200);
    const { snippets } = (await context.json()) as {
      snippets: { repo: string; path: string; reason: string }[];
    };
    expect(snippets).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ repo: "lib", path: "src/format.ts", reason: "definition" }),
        expect.objectContaining({ repo: "app", path: "src/receipt.ts", reason: "imports" }),
      ]),
    );
    const search = await post(contextOnly, "/api/code/search", { query: "formatAmount", k: 3 });
    expect(((await search.json()) as { results: { symbol: string }[] }).results[0]?.symbol).toBe(
      "formatAmount",
    );
    const similar = await post(contextOnly, "/api/code/similar", { file: "lib/src/format.ts", lines: "1-6" });
    expect(((await similar.json()) as { results: unknown[] }).results[0]).toMatchObject({
      repo: "app",
      path: "src/copied.ts",
      symbol: "fmtMoney",
    });
  });

  it("reads no file of the server's disk outside the indexed repositories", async () => {
    const res = await post(contextOnly, "/api/code/context", {
      file: "/etc/hostname",
      line: 1,
      column: 1,
      fim: "codellama",
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { message: string } }).error.message).toContain(
      "the server reads only files of indexed repositories",
    );
  });
});

describe("/mcp with the MCP SDK's client", () => {
  it("lists the tools and calls each, reading docs as the token's user", async () => {
    const url = `${withModel.url}/mcp`;
    const calls = [
      { tool: "search_code", arguments: { query: "format amount", k: 3 } },
      { tool: "find_similar_code", arguments: { file: "lib/src/format.ts", lines: "1-6" } },
      {
        tool: "get_context",
        arguments: { file: "app/src/receipt.ts", line: 4, column: 37, budget_tokens: 512 },
      },
      { tool: "search_docs", arguments: { query: "expense approval" } },
      { tool: "ask_docs", arguments: { question: "Who signs expense approval above 5000 euros?" } },
    ];
    const ada = await runMcpClient(url, org.tokens.ada, calls);
    expect(ada.tools.map((t) => t.name).sort()).toEqual([
      "ask_docs",
      "find_similar_code",
      "get_context",
      "search_code",
      "search_docs",
    ]);
    const [search, similar, context, docs, answer] = ada.results;
    for (const result of ada.results) expect(result.isError, result.content[0]?.text).toBeFalsy();
    expect(search?.content[0]?.text).toContain("lib/src/format.ts");
    expect(similar?.content[0]?.text).toContain("app/src/copied.ts");
    expect(context?.content[0]?.text).toContain(FORMAT_AMOUNT);
    expect(docs?.content[0]?.text).toContain("Expense approval");
    expect(answer?.content[0]?.text).toContain("finance director");

    const bob = await runMcpClient(url, org.tokens.bob, [calls[3] as (typeof calls)[number]]);
    expect(bob.results[0]?.isError).toBeFalsy();
    expect(bob.results[0]?.content[0]?.text).not.toContain("Expense approval");
  });

  it("refuses the SDK's client without a valid token", async () => {
    await expect(runMcpClient(`${withModel.url}/mcp`, "upl_not_a_token", [])).rejects.toThrow(
      /UPLIFT_UNAUTHORIZED/,
    );
  });
});

describe("authentication over a real port", () => {
  it.each(["/v1/completions", "/v1/chat/completions", "/v1/embeddings", "/mcp"])(
    "answers 401 on %s without a token",
    async (path) => {
      const res = await post(withModel, path, {}, { "Content-Type": "application/json" } as ReturnType<
        typeof asAda
      >);
      expect(res.status).toBe(401);
      expect(res.headers.get("WWW-Authenticate")).toMatch(/^Bearer/);
    },
  );
});
