import { type FakeReranker, startFakeReranker } from "@uplift/test-support";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { configSchema } from "../config/index.js";
import { ConfigError } from "../errors.js";
import { silentLogger } from "../logger.js";
import { createReranker } from "./index.js";

let fake: FakeReranker;
beforeEach(async () => {
  fake = await startFakeReranker({ apiKey: "rk-test" });
});
afterEach(async () => {
  await fake.close();
});

const texts = ["the cafeteria menu", "how to rotate the database password", "rotate tyres every season"];
const env = { RERANK_KEY: "rk-test" };

function rerankerConfig(section: Record<string, unknown>) {
  return configSchema.parse({ reranker: { api_key_env: "RERANK_KEY", ...section } }).reranker;
}

describe("createReranker", () => {
  it("speaks the TEI /rerank shape for a server origin", async () => {
    const reranker = createReranker(rerankerConfig({ base_url: fake.url }), { env });
    expect(reranker?.api).toBe("tei");
    const scores = await reranker?.rerank("rotate database password", texts);
    expect(scores?.map((s) => s.index)).toEqual([1, 2, 0]);
    expect(fake.requests[0]).toMatchObject({
      path: "/rerank",
      authorization: "Bearer rk-test",
      body: { query: "rotate database password", texts },
    });
  });

  it("speaks the Cohere/Jina /v1/rerank shape for a base URL ending in /v1", async () => {
    const reranker = createReranker(rerankerConfig({ base_url: `${fake.url}/v1`, model: "jina-reranker" }), {
      env,
    });
    expect(reranker?.modelId).toBe("cohere:jina-reranker");
    const scores = await reranker?.rerank("rotate database password", texts);
    expect(scores?.[0]).toEqual({ index: 1, score: 1 });
    expect(fake.requests[0]).toMatchObject({
      path: "/v1/rerank",
      body: { model: "jina-reranker", query: "rotate database password", documents: texts, top_n: 3 },
    });
  });

  it("is absent without a base URL, and a model without one is a config error", () => {
    expect(createReranker(rerankerConfig({}))).toBeUndefined();
    expect(() => createReranker(rerankerConfig({ model: "m" }))).toThrow(ConfigError);
    expect(() => createReranker(rerankerConfig({ base_url: `${fake.url}/v1` }))).toThrow(/reranker.model/);
  });

  it("names the environment variable when the key is rejected", async () => {
    const reranker = createReranker(rerankerConfig({ base_url: fake.url }), {
      env: { RERANK_KEY: "wrong" },
      logger: silentLogger(),
    });
    await expect(reranker?.rerank("q", texts)).rejects.toThrow(/RERANK_KEY/);
  });
});
