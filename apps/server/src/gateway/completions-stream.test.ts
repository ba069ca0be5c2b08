import { type FakeOpenAI, startFakeOpenAI } from "@uplift/test-support";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../create-app.js";
import { testServerDeps } from "../test-deps.js";
import { MONEY_DEFINITION, memoryTelemetry, recordingCodeService } from "../test-services.js";
import { fakeLlm, lastBody, postJson, sseEvents, sseReader } from "./gateway-test-kit.js";

let fake: FakeOpenAI;
beforeAll(async () => {
  fake = await startFakeOpenAI({ models: ["fake-model", "qwen2.5-coder-7b-instruct"] });
});
afterAll(async () => {
  await fake.close();
});

const PREFIX =
  'import { formatAmount } from "@acme/money";\n\nexport function total(cents: number) {\n  return formatAmount(';
const SUFFIX = ");\n}\n";

interface CompletionChunk {
  object: string;
  choices: { text: string; finish_reason: string | null }[];
  uplift?: Record<string, unknown>;
}

describe("POST /v1/completions with stream: true", () => {
  it("forwards each piece as the model sends it: the first reaches the client while the model still generates", async () => {
    const { telemetry, events } = memoryTelemetry();
    const lastChunk = Promise.withResolvers<void>();
    fake.script({
      path: "/v1/completions",
      text: "cents , currency , locale",
      holdLastChunkUntil: lastChunk.promise,
    });
    const app = createApp(
      testServerDeps({
        code: recordingCodeService().service,
        llm: fakeLlm(fake, "qwen2.5-coder-7b-instruct"),
        telemetry,
      }),
    );
    const res = await app.request(
      "/v1/completions",
      postJson({
        prompt: PREFIX,
        suffix: SUFFIX,
        stream: true,
        uplift: { file: "src/total.ts", repo: "shop" },
      }),
    );
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toContain("text/event-stream");
    const stream = sseReader(res);
    const first = (await stream.next()) as CompletionChunk;
    // the model has not sent its last chunk yet: the gateway forwards, it does not collect
    expect(first).toMatchObject({ object: "text_completion", choices: [{ finish_reason: null }] });
    expect("cents , currency , locale".startsWith(first.choices[0]?.text ?? "")).toBe(true);
    expect(events).toEqual([]);
    const sent = lastBody(fake, "/v1/completions");
    expect(sent.stream).toBe(true);
    expect(sent.prompt).toContain(`<|file_sep|>money/src/format.ts\n${MONEY_DEFINITION.text}`);
    expect(sent.prompt).toContain(`<|fim_prefix|>${PREFIX}<|fim_suffix|>${SUFFIX}<|fim_middle|>`);

    lastChunk.resolve();
    const rest = await stream.rest();
    expect(rest.at(-1)).toBe("[DONE]");
    const chunks = [first, ...(rest.slice(0, -1) as CompletionChunk[])];
    expect(chunks.length).toBeGreaterThan(3);
    expect(chunks.map((c) => c.choices[0]?.text).join("")).toBe("cents , currency , locale");
    expect(chunks.at(-1)).toMatchObject({
      choices: [{ finish_reason: "stop" }],
      uplift: { fim_model: "qwen2.5-coder", context: { tokens: 42 } },
    });
    await expect.poll(() => events.length).toBe(1);
    expect(events[0]).toMatchObject({
      kind: "completion",
      stream: true,
      status: "ok",
      http_status: 200,
      context_used: true,
      model: "qwen2.5-coder-7b-instruct",
    });
    expect(events[0]?.upstream_ms).toBeGreaterThan(0);
  });

  it("passes the model's finish reason on", async () => {
    fake.script({ path: "/v1/completions", text: "one two three four" });
    const app = createApp(testServerDeps({ llm: fakeLlm(fake) }));
    const res = await app.request("/v1/completions", postJson({ prompt: "x", max_tokens: 2, stream: true }));
    const events = (await sseEvents(res)) as CompletionChunk[];
    expect(events.at(-2)?.choices[0]?.finish_reason).toBe("length");
  });

  it.each([
    [{ status: 429 }, 429, "UPLIFT_MODEL_RATE_LIMITED"],
    [{ status: 503 }, 503, "UPLIFT_MODEL_SERVER_ERROR"],
    [{ delayMs: 2_000 }, 504, "UPLIFT_MODEL_TIMEOUT"],
  ])(
    "answers the upstream's failure %j before its first piece with status %i",
    async (script, status, code) => {
      const { telemetry, events } = memoryTelemetry();
      fake.script({ path: "/v1/completions", ...script });
      const app = createApp(testServerDeps({ llm: fakeLlm(fake, "fake-model", 200), telemetry }));
      const res = await app.request("/v1/completions", postJson({ prompt: "x", stream: true }));
      expect(res.status).toBe(status);
      expect(res.headers.get("Content-Type")).toContain("application/json");
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe(code);
      expect(events).toEqual([
        expect.objectContaining({ stream: true, http_status: status, error_code: code }),
      ]);
    },
  );

  it("ends a stream that breaks midway with an error event and records the failure", async () => {
    const { telemetry, events } = memoryTelemetry();
    fake.script({ path: "/v1/completions", text: "one two three four five", breakAfterChunks: 2 });
    const app = createApp(testServerDeps({ llm: fakeLlm(fake), telemetry }));
    const res = await app.request("/v1/completions", postJson({ prompt: "x", stream: true }));
    const chunks = await sseEvents(res);
    expect(chunks).not.toContain("[DONE]");
    expect(chunks.at(-1)).toMatchObject({ error: { code: "UPLIFT_MODEL_STREAM_BROKEN" } });
    expect(events).toEqual([
      expect.objectContaining({ status: "error", error_code: "UPLIFT_MODEL_STREAM_BROKEN" }),
    ]);
  });
});

describe("POST /v1/chat/completions with stream: true", () => {
  it("forwards the first delta while the model still generates", async () => {
    const lastChunk = Promise.withResolvers<void>();
    fake.script({
      path: "/v1/chat/completions",
      text: "use formatAmount",
      holdLastChunkUntil: lastChunk.promise,
    });
    const app = createApp(testServerDeps({ llm: fakeLlm(fake) }));
    const res = await app.request(
      "/v1/chat/completions",
      postJson({ messages: [{ role: "user", content: "format cents" }], stream: true }),
    );
    const stream = sseReader(res);
    expect(await stream.next()).toMatchObject({ choices: [{ delta: { role: "assistant" } }] });
    expect(await stream.next()).toMatchObject({ choices: [{ delta: { content: "use" } }] });
    lastChunk.resolve();
    const rest = await stream.rest();
    expect(rest.at(-1)).toBe("[DONE]");
  });
});
