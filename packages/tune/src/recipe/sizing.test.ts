import { describe, expect, it } from "vitest";
import { BASE_MODELS, resolveBaseModel } from "./base-models.js";
import { loraTrainableParameters, parameterCounts } from "./linear-layers.js";
import { chooseMicroBatch, estimateSizing, type SizingInput } from "./sizing.js";

const codeLlama13b = resolveBaseModel("codellama-13b");
const reference: SizingInput = {
  model: codeLlama13b,
  method: "lora",
  stage: "cpt",
  gpu: "h200",
  gpus: 1,
  seqLen: 4096,
  microBatch: 1,
  loraRank: 16,
  tokens: 1e9,
  epochs: 1,
  gpuHourCost: null,
};

describe("parameter counts from shapes", () => {
  // published sizes (model cards / papers), in billions
  const published: Record<string, number> = {
    "codellama-7b": 6.74,
    "codellama-13b": 13.02,
    "codellama-34b": 33.74,
    "starcoder2-3b": 3.03,
    "starcoder2-7b": 7.17,
    "deepseek-coder-1.3b": 1.35,
    "deepseek-coder-6.7b": 6.74,
    "deepseek-coder-33b": 33.34,
    "qwen2.5-coder-1.5b": 1.54,
    "qwen2.5-coder-7b": 7.62,
    "qwen2.5-coder-14b": 14.7,
    "qwen2.5-coder-32b": 32.5,
    "llama3.1-8b": 8.03,
  };
  it.each(Object.entries(published))("%s has about %dB parameters", (id, billions) => {
    const total = parameterCounts(resolveBaseModel(id)).total / 1e9;
    expect(Math.abs(total - billions) / billions).toBeLessThan(0.02);
  });

  it("knows every model of the brief and finds them by HF id", () => {
    expect(BASE_MODELS).toHaveLength(14);
    expect(resolveBaseModel("codellama/CodeLlama-13b-hf").id).toBe("codellama-13b");
    expect(resolveBaseModel("Qwen/Qwen2.5-Coder-7B").id).toBe("qwen2.5-coder-7b");
    expect(resolveBaseModel("CodeLlama-34b-hf").id).toBe("codellama-34b");
    expect(resolveBaseModel("deepseek-ai/deepseek-coder-6.7b-base").id).toBe("deepseek-coder-6.7b");
    expect(resolveBaseModel("Meta-Llama-3.1-8B").id).toBe("llama3.1-8b");
    expect(resolveBaseModel("StarCoder2-15B").id).toBe("starcoder2-15b");
    // sizes stay apart: 1.5B is not 15B
    expect(resolveBaseModel("qwen2.5-coder-1.5b").id).toBe("qwen2.5-coder-1.5b");
    expect(() => resolveBaseModel("qwen2.5-coder-15b")).toThrow(/unknown base model/);
  });

  it("counts LoRA parameters as r·(in+out) over every linear layer", () => {
    // Code Llama 13B, r=16: (4·16·(5120+5120) + 3·16·(5120+13824)) · 40 layers
    expect(loraTrainableParameters(codeLlama13b, 16)).toBe(62_586_880);
    expect(loraTrainableParameters(codeLlama13b, 32)).toBe(2 * 62_586_880);
  });
});

describe("calibration against the measured H200 run", () => {
  it("reproduces 3.9k tokens/s and 71 GPU-hours per billion tokens", () => {
    const estimate = estimateSizing(reference);
    expect(estimate.tokens_per_second).toBe(3900);
    expect(estimate.gpu_hours).toBeCloseTo(71.2, 1);
  });

  it("lands within 5 % of the measured 28 GiB (micro-batch 1) and 38 GiB (micro-batch 4) peaks", () => {
    const one = estimateSizing(reference).memory_gib_per_gpu.total;
    const four = estimateSizing({ ...reference, microBatch: 4 }).memory_gib_per_gpu.total;
    expect(Math.abs(one - 28) / 28).toBeLessThan(0.05);
    expect(Math.abs(four - 38) / 38).toBeLessThan(0.05);
    // activations grow by the measured 10 GiB
    expect(four - one).toBeCloseTo(10, 1);
  });
});

describe("the estimate's formula", () => {
  it("stores QLoRA weights in about a quarter of the bf16 bytes", () => {
    const lora = estimateSizing(reference).memory_gib_per_gpu.weights;
    const qlora = estimateSizing({ ...reference, method: "qlora" }).memory_gib_per_gpu.weights;
    expect(qlora / lora).toBeGreaterThan(0.25);
    expect(qlora / lora).toBeLessThan(0.35);
  });

  it("charges full fine-tuning 16 bytes per parameter, sharded over the GPUs", () => {
    const one = estimateSizing({ ...reference, method: "full" });
    const eight = estimateSizing({ ...reference, method: "full", gpus: 8 });
    const states = (m: typeof one.memory_gib_per_gpu) => m.weights + m.gradients + m.optimizer;
    expect(states(one.memory_gib_per_gpu) * 1024 ** 3).toBeCloseTo(16 * one.params, -9);
    expect(states(eight.memory_gib_per_gpu)).toBeCloseTo(states(one.memory_gib_per_gpu) / 8, 1);
    expect(one.fits).toBe(false);
    expect(eight.fits).toBe(true);
  });

  it("counts two sequences per DPO pair and the reference model's forward", () => {
    const cpt = estimateSizing(reference);
    const dpo = estimateSizing({ ...reference, stage: "dpo" });
    expect(dpo.memory_gib_per_gpu.activations).toBeCloseTo(2 * cpt.memory_gib_per_gpu.activations, 1);
    expect(dpo.tokens_per_second).toBeLessThan(cpt.tokens_per_second);
  });

  it("scales hours with tokens and epochs, and prices GPU-hours", () => {
    const base = estimateSizing({ ...reference, gpuHourCost: 4 });
    const twice = estimateSizing({ ...reference, epochs: 2, gpuHourCost: 4 });
    expect(twice.hours).toBeCloseTo(2 * (base.hours ?? 0), 1);
    expect(base.cost).toBeCloseTo(4 * (base.gpu_hours ?? 0), 0);
    expect(estimateSizing({ ...reference, tokens: null }).hours).toBeNull();
  });

  it("picks the largest micro-batch that fits and reports when nothing does", () => {
    const { microBatch: _, ...rest } = reference;
    expect(chooseMicroBatch(rest).micro_batch_size).toBe(8);
    expect(chooseMicroBatch({ ...rest, gpu: "a100-40" }).micro_batch_size).toBe(2);
    const tooBig = chooseMicroBatch({
      ...rest,
      model: resolveBaseModel("codellama-34b"),
      method: "full",
      gpu: "l40s",
    });
    expect(tooBig.fits).toBe(false);
    expect(tooBig.micro_batch_size).toBe(1);
  });
});

describe("resolveBaseModel", () => {
  it("lists the known models for an unknown name", () => {
    expect(() => resolveBaseModel("gpt-5")).toThrow(/unknown base model; known: codellama-7b/);
  });

  it("accepts an HF id with explicit shapes and asks for the missing ones", () => {
    expect(() => resolveBaseModel("acme/coder-3b", { layers: 24 })).toThrow(/--hidden, --heads, --kv-heads/);
    const custom = resolveBaseModel("acme/coder-3b", {
      layers: 24,
      hidden: 2048,
      heads: 16,
      kvHeads: 16,
      intermediate: 5504,
      vocab: 32_256,
    });
    // the same shapes as DeepSeek-Coder 1.3B
    expect(parameterCounts(custom).total).toBe(
      parameterCounts(resolveBaseModel("deepseek-coder-1.3b")).total,
    );
  });
});
