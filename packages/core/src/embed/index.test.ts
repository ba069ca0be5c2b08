import { startFakeOpenAI } from "@uplift/test-support";
import { describe, expect, it } from "vitest";
import { configSchema } from "../config/index.js";
import { ConfigError } from "../errors.js";
import { createEmbedder } from "./index.js";

const embedderConfig = (embedder: Record<string, unknown>) => configSchema.parse({ embedder }).embedder;

describe("createEmbedder", () => {
  it("returns undefined when no embedder is configured", () => {
    expect(createEmbedder(embedderConfig({}), { env: {} })).toBeUndefined();
  });

  it("creates an OpenAI-compatible embedder that sends the key from the named variable", async () => {
    const fake = await startFakeOpenAI({ apiKey: "sk-embed" });
    try {
      const config = embedderConfig({
        base_url: fake.url,
        model: "fake-embedding",
        api_key_env: "EMBED_KEY",
      });
      const embedder = createEmbedder(config, { env: { EMBED_KEY: "sk-embed" } });
      expect(embedder?.modelId).toBe("openai:fake-embedding");
      expect(await embedder?.embed(["a", "b"])).toHaveLength(2);
      expect(fake.requests[0]?.headers.authorization).toBe("Bearer sk-embed");
    } finally {
      await fake.close();
    }
  });

  it("rejects incomplete settings and the not-yet-available ONNX driver with the key to fix", () => {
    expect(() => createEmbedder(embedderConfig({ base_url: "http://x/v1" }))).toThrow(
      "embedder.model is required",
    );
    expect(() => createEmbedder(embedderConfig({ model: "m" }))).toThrow("embedder.base_url is not set");
    expect(() => createEmbedder(embedderConfig({ onnx_dir: "models/e5" }))).toThrow(ConfigError);
    expect(() => createEmbedder(embedderConfig({ onnx_dir: "models/e5" }))).toThrow(
      "embedder.onnx_dir (models/e5)",
    );
  });
});
