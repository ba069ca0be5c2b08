import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { OpenAiLlmProvider, silentLogger } from "@uplift/core";
import { type FakeOpenAI, startFakeOpenAI } from "@uplift/test-support";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningServer, startServer } from "../start-server.js";
import { testServerDeps } from "../test-deps.js";
import { memoryTelemetry } from "../test-services.js";
import { fakeLlm, postJson } from "./gateway-test-kit.js";

let fake: FakeOpenAI;
let server: RunningServer;
const { telemetry, events } = memoryTelemetry();
const listen = { port: 0, host: "127.0.0.1", signals: [] };

beforeAll(async () => {
  fake = await startFakeOpenAI();
  server = await startServer(testServerDeps({ llm: fakeLlm(fake), telemetry }), listen);
});
afterAll(async () => {
  await server.close();
  await fake.close();
});

/** Starts a streamed chat (or completion), reads its first chunk, then goes away. */
async function leaveAfterFirstChunk(url: string, path = "/v1/chat/completions"): Promise<string> {
  const controller = new AbortController();
  const body =
    path === "/v1/completions"
      ? { prompt: "count", suffix: "", stream: true, uplift: { context: false } }
      : { messages: [{ role: "user", content: "count" }], stream: true };
  const res = await fetch(`${url}${path}`, { ...postJson(body), signal: controller.signal });
  const reader = res.body?.getReader();
  const first = await reader?.read();
  controller.abort();
  await reader?.cancel().catch(() => {});
  return new TextDecoder().decode(first?.value);
}

describe("a streamed chat whose client goes away", () => {
  it("is recorded as 499 UPLIFT_CLIENT_CLOSED", async () => {
    // 40 words, one chunk each, 50 ms apart: the stream is still running when the client leaves
    fake.script({
      path: "/v1/chat/completions",
      text: Array.from({ length: 40 }, (_, i) => `w${i}`).join(" "),
      chunkDelayMs: 50,
    });
    expect(await leaveAfterFirstChunk(server.url)).toContain("chat.completion.chunk");
    await expect.poll(() => events.length, { timeout: 5_000 }).toBe(1);
    expect(events[0]).toMatchObject({
      kind: "chat",
      stream: true,
      status: "error",
      http_status: 499,
      error_code: "UPLIFT_CLIENT_CLOSED",
    });
  });

  it.each(["/v1/chat/completions", "/v1/completions"])(
    "closes the connection to the upstream model (%s)",
    async (path) => {
      const upstream = await endlessUpstream();
      const llm = new OpenAiLlmProvider({
        baseUrl: upstream.url,
        model: "m",
        timeoutMs: 5_000,
        logger: silentLogger(),
        retry: { maxRetries: 0 },
      });
      const app = await startServer(testServerDeps({ llm }), listen);
      try {
        expect(await leaveAfterFirstChunk(app.url, path)).toContain('"x "');
        await expect(upstream.clientClosed).resolves.toBe(true);
      } finally {
        await app.close();
        await upstream.close();
      }
    },
  );
});

/**
 * An OpenAI-compatible chat and completions endpoint that streams a chunk every 20 ms and never
 * ends: only its client closing the connection stops it, which `clientClosed` reports.
 */
async function endlessUpstream() {
  let report: (closed: boolean) => void = () => {};
  const clientClosed = new Promise<boolean>((resolve) => {
    report = resolve;
  });
  const server = createServer((req, res) => {
    req.resume();
    res.writeHead(200, { "content-type": "text/event-stream" });
    const chunk =
      req.url?.endsWith("/completions") && !req.url.endsWith("/chat/completions")
        ? { choices: [{ index: 0, text: "x ", finish_reason: null }] }
        : { choices: [{ index: 0, delta: { content: "x " }, finish_reason: null }] };
    const timer = setInterval(() => res.write(`data: ${JSON.stringify(chunk)}\n\n`), 20);
    res.on("close", () => {
      clearInterval(timer);
      report(true);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    clientClosed,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
