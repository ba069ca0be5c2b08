import type { Command } from "commander";
import { lazy, withGlobalOptions } from "../../options.js";

/** Adds `uplift tune recipe` (issue 9, recipes) to the `tune` command group. */
export function registerTuneRecipeCommand(tune: Command): void {
  withGlobalOptions(tune.command("recipe"))
    .description(
      "generate a ready-to-run training recipe (Axolotl / torchtune / TRL) with a launch manifest and a sizing estimate",
    )
    .requiredOption(
      "--base <model>",
      "base model: a known id (e.g. codellama-13b) or HF id; org/name with its shapes",
    )
    .requiredOption("--method <method>", "lora|qlora|full")
    .requiredOption("--framework <name>", "axolotl|torchtune|trl")
    .requiredOption("--target <target>", "k8s|ray|skypilot")
    .requiredOption(
      "--out <dir>",
      "output directory (written whole; an existing non-empty one needs --force)",
    )
    .option("--stage <stage>", "cpt (continued pretraining) | sft | dpo (preference pairs)", "cpt")
    .option("--dataset <dir>", "a `tune dataset` output: shards and manifest.json (token counts)")
    .option(
      "--tokens <n>",
      "training tokens per epoch, when there is no --dataset or to override its manifest",
    )
    .option("--gpus <n>", "number of GPUs (more than 8: --target skypilot, multiples of 8)", "1")
    .option("--gpu <kind>", "h100|h200|a100-80|a100-40|l40s", "h100")
    .option("--seq-len <n>", "sequence length in tokens", "4096")
    .option("--epochs <n>", "passes over the dataset", "1")
    .option("--micro-batch <n>", "per-GPU micro-batch (default: the largest of 8, 4, 2, 1 that fits)")
    .option("--lora-rank <n>", "LoRA rank r (lora, qlora)", "16")
    .option("--lora-alpha <n>", "LoRA alpha (default 2·r)")
    .option("--learning-rate <x>", "peak learning rate (default by method and stage)")
    .option("--gpu-hour-cost <x>", "price of one GPU-hour, for the cost estimate")
    .option("--name <name>", "Job / RayJob / task name (DNS-1123; default from model, stage, method)")
    .option(
      "--dataset-claim <pvc>",
      "k8s/ray: PVC holding the dataset, mounted at /data/dataset",
      "uplift-dataset",
    )
    .option(
      "--output-claim <pvc>",
      "k8s/ray: PVC for checkpoints and weights, mounted at /data/output",
      "uplift-checkpoints",
    )
    .option("--image <image>", "container image (default: the framework's; Ray: rayproject/ray GPU image)")
    .option("--force", "replace a non-empty --out")
    .option("--layers <n>", "custom model: decoder layers")
    .option("--hidden <n>", "custom model: hidden size")
    .option("--heads <n>", "custom model: attention heads")
    .option("--kv-heads <n>", "custom model: key/value heads")
    .option("--intermediate <n>", "custom model: MLP inner size")
    .option("--vocab <n>", "custom model: vocabulary size")
    .action(lazy(async () => (await import("./recipe-command.js")).tuneRecipeCommand));
}
