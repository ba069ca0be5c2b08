import { type FakeOpenAI, startFakeOpenAI } from "@uplift/test-support";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ConfigError, UnavailableError } from "../errors.js";
import { silentLogger } from "../logger.js";
import { OpenAiLlmProvider, type OpenAiProviderOptions } from "./openai.js";

let fake: FakeOpenAI;
let delays: number[];
beforeEach(async () => {
  fake = await startFakeOpenAI();
  delays = [];
});
afterEach(async () => {
  await fake.close();
});

/** A provider against the fake whose retry waits are recorded instead of slept. */
function provider(options: Partial<OpenAiProviderOptions> = {}): OpenAiLlmProvider {
  return new OpenAiLlmProvider({
    baseUrl: fake.url,
    model: "fake-model",
    timeoutMs: 5_000,
    logger: silentLogger(),
    sleep: async (ms) => {
      delays.push(ms);
    },
    ...options,
  });
}

const ask = (content: string) => ({ messages: [{ role: "user" as const, content }] });

async function collect(stream: AsyncIterable<string>): Promise<string[]> {
  const pieces: string[] = [];
  for await (const piece of stream) pieces.push(piece);
  return pieces;
}

describe("OpenAiLlmProvider", () => {
  it("sends a chat and returns the answer, finish reason and usage", async () => {
    const answer = await provider().chat({
      ...ask("hello world"),
      maxTokens: 10,
      temperature: 0,
      stop: ["\n\n"],
    });
    expect(answer).toEqual({
      text: "echo: hello world",
      finishReason: "stop",
      usage: { promptTokens: 2, completionTokens: 3, totalTokens: 5 },
    });
    expect(fake.requests[0]?.body).toEqual({
      model: "fake-model",
      messages: [{ role: "user", content: "hello world" }],
      stream: false,
      max_tokens: 10,
      temperature: 0,
      stop: ["\n\n"],
    });
  });

  it("reports finish reason length when max tokens cut the answer", async () => {
    const answer = await provider().chat({ ...ask("one two three"), maxTokens: 2 });
    expect(answer).toMatchObject({ text: "echo: one", finishReason: "length" });
  });

  it("streams deltas that reassemble to the full answer, across split chunks and keep-alive comments", async () => {
    const full = (await provider().chat(ask("the quick brown fox"))).text;
    fake.script({ comments: true, splitBytes: 7 });
    const pieces = await collect(provider().chatStream(ask("the quick brown fox")));
    expect(pieces.length).toBeGreaterThan(1);
    expect(pieces.join("")).toBe(full);
    expect(fake.requests[1]?.body).toMatchObject({ stream: true });
  });

  it("fills in the middle through /v1/completions with prompt and suffix", async () => {
    const answer = await provider().complete({
      prompt: "function add(a, b) {\n  return",
      suffix: "\n}\n",
      maxTokens: 20,
    });
    expect(answer.text).toBe('fill between "  return" and ""');
    expect(fake.requests[0]).toMatchObject({
      path: "/v1/completions",
      body: {
        model: "fake-model",
        prompt: "function add(a, b) {\n  return",
        suffix: "\n}\n",
        max_tokens: 20,
      },
    });
  });

  it("streams completion pieces that reassemble to the completion, the last with its finish reason", async () => {
    const request = { prompt: "function add(a, b) {\n  return", suffix: "\n}\n", maxTokens: 20 };
    const whole = await provider().complete(request);
    fake.script({ splitBytes: 7 });
    const pieces = [];
    for await (const piece of provider().completeStream(request)) pieces.push(piece);
    expect(pieces.length).toBeGreaterThan(2);
    expect(pieces.map((p) => p.text).join("")).toBe(whole.text);
    expect(pieces.at(-1)).toEqual({ text: "", finishReason: "stop" });
    expect(fake.requests[1]?.body).toMatchObject({ stream: true, suffix: "\n}\n" });
  });

  it("retries a 429 after the Retry-After delay, then succeeds", async () => {
    fake.script({ status: 429, retryAfter: 1 });
    const answer = await provider().chat(ask("again"));
    expect(answer.text).toBe("echo: again");
    expect(delays).toEqual([1000]);
    expect(fake.requests).toHaveLength(2);
  });

  it("gives up on a 429 after 3 retries with a rate-limit error", async () => {
    fake.script(...Array.from({ length: 4 }, () => ({ status: 429 })));
    const error = await provider()
      .chat(ask("x"))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnavailableError);
    expect(error).toMatchObject({
      code: "UPLIFT_MODEL_RATE_LIMITED",
      message: expect.stringContaining("after 4 attempts"),
    });
    expect(delays).toHaveLength(3);
    expect(delays[1]).toBeGreaterThan(delays[0] ?? Infinity);
  });

  it("retries server errors and names the status when they persist", async () => {
    fake.script(
      { status: 500 },
      { status: 503 },
      { status: 502 },
      { status: 503, message: "engine overloaded" },
    );
    await expect(provider().chat(ask("x"))).rejects.toMatchObject({
      code: "UPLIFT_MODEL_SERVER_ERROR",
      message: expect.stringMatching(/failed with 503 after 4 attempts: engine overloaded/),
    });
    expect(fake.requests).toHaveLength(4);
  });

  it("says the API key was rejected and which variable to set, without retrying", async () => {
    fake.script({ status: 401 });
    const error = await provider({ apiKeyEnv: "MY_LLM_KEY" })
      .chat(ask("x"))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toContain("endpoint rejected the API key (set $MY_LLM_KEY)");
    expect(fake.requests).toHaveLength(1);
  });

  it("says the model was not found and which key to check, without retrying", async () => {
    await expect(provider({ model: "no-such-model" }).chat(ask("x"))).rejects.toThrow(
      `model "no-such-model" not found at ${fake.url} (check llm.model)`,
    );
    expect(fake.requests).toHaveLength(1);
    expect(delays).toEqual([]);
  });

  it("times out a slow answer with a clear error and does not retry it", async () => {
    fake.script({ delayMs: 10_000 });
    await expect(provider({ timeoutMs: 100 }).chat(ask("x"))).rejects.toMatchObject({
      code: "UPLIFT_MODEL_TIMEOUT",
      message: expect.stringContaining("within 100 ms"),
    });
    expect(fake.requests).toHaveLength(1);
  });

  it("times out a stream that stalls between chunks", async () => {
    fake.script({ chunkDelayMs: 10_000 });
    await expect(collect(provider({ timeoutMs: 100 }).chatStream(ask("a b c")))).rejects.toMatchObject({
      code: "UPLIFT_MODEL_TIMEOUT",
    });
  });

  it.each(["destroy", "end"] as const)(
    "fails clearly when a stream breaks mid-way (%s)",
    async (breakMode) => {
      fake.script({ breakAfterChunks: 3, breakMode });
      const pieces: string[] = [];
      const error = await (async () => {
        for await (const piece of provider().chatStream(ask("one two three four five"))) pieces.push(piece);
      })().catch((e: unknown) => e);
      expect(error).toMatchObject({
        code: "UPLIFT_MODEL_STREAM_BROKEN",
        message: expect.stringContaining("before [DONE]"),
      });
      expect(pieces.join("")).toBe("echo: one");
    },
  );

  it("retries when the endpoint cannot be reached, then names the URL", async () => {
    await fake.close();
    const error = await provider()
      .chat(ask("x"))
      .catch((e: unknown) => e);
    fake = await startFakeOpenAI();
    expect(error).toMatchObject({
      code: "UPLIFT_MODEL_UNREACHABLE",
      message: expect.stringContaining("after 4 attempts"),
    });
    expect(delays).toHaveLength(3);
  });

  it("rejects with the caller's abort reason", async () => {
    fake.script({ delayMs: 10_000 });
    const controller = new AbortController();
    const pending = provider().chat({ ...ask("x"), signal: controller.signal });
    while (fake.requests.length === 0) await new Promise((r) => setTimeout(r, 5));
    controller.abort(new Error("user cancelled"));
    await expect(pending).rejects.toThrow("user cancelled");
  });
});
