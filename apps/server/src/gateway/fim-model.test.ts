import { describe, expect, it } from "vitest";
import { fimModelFor } from "./fim-model.js";

describe("fimModelFor", () => {
  it.each([
    ["codellama/CodeLlama-13b-hf", "codellama"],
    ["codellama:7b-code", "codellama"],
    ["bigcode/starcoder2-15b", "starcoder2"],
    ["deepseek-ai/deepseek-coder-6.7b-base", "deepseek-coder"],
    ["Qwen/Qwen2.5-Coder-7B", "qwen2.5-coder"],
    ["qwen2.5-coder:1.5b-base", "qwen2.5-coder"],
    ["qwen2.5-coder-1.5b-q4_k_m.gguf", "qwen2.5-coder"],
  ])("recognises %s as %s", (model, expected) => {
    expect(fimModelFor(model, undefined)).toBe(expected);
  });

  it("leaves a model of unknown format to the endpoint's own template", () => {
    expect(fimModelFor("gpt-4o-mini", undefined)).toBeUndefined();
    expect(fimModelFor(undefined, undefined)).toBeUndefined();
  });

  it("prefers the request's hint over the name", () => {
    expect(fimModelFor("my-finetune-v3", "starcoder2")).toBe("starcoder2");
  });
});
