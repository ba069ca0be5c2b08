import path from "node:path";
import { InputError } from "@uplift/core";
import {
  type BuiltRecipe,
  buildRecipe,
  FRAMEWORKS,
  GPU_KINDS,
  METHODS,
  readDatasetInput,
  resolveBaseModel,
  type SizingEstimate,
  STAGES,
  TARGETS,
  writeRecipeFiles,
} from "@uplift/tune";
import { withContext } from "../../context.js";
import type { GlobalOptions } from "../../options.js";

export interface RecipeFlags {
  base: string;
  method: string;
  framework: string;
  target: string;
  out: string;
  stage: string;
  dataset?: string;
  tokens?: string;
  gpus: string;
  gpu: string;
  seqLen: string;
  epochs: string;
  microBatch?: string;
  loraRank: string;
  loraAlpha?: string;
  learningRate?: string;
  gpuHourCost?: string;
  name?: string;
  datasetClaim: string;
  outputClaim: string;
  image?: string;
  force?: boolean;
  layers?: string;
  hidden?: string;
  heads?: string;
  kvHeads?: string;
  intermediate?: string;
  vocab?: string;
}

/** `uplift tune recipe`: framework config + launch manifest + sizing estimate into --out. */
export async function tuneRecipeCommand(global: GlobalOptions, flags: RecipeFlags) {
  const method = oneOf("--method", flags.method, METHODS);
  const stage = oneOf("--stage", flags.stage, STAGES);
  const framework = oneOf("--framework", flags.framework, FRAMEWORKS);
  const target = oneOf("--target", flags.target, TARGETS);
  const gpu = oneOf("--gpu", flags.gpu, GPU_KINDS);
  const model = resolveBaseModel(flags.base, {
    layers: optionalInteger("--layers", flags.layers),
    hidden: optionalInteger("--hidden", flags.hidden),
    heads: optionalInteger("--heads", flags.heads),
    kvHeads: optionalInteger("--kv-heads", flags.kvHeads),
    intermediate: optionalInteger("--intermediate", flags.intermediate),
    vocab: optionalInteger("--vocab", flags.vocab),
  });
  const loraRank = integer("--lora-rank", flags.loraRank, 1024);
  const request = {
    model,
    method,
    stage,
    framework,
    target,
    gpu,
    gpus: integer("--gpus", flags.gpus, 1024),
    seqLen: integer("--seq-len", flags.seqLen, 1_048_576),
    epochs: positiveNumber("--epochs", flags.epochs),
    microBatch: optionalInteger("--micro-batch", flags.microBatch, 1024),
    loraRank,
    loraAlpha:
      flags.loraAlpha === undefined ? 2 * loraRank : integer("--lora-alpha", flags.loraAlpha, 1_000_000),
    learningRate:
      flags.learningRate === undefined ? undefined : positiveNumber("--learning-rate", flags.learningRate),
    gpuHourCost:
      flags.gpuHourCost === undefined ? null : positiveNumber("--gpu-hour-cost", flags.gpuHourCost),
    dataset: await readDatasetInput(
      flags.dataset,
      stage,
      flags.tokens === undefined ? undefined : integer("--tokens", flags.tokens, Number.MAX_SAFE_INTEGER),
    ),
    name: flags.name ?? defaultName(model.id, stage, method),
    datasetClaim: flags.datasetClaim,
    outputClaim: flags.outputClaim,
    image: flags.image,
  };
  await withContext(global, async (ctx) => {
    const built = buildRecipe(request);
    for (const warning of built.warnings) ctx.logger.warn(warning);
    const written = await writeRecipeFiles(flags.out, built.files, { force: flags.force });
    const out = path.resolve(flags.out);
    ctx.print(
      {
        out,
        files: written.map((f) => path.relative(out, f)),
        launch: built.launch,
        sizing: built.sizing,
        warnings: built.warnings,
      },
      (result) => human(result, built),
    );
  });
}

function human(
  result: { out: string; files: string[]; launch: string; sizing: SizingEstimate; warnings: string[] },
  built: BuiltRecipe,
): string {
  const s = result.sizing;
  const m = s.memory_gib_per_gpu;
  const plan = built.plan;
  const lines = [
    `wrote ${result.files.length} files to ${result.out}: ${result.files.join(", ")}`,
    `${plan.request.model.name} ${s.stage} ${s.method}: ${(s.params / 1e9).toFixed(2)}B params, ` +
      `${(s.trainable_params / 1e6).toFixed(1)}M trainable; ${s.gpus} × ${s.gpu}, micro-batch ${s.micro_batch_size}, ` +
      `gradient accumulation ${plan.gradientAccumulation}, sequence ${s.seq_len}`,
    `memory per GPU: ${m.total} GiB of ${m.capacity} ${s.fits ? "(fits)" : "(DOES NOT FIT)"} — weights ${m.weights}, ` +
      `gradients ${m.gradients}, optimizer ${m.optimizer}, activations ${m.activations}, overhead ${m.overhead}`,
    `throughput: ${s.tokens_per_second} tokens/s (${s.tokens_per_second_per_gpu} per GPU)` +
      (s.hours === null
        ? "; hours not estimated (no token count: give --dataset or --tokens)"
        : `; ${s.dataset_tokens} tokens × ${s.epochs} epochs ≈ ${s.hours} h, ${s.gpu_hours} GPU-hours` +
          (s.cost === null ? "" : `, cost ${s.cost}`)),
    `launch: cd ${result.out} && ${result.launch}`,
  ];
  for (const warning of result.warnings) lines.push(`warning: ${warning}`);
  return lines.join("\n");
}

function oneOf<T extends string>(flag: string, value: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new InputError(`${flag} ${value}: expected one of ${allowed.join("|")}`);
}

function integer(flag: string, value: string, max: number): number {
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(n) || n < 1 || n > max)
    throw new InputError(`${flag} ${value}: expected a whole number from 1 to ${max}`);
  return n;
}

function optionalInteger(flag: string, value: string | undefined, max = 10_000_000): number | undefined {
  return value === undefined ? undefined : integer(flag, value, max);
}

function positiveNumber(flag: string, value: string): number {
  const n = Number(value);
  if (value.trim() === "" || !Number.isFinite(n) || n <= 0)
    throw new InputError(`${flag} ${value}: expected a positive number`);
  return n;
}

function defaultName(modelId: string, stage: string, method: string): string {
  const base = modelId
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return `${base}-${stage}-${method}`.slice(0, 52).replace(/-+$/, "");
}
