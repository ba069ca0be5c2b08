import { type FakeOpenAI, fakeEmbedding, startFakeOpenAI } from "@uplift/test-support";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ConfigError } from "../errors.js";
import { silentLogger } from "../logger.js";
import { OpenAiEmbedder, type OpenAiEmbedderOptions } from "./openai.js";

let fake: FakeOpenAI;
let delays: number[];
beforeEach(async () => {
  fake = await startFakeOpenAI({ embeddingDimension: 12 });
  delays = [];
});
afterEach(async () => {
  await fake.close();
});

function embedder(options: Partial<OpenAiEmbedderOptions> = {}): OpenAiEmbedder {
  return new OpenAiEmbedder({
    baseUrl: fake.url,
    model: "fake-embedding",
    logger: silentLogger(),
    sleep: async (ms) => {
      delays.push(ms);
    },
    ...options,
  });
}

const texts = Array.from({ length: 10 }, (_, i) => `document number ${i} about topic ${i % 3}`);

describe("OpenAiEmbedder", () => {
  it("embeds in batches and returns one vector per text in input order", async () => {
    const vectors = await embedder({ batchSize: 4 }).embed(texts);
    expect(vectors).toEqual(texts.map((t) => fakeEmbedding(t, 12)));
    expect(fake.requests.map((r) => (r.body as { input: string[] }).input.length)).toEqual([4, 4, 2]);
    expect(fake.requests[0]?.body).toMatchObject({ model: "fake-embedding", encoding_format: "float" });
  });

  it("puts vectors back in input order when the endpoint returns them shuffled", async () => {
    fake.script({ reverseOrder: true });
    expect(await embedder().embed(texts.slice(0, 3))).toEqual(
      texts.slice(0, 3).map((t) => fakeEmbedding(t, 12)),
    );
  });

  it("learns the dimension from the first answer and names the model id", async () => {
    const e = embedder();
    expect(e.dimension).toBeUndefined();
    expect(e.modelId).toBe("openai:fake-embedding");
    expect(await e.detectDimension()).toBe(12);
    expect(e.dimension).toBe(12);
    expect(await e.embed([])).toEqual([]);
    expect(fake.requests).toHaveLength(1);
  });

  it("fails when the vectors do not have the configured dimension", async () => {
    await expect(embedder({ dimension: 768 }).embed(["x"])).rejects.toMatchObject({
      code: "UPLIFT_MODEL_BAD_RESPONSE",
      message: expect.stringContaining("returned a vector of 12 dimensions, expected 768"),
    });
  });

  it("retries a 429 with Retry-After in one batch and keeps the other batches", async () => {
    fake.script({ path: "/v1/embeddings", status: 429, retryAfter: 2 });
    const vectors = await embedder({ batchSize: 5 }).embed(texts);
    expect(vectors).toHaveLength(10);
    expect(delays).toEqual([2000]);
    expect(fake.requests).toHaveLength(3);
  });

  it("names embedder.model and embedder.api_key_env in its errors", async () => {
    await expect(embedder({ model: "missing" }).embed(["x"])).rejects.toThrow("(check embedder.model)");
    fake.script({ status: 401 });
    const error = await embedder({ apiKeyEnv: "EMBED_KEY" })
      .embed(["x"])
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toContain("endpoint rejected the API key (set $EMBED_KEY)");
  });
});
