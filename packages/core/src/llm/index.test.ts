import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Writable } from "node:stream";
import { startFakeOpenAI } from "@uplift/test-support";
import { describe, expect, it } from "vitest";
import { configSchema } from "../config/index.js";
import { ConfigError, InputError } from "../errors.js";
import { createLogger } from "../logger.js";
import { createLlmProvider } from "./index.js";

const llmConfig = (llm: Record<string, unknown>) => configSchema.parse({ llm }).llm;

function capturingLogger() {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { logger: createLogger({ level: "warn", destination }), lines };
}

describe("createLlmProvider", () => {
  it("returns undefined when no model is configured", () => {
    expect(createLlmProvider(llmConfig({}), { env: {} })).toBeUndefined();
  });

  it("reads the API key from the variable named by llm.api_key_env and sends it as a Bearer token", async () => {
    const fake = await startFakeOpenAI({ apiKey: "sk-secret" });
    try {
      const config = llmConfig({ base_url: fake.url, model: "fake-model", api_key_env: "TEAM_LLM_KEY" });
      expect(JSON.stringify(config)).not.toContain("sk-secret");
      const llm = createLlmProvider(config, { env: { TEAM_LLM_KEY: "sk-secret" } });
      expect(llm).toMatchObject({ kind: "openai", id: "fake-model" });
      const answer = await llm?.chat({ messages: [{ role: "user", content: "hi" }] });
      expect(answer?.text).toBe("echo: hi");
      expect(fake.requests[0]?.headers.authorization).toBe("Bearer sk-secret");
    } finally {
      await fake.close();
    }
  });

  it("warns when the named key variable is unset, and the 401 names it", async () => {
    const fake = await startFakeOpenAI({ apiKey: "sk-secret" });
    const { logger, lines } = capturingLogger();
    try {
      const config = llmConfig({ base_url: fake.url, model: "fake-model", api_key_env: "TEAM_LLM_KEY" });
      const llm = createLlmProvider(config, { env: {}, logger });
      expect(lines.join("")).toContain("llm.api_key_env names $TEAM_LLM_KEY, which is not set");
      await expect(llm?.chat({ messages: [{ role: "user", content: "hi" }] })).rejects.toThrow(
        "endpoint rejected the API key (set $TEAM_LLM_KEY)",
      );
      expect(fake.requests[0]?.headers.authorization).toBeUndefined();
    } finally {
      await fake.close();
    }
  });

  it("rejects incomplete or conflicting settings with the key to fix", () => {
    expect(() => createLlmProvider(llmConfig({ base_url: "http://x/v1" }))).toThrow(ConfigError);
    expect(() => createLlmProvider(llmConfig({ base_url: "http://x/v1" }))).toThrow("llm.model is required");
    expect(() => createLlmProvider(llmConfig({ model: "m" }))).toThrow("llm.base_url is not set");
    expect(() =>
      createLlmProvider(llmConfig({ base_url: "http://x/v1", model: "m", gguf_path: "m.gguf" })),
    ).toThrow("llm.base_url and llm.gguf_path are both set");
  });

  it("selects the local GGUF driver for llm.gguf_path, checking the file first", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "uplift-llm-"));
    const missing = path.join(dir, "missing.gguf");
    expect(() => createLlmProvider(llmConfig({ gguf_path: missing }))).toThrow(InputError);
    expect(() => createLlmProvider(llmConfig({ gguf_path: missing }))).toThrow(
      `${missing}: GGUF model file not found`,
    );
    const file = path.join(dir, "model.gguf");
    writeFileSync(file, Buffer.from("GGUF\u0003\u0000\u0000\u0000", "latin1"));
    expect(createLlmProvider(llmConfig({ gguf_path: file }))).toMatchObject({
      kind: "llama-cpp",
      id: "model.gguf",
    });
  });
});
