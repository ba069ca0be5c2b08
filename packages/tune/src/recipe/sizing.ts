import { type BaseModel, resolveBaseModel } from "./base-models.js";
import { GPUS, type GpuKind } from "./gpus.js";
import { loraTrainableParameters, parameterCounts } from "./linear-layers.js";
import type { Method, Stage } from "./recipe-request.js";

const GIB = 1024 ** 3;

/**
 * Calibration point, measured on one H200 with Code Llama 13B (bf16, transformers + peft):
 * LoRA r=16 on all linear layers, sequence 4,096, gradient checkpointing → ≈ 3.9k tokens/s,
 * peak 28 GiB at micro-batch 1 and 38 GiB at micro-batch 4 (shared/DESIGN.md, dependency facts).
 */
export const CALIBRATION = {
  model: "codellama-13b",
  gpu: "h200" as GpuKind,
  loraRank: 16,
  seqLen: 4096,
  tokensPerSecond: 3900,
  peakGib: { 1: 28, 4: 38 },
} as const;

/** Assumptions that are not calibrated (stated in docs/tune.md). */
export const ASSUMPTIONS = {
  /** CUDA context and allocator reserve per GPU. */
  overheadGib: 0.5,
  /** NF4 with double quantization: 4 bits + 0.127 bits of constants per weight (QLoRA paper). */
  qloraBitsPerWeight: 4.127,
  /** QLoRA speed relative to LoRA (dequantizing every weight on every pass). */
  qloraSpeedFactor: 0.7,
  /** Data-parallel scaling efficiency once more than one GPU works on the job. */
  multiGpuEfficiency: 0.9,
  /** Part of GPU memory a plan may fill before it is reported as not fitting. */
  usableMemoryShare: 0.92,
};

export interface SizingInput {
  model: BaseModel;
  method: Method;
  stage: Stage;
  gpu: GpuKind;
  gpus: number;
  seqLen: number;
  microBatch: number;
  loraRank: number;
  /** Training tokens of the dataset for this stage (one epoch); null when unknown. */
  tokens: number | null;
  epochs: number;
  gpuHourCost: number | null;
}

/** The sizing estimate printed beside a recipe and written to `sizing.json` (snake_case JSON). */
export interface SizingEstimate {
  base: string;
  method: Method;
  stage: Stage;
  gpu: GpuKind;
  gpus: number;
  seq_len: number;
  micro_batch_size: number;
  params: number;
  trainable_params: number;
  memory_gib_per_gpu: {
    weights: number;
    gradients: number;
    optimizer: number;
    activations: number;
    overhead: number;
    total: number;
    capacity: number;
  };
  fits: boolean;
  tokens_per_second: number;
  tokens_per_second_per_gpu: number;
  dataset_tokens: number | null;
  epochs: number;
  hours: number | null;
  gpu_hours: number | null;
  gpu_hour_cost: number | null;
  cost: number | null;
  basis: { formula: string[]; calibration: string[]; assumptions: string[] };
}

/** Activation bytes per token of one sequence with gradient checkpointing, before calibration. */
function activationBytesPerToken(m: BaseModel): number {
  // checkpointed layer inputs (bf16) + one layer recomputed in full during backward
  // (34·h bytes per token, Korthikanti et al. 2022, flash attention so no s² term)
  // + logits: bf16 output, fp32 upcast for the loss and its fp32 gradient (2 + 4 + 4 bytes).
  return m.layers * m.hidden * 2 + 34 * m.hidden + m.vocab * 10;
}

/** Training FLOPs per token: dense matmuls and causal attention, by method and stage. */
function flopsPerToken(m: BaseModel, method: Method, stage: Stage, seqLen: number): number {
  const dense = 2 * parameterCounts(m).matmul;
  const attention = 2 * m.layers * m.hidden * seqLen;
  // forward, recomputed forward (checkpointing), backward for inputs (= 1 forward) and, for
  // full fine-tuning, backward for weights (= 1 forward). Attention backward ≈ 2 forwards.
  const denseMultiple = method === "full" ? 4 : 3;
  const reference = stage === "dpo" ? dense + attention : 0; // the frozen reference's forward
  return denseMultiple * dense + 4 * attention + reference;
}

const reference = resolveBaseModel(CALIBRATION.model);
const referenceActivationGib = (CALIBRATION.seqLen * activationBytesPerToken(reference)) / GIB;
/** Measured GiB per extra sequence of 4,096 tokens, over the formula's. */
export const ACTIVATION_SCALE =
  (CALIBRATION.peakGib[4] - CALIBRATION.peakGib[1]) / 3 / referenceActivationGib;
/** Model FLOPs utilisation implied by the measured 3.9k tokens/s. */
export const CALIBRATED_MFU =
  (CALIBRATION.tokensPerSecond * flopsPerToken(reference, "lora", "cpt", CALIBRATION.seqLen)) /
  (GPUS[CALIBRATION.gpu].bf16Tflops * 1e12);

/** Estimates memory per GPU, throughput, hours and cost of one recipe. Pure. */
export function estimateSizing(input: SizingInput): SizingEstimate {
  const { model, method, stage, gpus } = input;
  const counts = parameterCounts(model);
  const spec = GPUS[input.gpu];
  const trainable = method === "full" ? counts.total : loraTrainableParameters(model, input.loraRank);
  // full fine-tuning is sharded (FSDP / ZeRO-3) over the GPUs; adapters are replicated (DDP)
  const shard = method === "full" ? gpus : 1;
  let weightsBytes: number;
  let gradientBytes: number;
  let optimizerBytes: number;
  if (method === "full") {
    weightsBytes = (2 * counts.total * (stage === "dpo" ? 2 : 1)) / shard; // + frozen reference for DPO
    gradientBytes = (2 * counts.total) / shard;
    optimizerBytes = (12 * counts.total) / shard; // fp32 master weights + AdamW m and v
  } else {
    const base =
      method === "qlora"
        ? (counts.linear * ASSUMPTIONS.qloraBitsPerWeight) / 8 + (counts.total - counts.linear) * 2
        : counts.total * 2;
    weightsBytes = base + trainable * 4; // adapters kept in fp32
    gradientBytes = trainable * 4;
    optimizerBytes = trainable * 8; // AdamW m and v in fp32
  }
  const sequencesPerItem = stage === "dpo" ? 2 : 1; // chosen and rejected
  const activationBytes =
    input.microBatch * sequencesPerItem * input.seqLen * activationBytesPerToken(model) * ACTIVATION_SCALE;
  const memory = {
    weights: weightsBytes / GIB,
    gradients: gradientBytes / GIB,
    optimizer: optimizerBytes / GIB,
    activations: activationBytes / GIB,
    overhead: ASSUMPTIONS.overheadGib,
  };
  const total = memory.weights + memory.gradients + memory.optimizer + memory.activations + memory.overhead;

  const perGpu =
    ((CALIBRATED_MFU * spec.bf16Tflops * 1e12) / flopsPerToken(model, method, stage, input.seqLen)) *
    (method === "qlora" ? ASSUMPTIONS.qloraSpeedFactor : 1);
  const tokensPerSecond = perGpu * gpus * (gpus > 1 ? ASSUMPTIONS.multiGpuEfficiency : 1);
  const hours = input.tokens === null ? null : (input.tokens * input.epochs) / tokensPerSecond / 3600;
  const gpuHours = hours === null ? null : hours * gpus;
  const cost = gpuHours === null || input.gpuHourCost === null ? null : gpuHours * input.gpuHourCost;

  return {
    base: model.id,
    method,
    stage,
    gpu: input.gpu,
    gpus,
    seq_len: input.seqLen,
    micro_batch_size: input.microBatch,
    params: counts.total,
    trainable_params: trainable,
    memory_gib_per_gpu: {
      weights: round(memory.weights),
      gradients: round(memory.gradients),
      optimizer: round(memory.optimizer),
      activations: round(memory.activations),
      overhead: memory.overhead,
      total: round(total),
      capacity: spec.memoryGib,
    },
    fits: total <= spec.memoryGib * ASSUMPTIONS.usableMemoryShare,
    tokens_per_second: Math.round(tokensPerSecond),
    tokens_per_second_per_gpu: Math.round(perGpu),
    dataset_tokens: input.tokens,
    epochs: input.epochs,
    hours: hours === null ? null : round(hours),
    gpu_hours: gpuHours === null ? null : round(gpuHours),
    gpu_hour_cost: input.gpuHourCost,
    cost: cost === null ? null : round(cost),
    basis: BASIS,
  };
}

/** The largest micro-batch of 8, 4, 2, 1 that fits; 1 (with `fits: false`) when none does. */
export function chooseMicroBatch(input: Omit<SizingInput, "microBatch">): SizingEstimate {
  for (const microBatch of [8, 4, 2]) {
    const estimate = estimateSizing({ ...input, microBatch });
    if (estimate.fits) return estimate;
  }
  return estimateSizing({ ...input, microBatch: 1 });
}

const BASIS: SizingEstimate["basis"] = {
  formula: [
    "parameters, LoRA trainable parameters (r·(in+out) per linear layer) and FLOPs from the model's shapes",
    "weights: 2 bytes/param bf16; QLoRA: 4.127 bits per linear weight (NF4 + double quantization), rest bf16",
    "LoRA: adapters fp32 (4 B) + gradients fp32 (4 B) + AdamW m,v (8 B) per trainable param",
    "full: bf16 gradients (2 B) + fp32 master weights and AdamW m,v (12 B) per param, sharded over GPUs",
    "activations with gradient checkpointing: seq·(layers·hidden·2 + 34·hidden + vocab·10) bytes per sequence",
    "FLOPs/token: dense 6·N (LoRA: forward, recompute, input backward) or 8·N (full) + causal attention",
  ],
  calibration: [
    "activation bytes scaled so Code Llama 13B LoRA r=16 seq 4096 gains 10 GiB from micro-batch 1 to 4 (H200)",
    "model FLOPs utilisation set so that configuration runs at 3.9k tokens/s on one H200 (1B tokens ≈ 71 GPU-hours)",
  ],
  assumptions: [
    "0.5 GiB CUDA context per GPU; a plan fits when it needs ≤ 92 % of the GPU's memory",
    "QLoRA runs at 0.7× LoRA speed; 0.9 data-parallel efficiency above one GPU",
    "the same utilisation on every GPU kind, scaled by its dense BF16 peak",
  ],
};

function round(x: number): number {
  return Math.round(x * 100) / 100;
}
