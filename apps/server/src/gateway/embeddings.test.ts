import { type FakeOpenAI, fakeEmbedding, startFakeOpenAI } from "@uplift/test-support";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../create-app.js";
import { TEST_TOKEN, testServerDeps } from "../test-deps.js";
import { memoryTelemetry } from "../test-services.js";
import { fakeEmbedder, fakeLlm, postJson } from "./gateway-test-kit.js";

let fake: FakeOpenAI;
beforeAll(async () => {
  fake = await startFakeOpenAI();
});
afterAll(async () => {
  await fake.close();
});

describe("POST /v1/embeddings", () => {
  it("passes the texts to the configured embedder and answers in OpenAI's shape", async () => {
    const { telemetry, events } = memoryTelemetry();
    const app = createApp(testServerDeps({ embedder: fakeEmbedder(fake), telemetry }));
    const res = await app.request(
      "/v1/embeddings",
      postJson({ model: "x", input: ["format amount", "parse"] }),
    );
    expect(res.status).toBe(200);
    const body = (await res.json()) as { data: { index: number; embedding: number[] }[]; model: string };
    expect(body.model).toBe("fake-embedding");
    expect(body.data.map((d) => d.index)).toEqual([0, 1]);
    expect(body.data[0]?.embedding).toEqual(fakeEmbedding("format amount", 16));
    expect(events).toEqual([
      expect.objectContaining({ kind: "embeddings", model: "openai:fake-embedding", status: "ok" }),
    ]);
  });

  it("encodes base64 as little-endian float32, as the OpenAI SDKs ask", async () => {
    const app = createApp(testServerDeps({ embedder: fakeEmbedder(fake) }));
    const res = await app.request("/v1/embeddings", postJson({ input: "parse", encoding_format: "base64" }));
    const body = (await res.json()) as { data: { embedding: string }[] };
    const bytes = Buffer.from(body.data[0]?.embedding ?? "", "base64");
    const floats = Array.from(new Float32Array(bytes.buffer, bytes.byteOffset, bytes.length / 4));
    expect(floats).toEqual(fakeEmbedding("parse", 16).map((x) => Math.fround(x)));
  });

  it("answers 501 saying what to configure when there is no embedder", async () => {
    const res = await createApp(testServerDeps()).request("/v1/embeddings", postJson({ input: "x" }));
    expect(res.status).toBe(501);
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe("UPLIFT_NO_EMBEDDER");
    expect(body.error.message).toContain("embedder.base_url");
  });
});

describe("GET /v1/models", () => {
  const auth = { headers: { Authorization: `Bearer ${TEST_TOKEN}` } };

  it("lists the configured model and embedder", async () => {
    const app = createApp(testServerDeps({ llm: fakeLlm(fake), embedder: fakeEmbedder(fake) }));
    const body = (await (await app.request("/v1/models", auth)).json()) as { data: { id: string }[] };
    expect(body.data.map((m) => m.id)).toEqual(["fake-model", "fake-embedding"]);
  });

  it("lists a context-only model when none is configured", async () => {
    const body = (await (await createApp(testServerDeps()).request("/v1/models", auth)).json()) as {
      data: { id: string }[];
    };
    expect(body.data.map((m) => m.id)).toEqual(["uplift-context-only"]);
  });
});

describe("gateway authentication", () => {
  it.each([
    ["GET", "/v1/models"],
    ["POST", "/v1/completions"],
    ["POST", "/v1/chat/completions"],
    ["POST", "/v1/embeddings"],
  ])("answers 401 to %s %s without a token", async (method, path) => {
    const res = await createApp(testServerDeps()).request(path, { method });
    expect(res.status).toBe(401);
    expect(res.headers.get("WWW-Authenticate")).toMatch(/^Bearer/);
  });
});
