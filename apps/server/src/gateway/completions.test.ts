import { type FakeOpenAI, startFakeOpenAI } from "@uplift/test-support";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../create-app.js";
import { testServerDeps } from "../test-deps.js";
import { MONEY_DEFINITION, memoryTelemetry, recordingCodeService } from "../test-services.js";
import { NO_MODEL_NOTE } from "./completions.js";
import { fakeLlm, lastBody, postJson } from "./gateway-test-kit.js";

let fake: FakeOpenAI;
beforeAll(async () => {
  fake = await startFakeOpenAI({ models: ["fake-model", "qwen2.5-coder-7b-instruct"] });
});
afterAll(async () => {
  await fake.close();
});

const RECEIPT_PREFIX =
  'import { formatAmount } from "@acme/money";\n\nexport function total(cents: number) {\n  return formatAmount(';
const RECEIPT_SUFFIX = ");\n}\n";

describe("POST /v1/completions", () => {
  it("builds the model's FIM prompt around the org context and returns the completion", async () => {
    const { service, calls } = recordingCodeService();
    const { telemetry, events } = memoryTelemetry();
    fake.script({ path: "/v1/completions", text: 'cents, "eur"' });
    const app = createApp(
      testServerDeps({ code: service, llm: fakeLlm(fake, "qwen2.5-coder-7b-instruct"), telemetry }),
    );
    const res = await app.request(
      "/v1/completions",
      postJson({
        model: "anything",
        prompt: RECEIPT_PREFIX,
        suffix: RECEIPT_SUFFIX,
        max_tokens: 16,
        uplift: { file: "src/total.ts", repo: "shop" },
      }),
    );
    expect(res.status).toBe(200);
    const body = (await res.json()) as Record<string, unknown>;
    expect(body).toMatchObject({
      object: "text_completion",
      model: "qwen2.5-coder-7b-instruct",
      choices: [{ text: 'cents, "eur"', index: 0, finish_reason: "stop" }],
      uplift: { fim_model: "qwen2.5-coder", context: { tokens: 42 } },
    });
    expect(body.id).toMatch(/^cmpl-/);

    const sent = lastBody(fake, "/v1/completions");
    expect(sent.prompt).toBe(
      `<|repo_name|>shop\n<|file_sep|>money/src/format.ts\n${MONEY_DEFINITION.text}\n<|file_sep|>src/total.ts\n<|fim_prefix|>${RECEIPT_PREFIX}<|fim_suffix|>${RECEIPT_SUFFIX}<|fim_middle|>`,
    );
    expect(sent).not.toHaveProperty("suffix");
    expect(sent.stop).toEqual(["<|endoftext|>", "<|file_sep|>", "<|fim_pad|>"]);
    expect(sent.max_tokens).toBe(16);

    expect(calls.context).toEqual([
      {
        text: RECEIPT_PREFIX + RECEIPT_SUFFIX,
        file: "src/total.ts",
        repo: "shop",
        line: 4,
        column: 23,
        budgetTokens: 2048,
      },
    ]);
    expect(events).toEqual([
      expect.objectContaining({
        id: body.id,
        login: "ada",
        kind: "completion",
        model: "qwen2.5-coder-7b-instruct",
        status: "ok",
        http_status: 200,
        context_used: true,
        context_tokens: 42,
        context_snippets: 1,
        stream: false,
        repo: "shop",
        language: "typescript",
        error_code: null,
      }),
    ]);
    expect(events[0]?.upstream_ms).toBeGreaterThan(0);
    expect(events[0]?.prompt_tokens).toBeGreaterThan(0);
  });

  it("recognises the file from a path comment and, for an unknown format, prepends the context as comments and passes suffix", async () => {
    const { service, calls } = recordingCodeService();
    const app = createApp(testServerDeps({ code: service, llm: fakeLlm(fake) }));
    const prompt = `# Path: shop/receipt.py\nfrom acme.money.format import format_amount\n\ndef receipt(total):\n    return format_amount(`;
    const res = await app.request("/v1/completions", postJson({ prompt, suffix: ")\n" }));
    expect(res.status).toBe(200);
    expect(calls.context[0]?.file).toBe("shop/receipt.py");
    const sent = lastBody(fake, "/v1/completions");
    expect(sent.suffix).toBe(")\n");
    expect(String(sent.prompt)).toMatch(/^# Path: money\/src\/format\.ts\n# \/\*\* Formats cents/);
    expect(String(sent.prompt).endsWith(prompt)).toBe(true);
  });

  it("sends the prompt untouched with uplift.context false (the baseline arm)", async () => {
    const { service, calls } = recordingCodeService();
    const { telemetry, events } = memoryTelemetry();
    const app = createApp(testServerDeps({ code: service, llm: fakeLlm(fake), telemetry }));
    await app.request(
      "/v1/completions",
      postJson({ prompt: "def f(", suffix: ")", uplift: { context: false } }),
    );
    expect(calls.context).toEqual([]);
    expect(lastBody(fake, "/v1/completions")).toMatchObject({ prompt: "def f(", suffix: ")" });
    expect(events[0]).toMatchObject({ context_used: false, context_ms: null });
  });

  it("answers the context alone, saying so, when no model is configured", async () => {
    const { service } = recordingCodeService();
    const { telemetry, events } = memoryTelemetry();
    const app = createApp(testServerDeps({ code: service, telemetry }));
    const res = await app.request(
      "/v1/completions",
      postJson({
        prompt: RECEIPT_PREFIX,
        suffix: RECEIPT_SUFFIX,
        uplift: { fim: "starcoder2", file: "src/total.ts" },
      }),
    );
    expect(res.status).toBe(200);
    const body = (await res.json()) as { choices: { text: string }[]; uplift: Record<string, unknown> };
    expect(body.choices[0]?.text).toBe("");
    expect(body.uplift.note).toBe(NO_MODEL_NOTE);
    expect(body.uplift.context).toMatchObject({ snippets: [MONEY_DEFINITION], tokens: 42 });
    expect(body.uplift.prompt).toContain("<file_sep>money/src/format.ts");
    expect(events[0]).toMatchObject({
      status: "context_only",
      model: "none",
      context_used: true,
      upstream_ms: null,
    });
  });

  it.each([
    [{ status: 429 }, 429, "UPLIFT_MODEL_RATE_LIMITED"],
    [{ status: 503 }, 503, "UPLIFT_MODEL_SERVER_ERROR"],
    [{ status: 422, message: "prompt too long" }, 422, "UPLIFT_MODEL_BAD_REQUEST"],
    [{ status: 401 }, 502, "UPLIFT_BAD_CONFIG"],
  ])(
    "answers the upstream's failure %j with status %i in OpenAI's error shape",
    async (script, status, code) => {
      const { telemetry, events } = memoryTelemetry();
      fake.script({ path: "/v1/completions", ...script });
      const app = createApp(testServerDeps({ llm: fakeLlm(fake), telemetry }));
      const res = await app.request("/v1/completions", postJson({ prompt: "x" }));
      expect(res.status).toBe(status);
      const body = (await res.json()) as { error: { code: string; message: string; type: string } };
      expect(body.error.code).toBe(code);
      expect(body.error.type).toBe(
        status === 429 ? "rate_limit_error" : status >= 500 ? "server_error" : "invalid_request_error",
      );
      expect(events[0]).toMatchObject({ status: "error", http_status: status, error_code: code });
    },
  );

  it("answers 504 when the model does not answer in time", async () => {
    fake.script({ path: "/v1/completions", delayMs: 2_000 });
    const app = createApp(testServerDeps({ llm: fakeLlm(fake, "fake-model", 100) }));
    const res = await app.request("/v1/completions", postJson({ prompt: "x" }));
    expect(res.status).toBe(504);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("UPLIFT_MODEL_TIMEOUT");
  });

  it("answers 400 naming the field for a request without a prompt", async () => {
    const app = createApp(testServerDeps({ llm: fakeLlm(fake) }));
    const res = await app.request("/v1/completions", postJson({ suffix: "x" }));
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { message: string; type: string } };
    expect(body.error.message).toContain("field prompt");
    expect(body.error.type).toBe("invalid_request_error");
  });
});
