import { type FakeOpenAI, startFakeOpenAI } from "@uplift/test-support";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../create-app.js";
import { testServerDeps } from "../test-deps.js";
import { MONEY_DEFINITION, memoryTelemetry, recordingCodeService } from "../test-services.js";
import { fakeLlm, lastBody, postJson, sseEvents } from "./gateway-test-kit.js";
import { CHAT_CONTEXT_PREAMBLE } from "./retrieve-context.js";

let fake: FakeOpenAI;
beforeAll(async () => {
  fake = await startFakeOpenAI();
});
afterAll(async () => {
  await fake.close();
});

const question = { role: "user", content: "How do I format an amount in cents?" };

describe("POST /v1/chat/completions", () => {
  it("searches the org's code for the last user message and adds it to the system message", async () => {
    const { service, calls } = recordingCodeService();
    const { telemetry, events } = memoryTelemetry();
    const app = createApp(testServerDeps({ code: service, llm: fakeLlm(fake), telemetry }));
    const res = await app.request(
      "/v1/chat/completions",
      postJson({ model: "gpt-x", messages: [{ role: "system", content: "Be brief." }, question] }),
    );
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      id: string;
      object: string;
      choices: { message: { content: string } }[];
    };
    expect(body.object).toBe("chat.completion");
    expect(body.choices[0]?.message.content).toBe(`echo: ${question.content}`);
    expect(calls.search).toEqual([{ query: question.content, k: 8 }]);

    const sent = lastBody(fake, "/v1/chat/completions") as { messages: { role: string; content: string }[] };
    expect(sent.messages).toHaveLength(2);
    expect(sent.messages[0]?.role).toBe("system");
    expect(sent.messages[0]?.content).toMatch(
      new RegExp(`^Be brief\\.\\n\\n${escapeRegExp(CHAT_CONTEXT_PREAMBLE)}`),
    );
    expect(sent.messages[0]?.content).toContain(
      `### money/src/format.ts:1-5\n\`\`\`\n${MONEY_DEFINITION.text}\n\`\`\``,
    );
    expect(sent.messages[1]).toEqual(question);
    expect(events).toEqual([
      expect.objectContaining({
        id: body.id,
        kind: "chat",
        status: "ok",
        context_used: true,
        context_snippets: 1,
      }),
    ]);
  });

  it("uses the cursor's context when the hints give a file, line and column", async () => {
    const { service, calls } = recordingCodeService();
    const app = createApp(testServerDeps({ code: service, llm: fakeLlm(fake) }));
    await app.request(
      "/v1/chat/completions",
      postJson({ messages: [question], uplift: { file: "src/total.ts", repo: "shop", line: 3, column: 5 } }),
    );
    expect(calls.search).toEqual([]);
    expect(calls.context).toEqual([
      { file: "src/total.ts", repo: "shop", line: 3, column: 5, budgetTokens: 2048 },
    ]);
    const sent = lastBody(fake, "/v1/chat/completions") as { messages: { role: string; content: string }[] };
    expect(sent.messages[0]?.role).toBe("system");
  });

  it("passes a stream through as chat.completion.chunk events ending in [DONE]", async () => {
    const { telemetry, events } = memoryTelemetry();
    fake.script({ path: "/v1/chat/completions", text: "Use formatAmount from the money library." });
    const app = createApp(
      testServerDeps({ code: recordingCodeService().service, llm: fakeLlm(fake), telemetry }),
    );
    const res = await app.request("/v1/chat/completions", postJson({ messages: [question], stream: true }));
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toContain("text/event-stream");
    const events_ = await sseEvents(res);
    expect(events_.at(-1)).toBe("[DONE]");
    const chunks = events_.slice(0, -1) as {
      object: string;
      choices: { delta: { role?: string; content?: string }; finish_reason: string | null }[];
    }[];
    expect(chunks.every((c) => c.object === "chat.completion.chunk")).toBe(true);
    expect(chunks[0]?.choices[0]?.delta.role).toBe("assistant");
    expect(chunks.map((c) => c.choices[0]?.delta.content ?? "").join("")).toBe(
      "Use formatAmount from the money library.",
    );
    expect(chunks.length).toBeGreaterThan(3);
    expect(chunks.at(-1)?.choices[0]?.finish_reason).toBe("stop");
    expect(lastBody(fake, "/v1/chat/completions").stream).toBe(true);
    expect(events).toEqual([expect.objectContaining({ kind: "chat", stream: true, status: "ok" })]);
  });

  it("answers the upstream's status, not a broken stream, when the model fails before its first chunk", async () => {
    fake.script({ path: "/v1/chat/completions", status: 429 });
    const app = createApp(testServerDeps({ llm: fakeLlm(fake) }));
    const res = await app.request("/v1/chat/completions", postJson({ messages: [question], stream: true }));
    expect(res.status).toBe(429);
    expect(res.headers.get("Content-Type")).toContain("application/json");
  });

  it("ends a stream that breaks midway with an error event and records the failure", async () => {
    const { telemetry, events } = memoryTelemetry();
    fake.script({ path: "/v1/chat/completions", text: "one two three four five", breakAfterChunks: 2 });
    const app = createApp(testServerDeps({ llm: fakeLlm(fake), telemetry }));
    const res = await app.request("/v1/chat/completions", postJson({ messages: [question], stream: true }));
    const chunks = await sseEvents(res);
    expect(chunks).not.toContain("[DONE]");
    expect(chunks.at(-1)).toMatchObject({ error: { code: "UPLIFT_MODEL_STREAM_BROKEN" } });
    expect(events).toEqual([
      expect.objectContaining({ status: "error", error_code: "UPLIFT_MODEL_STREAM_BROKEN" }),
    ]);
  });

  it("says that no model is configured and shows the context, also as a stream", async () => {
    const { service } = recordingCodeService();
    const app = createApp(testServerDeps({ code: service }));
    const res = await app.request("/v1/chat/completions", postJson({ messages: [question] }));
    const body = (await res.json()) as {
      choices: { message: { content: string } }[];
      uplift: { note: string };
    };
    expect(body.uplift.note).toBe("no model configured: context only");
    expect(body.choices[0]?.message.content).toContain("money/src/format.ts:1-5");
    const streamed = await sseEvents(
      await app.request("/v1/chat/completions", postJson({ messages: [question], stream: true })),
    );
    expect(JSON.stringify(streamed)).toContain("no model configured: context only");
    expect(streamed.at(-1)).toBe("[DONE]");
  });

  it("refuses tool messages with a clear message", async () => {
    const app = createApp(testServerDeps({ llm: fakeLlm(fake) }));
    const res = await app.request(
      "/v1/chat/completions",
      postJson({ messages: [question, { role: "tool", content: "42", tool_call_id: "t1" }] }),
    );
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { message: string } }).error.message).toContain("no tool calls");
  });
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
