import type { BaseModel } from "./base-models.js";
import type { DatasetInput } from "./dataset-input.js";
import type { GpuKind } from "./gpus.js";

export const METHODS = ["lora", "qlora", "full"] as const;
export type Method = (typeof METHODS)[number];

/** Continued pretraining, supervised fine-tuning, DPO from preference pairs. */
export const STAGES = ["cpt", "sft", "dpo"] as const;
export type Stage = (typeof STAGES)[number];

export const FRAMEWORKS = ["axolotl", "torchtune", "trl"] as const;
export type Framework = (typeof FRAMEWORKS)[number];

export const TARGETS = ["k8s", "ray", "skypilot"] as const;
export type Target = (typeof TARGETS)[number];

/** Everything a recipe is generated from, validated (the CLI parses flags into this). */
export interface RecipeRequest {
  model: BaseModel;
  method: Method;
  stage: Stage;
  framework: Framework;
  target: Target;
  gpu: GpuKind;
  gpus: number;
  seqLen: number;
  epochs: number;
  /** Per-GPU micro-batch; chosen by the sizing estimate when absent. */
  microBatch?: number;
  loraRank: number;
  loraAlpha: number;
  /** Learning rate; a default per method and stage when absent. */
  learningRate?: number;
  gpuHourCost: number | null;
  dataset: DatasetInput;
  /** Name of the Job / RayJob / task and label of every resource (DNS-1123). */
  name: string;
  /** Kubernetes/Ray: PersistentVolumeClaims holding the dataset and receiving checkpoints. */
  datasetClaim: string;
  outputClaim: string;
  /** Container image; the framework's published image when absent. */
  image?: string;
}

/** Where things are inside the training container, the same on every target. */
export const CONTAINER_PATHS = {
  dataset: "/data/dataset",
  output: "/data/output",
  /** Kubernetes and Ray mount the generated files here (a ConfigMap); SkyPilot syncs its workdir. */
  recipe: "/workspace/recipe",
} as const;

/** Learning-rate defaults: adapters learn faster than full weights; DPO is gentle. */
export function defaultLearningRate(method: Method, stage: Stage): number {
  if (stage === "dpo") return method === "full" ? 5e-7 : 5e-6;
  if (method === "full") return stage === "cpt" ? 2e-5 : 1e-5;
  return stage === "cpt" ? 1e-4 : 2e-4;
}

/** Sequences (DPO: pairs) per optimizer step across all GPUs, reached by gradient accumulation. */
export function globalBatchTarget(stage: Stage): number {
  return stage === "cpt" ? 256 : stage === "sft" ? 64 : 32;
}

export function gradientAccumulation(stage: Stage, microBatch: number, gpus: number): number {
  return Math.max(1, Math.round(globalBatchTarget(stage) / (microBatch * gpus)));
}
