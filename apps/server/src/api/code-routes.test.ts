import { describe, expect, it } from "vitest";
import { createApp } from "../create-app.js";
import { TEST_TOKEN, TEST_USER, testServerDeps } from "../test-deps.js";
import { memoryTelemetry, recordingCodeService, recordingDocsService } from "../test-services.js";
import { codeContextResponseSchema, codeSearchResponseSchema } from "./code-schemas.js";

const post = (body: unknown) => ({
  method: "POST",
  headers: { Authorization: `Bearer ${TEST_TOKEN}`, "Content-Type": "application/json" },
  body: typeof body === "string" ? body : JSON.stringify(body),
});

describe("/api/code", () => {
  it("searches with the CLI's defaults and answers its JSON", async () => {
    const { service, calls } = recordingCodeService();
    const app = createApp(testServerDeps({ code: service }));
    const res = await app.request("/api/code/search", post({ query: "format amount" }));
    expect(res.status).toBe(200);
    const body = codeSearchResponseSchema.parse(await res.json());
    expect(body.results[0]).toMatchObject({ repo: "money", symbol: "formatAmount" });
    expect(calls.search).toEqual([{ query: "format amount", k: 10 }]);
  });

  it("passes a cursor, budget and FIM model to context", async () => {
    const { service, calls } = recordingCodeService({ prompt: "<PRE> … <MID>" });
    const app = createApp(testServerDeps({ code: service }));
    const res = await app.request(
      "/api/code/context",
      post({ file: "shop/src/receipt.ts", line: 4, column: 30, budget_tokens: 512, fim: "codellama" }),
    );
    expect(res.status).toBe(200);
    expect(codeContextResponseSchema.parse(await res.json()).prompt).toBe("<PRE> … <MID>");
    expect(calls.context).toEqual([
      { file: "shop/src/receipt.ts", line: 4, column: 30, budgetTokens: 512, fim: "codellama" },
    ]);
  });

  it("parses `lines` of similar into a range", async () => {
    const { service, calls } = recordingCodeService();
    const app = createApp(testServerDeps({ code: service }));
    const res = await app.request("/api/code/similar", post({ file: "shop/src/copied.ts", lines: "2-6" }));
    expect(res.status).toBe(200);
    expect(calls.similar).toEqual([
      expect.objectContaining({
        file: "shop/src/copied.ts",
        lines: { start: 2, end: 6 },
        threshold: 0.5,
        k: 10,
      }),
    ]);
  });

  it.each([
    [{ query: "" }, "/api/code/search", "field query"],
    [{ query: "x", k: 0 }, "/api/code/search", "field k"],
    [{ file: "a.ts", line: 0, column: 1 }, "/api/code/context", "field line"],
    [{ threshold: 0.5 }, "/api/code/similar", "give either `code` or `file`"],
    [{ code: "x", file: "a.ts" }, "/api/code/similar", "give either `code` or `file`"],
    [{ file: "a.ts", lines: "9-2" }, "/api/code/similar", "lines 9-2"],
  ])("answers 400 naming the field for %j on %s", async (body, route, message) => {
    const { service } = recordingCodeService();
    const app = createApp(testServerDeps({ code: service }));
    const res = await app.request(route, post(body));
    expect(res.status).toBe(400);
    const error = ((await res.json()) as { error: { code: string; message: string } }).error;
    expect(error.code).toBe("UPLIFT_BAD_INPUT");
    expect(error.message).toContain(message);
  });

  it("answers 400 for a body that is not JSON", async () => {
    const app = createApp(testServerDeps({ code: recordingCodeService().service }));
    const res = await app.request("/api/code/search", post("{query"));
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { message: string } }).error.message).toContain(
      "POST /api/code/search: the body is not JSON",
    );
  });

  it("answers 503 saying the code index is not configured when no service is wired", async () => {
    const app = createApp(testServerDeps());
    const res = await app.request("/api/code/search", post({ query: "x" }));
    expect(res.status).toBe(503);
    expect(((await res.json()) as { error: { message: string } }).error.message).toContain(
      "the code index is not configured on this server",
    );
  });
});

describe("/api/kb", () => {
  it("searches and asks as the token's user", async () => {
    const { service, users } = recordingDocsService();
    const app = createApp(testServerDeps({ docs: service }));
    const search = await app.request("/api/kb/search", post({ query: "deploy" }));
    expect(((await search.json()) as { results: { title: string }[] }).results[0]?.title).toBe(
      "deploy for ada",
    );
    const ask = await app.request("/api/kb/ask", post({ question: "how to deploy?" }));
    expect(((await ask.json()) as { answer: string }).answer).toBe("how to deploy? — answered for ada (eng)");
    expect(users).toEqual([TEST_USER, TEST_USER]);
  });

  it("answers 503 when the knowledge base is not wired", async () => {
    const res = await createApp(testServerDeps()).request("/api/kb/ask", post({ question: "q" }));
    expect(res.status).toBe(503);
  });
});

describe("POST /api/telemetry/suggestions", () => {
  it("stores what the IDE did with a completion, as the token's user", async () => {
    const { telemetry, suggestions } = memoryTelemetry();
    const app = createApp(testServerDeps({ telemetry }));
    const res = await app.request(
      "/api/telemetry/suggestions",
      post({ completion_id: "cmpl-1", event: "accepted", chars_suggested: 40, chars_kept: 31 }),
    );
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ stored: true });
    expect(suggestions).toEqual([
      {
        completion_id: "cmpl-1",
        at: expect.any(Date),
        login: "ada",
        event: "accepted",
        chars_suggested: 40,
        chars_kept: 31,
      },
    ]);
  });

  it("refuses an unknown event kind", async () => {
    const app = createApp(testServerDeps({ telemetry: memoryTelemetry().telemetry }));
    const res = await app.request("/api/telemetry/suggestions", post({ completion_id: "c", event: "liked" }));
    expect(res.status).toBe(400);
  });
});
