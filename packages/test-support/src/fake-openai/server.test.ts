import { afterEach, describe, expect, it } from "vitest";
import { startFakeOpenAI } from "./server.js";
import type { FakeOpenAI } from "./types.js";

let fake: FakeOpenAI;
afterEach(async () => {
  await fake.close();
});

async function post(path: string, body: unknown, headers: Record<string, string> = {}) {
  return fetch(`${fake.url}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify(body),
  });
}

/** The fields of OpenAI answers these tests read. */
interface Wire {
  choices: {
    message: { content: string };
    text: string;
    delta?: { content?: string };
    finish_reason: string | null;
  }[];
  data: { index: number; embedding: number[] | string }[];
}

async function json(res: Response | Promise<Response>): Promise<Wire> {
  return (await (await res).json()) as Wire;
}

/** The JSON payloads of an SSE body, and whether it ended with [DONE]. */
function sseData(text: string): { chunks: Wire[]; done: boolean } {
  const data = text
    .split("\n\n")
    .filter((e) => e.startsWith("data: "))
    .map((e) => e.slice(6));
  const done = data.at(-1) === "[DONE]";
  return { chunks: data.filter((d) => d !== "[DONE]").map((d) => JSON.parse(d)), done };
}

describe("startFakeOpenAI", () => {
  it("lists its models", async () => {
    fake = await startFakeOpenAI({ models: ["a", "b"] });
    const body = await json(fetch(`${fake.url}/models`));
    expect(body).toMatchObject({ object: "list", data: [{ id: "a", object: "model" }, { id: "b" }] });
  });

  it("answers a chat by echoing the last user message, with usage", async () => {
    fake = await startFakeOpenAI();
    const res = await post("/chat/completions", {
      model: "fake-model",
      messages: [
        { role: "system", content: "be brief" },
        { role: "user", content: "hello there" },
      ],
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      object: "chat.completion",
      choices: [
        { index: 0, message: { role: "assistant", content: "echo: hello there" }, finish_reason: "stop" },
      ],
      usage: { prompt_tokens: 4, completion_tokens: 3, total_tokens: 7 },
    });
    expect(fake.requests[0]).toMatchObject({
      method: "POST",
      path: "/v1/chat/completions",
      body: { model: "fake-model" },
    });
  });

  it("truncates at max_tokens with finish_reason length, and cuts at a stop sequence", async () => {
    fake = await startFakeOpenAI();
    const messages = [{ role: "user", content: "one two three four" }];
    const long = await json(post("/chat/completions", { model: "fake-model", messages, max_tokens: 2 }));
    expect(long.choices[0]).toMatchObject({ message: { content: "echo: one" }, finish_reason: "length" });
    const stopped = await json(
      post("/chat/completions", { model: "fake-model", messages, stop: [" three"] }),
    );
    expect(stopped.choices[0]).toMatchObject({
      message: { content: "echo: one two" },
      finish_reason: "stop",
    });
  });

  it("streams chat deltas as SSE, with a finish chunk, a usage chunk on request, and [DONE]", async () => {
    fake = await startFakeOpenAI();
    const res = await post("/chat/completions", {
      model: "fake-model",
      messages: [{ role: "user", content: "a b" }],
      stream: true,
      stream_options: { include_usage: true },
    });
    expect(res.headers.get("content-type")).toMatch(/^text\/event-stream/);
    const { chunks, done } = sseData(await res.text());
    expect(done).toBe(true);
    expect(chunks[0]).toMatchObject({
      object: "chat.completion.chunk",
      choices: [{ delta: { role: "assistant" } }],
    });
    const text = chunks.map(
      (c: { choices: { delta?: { content?: string } }[] }) => c.choices[0]?.delta?.content ?? "",
    );
    expect(text.join("")).toBe("echo: a b");
    expect(chunks.at(-2)).toMatchObject({ choices: [{ delta: {}, finish_reason: "stop" }] });
    expect(chunks.at(-1)).toMatchObject({ choices: [], usage: { completion_tokens: 3 } });
  });

  it("completes a prompt and fills the middle between prompt and suffix, streaming too", async () => {
    fake = await startFakeOpenAI();
    const plain = await json(post("/completions", { model: "fake-model", prompt: "x =" }));
    expect(plain).toMatchObject({
      object: "text_completion",
      choices: [{ text: "echo: x =", finish_reason: "stop" }],
    });
    const fim = { model: "fake-model", prompt: "def f():\n  return", suffix: "\nprint(f())", max_tokens: 50 };
    const filled = await json(post("/completions", fim));
    expect(filled.choices[0]?.text).toBe('fill between "  return" and ""');
    const { chunks, done } = sseData(await (await post("/completions", { ...fim, stream: true })).text());
    expect(done).toBe(true);
    expect(chunks.map((c) => c.choices[0]?.text).join("")).toBe(filled.choices[0]?.text);
  });

  it("embeds deterministically, as floats or base64, with texts sharing words closer", async () => {
    fake = await startFakeOpenAI({ embeddingDimension: 8 });
    const input = ["red apple pie", "red apple", "tax return deadline"];
    const first = await json(post("/embeddings", { model: "fake-embedding", input }));
    const again = await json(post("/embeddings", { model: "fake-embedding", input }));
    expect(first.data.map((d) => d.index)).toEqual([0, 1, 2]);
    expect(first).toEqual(again);
    const [a, b, c] = first.data.map((d) => d.embedding) as number[][];
    const dot = (x: number[] = [], y: number[] = []) => x.reduce((s, v, i) => s + v * (y[i] ?? 0), 0);
    expect(a).toHaveLength(8);
    expect(dot(a, a)).toBeCloseTo(1, 6);
    expect(dot(a, b)).toBeGreaterThan(dot(a, c));
    const single = await json(
      post("/embeddings", { model: "fake-embedding", input: "red apple", encoding_format: "base64" }),
    );
    const decoded = Array.from(
      new Float32Array(Uint8Array.from(Buffer.from(String(single.data[0]?.embedding), "base64")).buffer),
    );
    decoded.forEach((v, i) => {
      expect(v).toBeCloseTo(b?.[i] ?? Number.NaN, 5);
    });
  });

  it("answers 404 model_not_found for an unknown model and 401 for a wrong key", async () => {
    fake = await startFakeOpenAI({ apiKey: "sk-right" });
    const messages = [{ role: "user", content: "hi" }];
    const noKey = await post("/chat/completions", { model: "fake-model", messages });
    expect(noKey.status).toBe(401);
    expect(await noKey.json()).toMatchObject({ error: { code: "invalid_api_key" } });
    const unknown = await post(
      "/chat/completions",
      { model: "nope", messages },
      { authorization: "Bearer sk-right" },
    );
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ error: { code: "model_not_found" } });
    expect(fake.requests.map((r) => r.headers.authorization)).toEqual([undefined, "Bearer sk-right"]);
  });

  it("plays scripted failures in order, on the matching path, with Retry-After", async () => {
    fake = await startFakeOpenAI();
    fake.script(
      { path: "/v1/embeddings", status: 503 },
      { status: 429, retryAfter: 2 },
      { text: "scripted" },
    );
    const messages = [{ role: "user", content: "hi" }];
    const limited = await post("/chat/completions", { model: "fake-model", messages });
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toBe("2");
    expect(
      (await json(post("/chat/completions", { model: "fake-model", messages }))).choices[0]?.message.content,
    ).toBe("scripted");
    expect(fake.pendingScripts()).toBe(1);
    expect((await post("/embeddings", { model: "fake-embedding", input: "x" })).status).toBe(503);
    expect(fake.pendingScripts()).toBe(0);
  });

  it("breaks a stream mid-way without [DONE]", async () => {
    fake = await startFakeOpenAI();
    fake.script({ breakAfterChunks: 2, breakMode: "end" });
    const res = await post("/chat/completions", {
      model: "fake-model",
      messages: [{ role: "user", content: "a b c d" }],
      stream: true,
    });
    const { chunks, done } = sseData(await res.text());
    expect(chunks).toHaveLength(2);
    expect(done).toBe(false);
  });

  it("holds the last event of a stream until the test releases it", async () => {
    fake = await startFakeOpenAI();
    const release = Promise.withResolvers<void>();
    fake.script({ holdLastChunkUntil: release.promise });
    const res = await post("/completions", { model: "fake-model", prompt: "one two three", stream: true });
    const reader = (res.body as ReadableStream<Uint8Array>).pipeThrough(new TextDecoderStream()).getReader();
    let text = "";
    while (!text.includes("three")) text += (await reader.read()).value ?? "";
    expect(sseData(text).chunks.every((c) => c.choices[0]?.finish_reason === null)).toBe(true);
    release.resolve();
    for (let next = await reader.read(); !next.done; next = await reader.read()) text += next.value;
    const { chunks, done } = sseData(text);
    expect(chunks.at(-1)?.choices[0]?.finish_reason).toBe("stop");
    expect(done).toBe(true);
  });

  it("closes promptly while a delayed answer is pending", async () => {
    fake = await startFakeOpenAI();
    fake.script({ delayMs: 60_000 });
    const pending = post("/chat/completions", { model: "fake-model", messages: [] }).catch(
      (error: unknown) => error,
    );
    while (fake.requests.length === 0) await new Promise((r) => setTimeout(r, 5));
    await fake.close();
    expect(await pending).toBeInstanceOf(TypeError);
    fake = await startFakeOpenAI(); // afterEach closes this one
  });
});
