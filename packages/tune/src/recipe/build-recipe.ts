import { InputError } from "@uplift/core";
import { axolotlRecipe } from "./frameworks/axolotl.js";
import { torchtuneRecipe } from "./frameworks/torchtune.js";
import { trlRecipe } from "./frameworks/trl.js";
import type { GeneratedFile } from "./generated-file.js";
import { GPUS, GPUS_PER_NODE } from "./gpus.js";
import type { RecipeRequest } from "./recipe-request.js";
import { chooseMicroBatch, estimateSizing, type SizingEstimate } from "./sizing.js";
import { kubernetesJob } from "./targets/kubernetes-job.js";
import { rayJob } from "./targets/ray-job.js";
import { skypilotTask } from "./targets/skypilot-task.js";
import { type FrameworkRecipe, planTraining, type TrainingPlan } from "./training-plan.js";

export interface BuiltRecipe {
  files: GeneratedFile[];
  sizing: SizingEstimate;
  plan: TrainingPlan;
  /** How to start it, from the output directory. */
  launch: string;
  warnings: string[];
}

/**
 * Builds every file of a recipe in memory: the framework config, the launch manifest,
 * `sizing.json` and a README. Pure apart from what `request.dataset` already read.
 */
export function buildRecipe(request: RecipeRequest): BuiltRecipe {
  validate(request);
  const warnings = [...request.dataset.warnings];
  const sizingInput = {
    model: request.model,
    method: request.method,
    stage: request.stage,
    gpu: request.gpu,
    gpus: request.gpus,
    seqLen: request.seqLen,
    loraRank: request.loraRank,
    tokens: request.dataset.tokens,
    epochs: request.epochs,
    gpuHourCost: request.gpuHourCost,
  };
  const sizing =
    request.microBatch === undefined
      ? chooseMicroBatch(sizingInput)
      : estimateSizing({ ...sizingInput, microBatch: request.microBatch });
  if (!sizing.fits)
    warnings.push(
      `will not fit: needs ${sizing.memory_gib_per_gpu.total} GiB per GPU at micro-batch ${sizing.micro_batch_size}, ` +
        `a ${request.gpu} has ${GPUS[request.gpu].memoryGib} GiB; try ` +
        [
          request.method === "lora" && "--method qlora",
          request.method === "full" && "--method lora or more --gpus (full weights are sharded)",
          request.seqLen > 2048 && "a smaller --seq-len",
          request.gpu !== "h200" && "--gpu h200",
        ]
          .filter(Boolean)
          .join(", "),
    );
  if (request.seqLen > request.model.maxPositions)
    warnings.push(
      `--seq-len ${request.seqLen} is longer than ${request.model.name}'s ${request.model.maxPositions} positions`,
    );

  warnings.push(...datasetMismatches(request));

  const plan = planTraining(request, sizing.micro_batch_size);
  const framework = frameworkRecipe(plan);
  const target =
    request.target === "k8s"
      ? kubernetesJob(plan, framework, framework.files)
      : request.target === "ray"
        ? rayJob(plan, framework, framework.files)
        : skypilotTask(plan, framework);
  const launch =
    request.target === "skypilot"
      ? `sky launch -c ${request.name} ${target.path}`
      : `kubectl apply -f ${target.path}`;
  const sizingFile: GeneratedFile = {
    path: "sizing.json",
    content: `${JSON.stringify({ ...sizing, warnings }, null, 2)}\n`,
  };
  const files = [...framework.files, target, sizingFile, readme(plan, target.path, launch, sizing)];
  return { files, sizing, plan, launch, warnings };
}

function frameworkRecipe(plan: TrainingPlan): FrameworkRecipe {
  switch (plan.request.framework) {
    case "axolotl":
      return axolotlRecipe(plan);
    case "torchtune":
      return torchtuneRecipe(plan);
    case "trl":
      return trlRecipe(plan);
  }
}

/** FIM sentinel names per family, as `tune dataset --fim-format` spells them. */
const FIM_FORMAT: Partial<Record<RecipeRequest["model"]["family"], string>> = {
  codellama: "codellama",
  starcoder2: "starcoder2",
  "deepseek-coder": "deepseek-coder",
  "qwen2.5-coder": "qwen2.5-coder",
};

/** Where the dataset was built for another sequence length or another model's FIM tokens. */
function datasetMismatches(request: RecipeRequest): string[] {
  const settings = request.dataset.settings;
  if (!settings || request.stage !== "cpt") return [];
  const found: string[] = [];
  if (settings.seqLen !== undefined && settings.seqLen > request.seqLen)
    found.push(
      `the dataset packs sequences of ${settings.seqLen} tokens, longer than --seq-len ${request.seqLen}: ` +
        "the trainer will cut them (rebuild the dataset with --seq-len or raise --seq-len)",
    );
  const expected = FIM_FORMAT[request.model.family];
  if (settings.fimRate && settings.fimFormat && expected && settings.fimFormat !== expected)
    found.push(
      `the dataset's fill-in-the-middle documents use ${settings.fimFormat} sentinels, ${request.model.name} ` +
        `expects ${expected}: rebuild it with tune dataset --fim-format ${expected}`,
    );
  return found;
}

function validate(request: RecipeRequest): void {
  if (request.target !== "skypilot" && request.gpus > GPUS_PER_NODE)
    throw new InputError(
      `--gpus ${request.gpus}: a ${request.target === "k8s" ? "Kubernetes Job" : "RayJob"} recipe runs on one node ` +
        `(at most ${GPUS_PER_NODE} GPUs); use --target skypilot for several nodes`,
    );
  if (request.gpus > GPUS_PER_NODE && request.gpus % GPUS_PER_NODE !== 0)
    throw new InputError(
      `--gpus ${request.gpus}: more than one node needs a multiple of ${GPUS_PER_NODE} GPUs`,
    );
  if (!/^[a-z0-9]([-a-z0-9]{0,50}[a-z0-9])?$/.test(request.name))
    throw new InputError(
      `--name ${request.name}: must be a DNS-1123 label (lower-case letters, digits, '-', at most 52 characters)`,
    );
}

function readme(plan: TrainingPlan, manifest: string, launch: string, sizing: SizingEstimate): GeneratedFile {
  const r = plan.request;
  const m = sizing.memory_gib_per_gpu;
  const lines = [
    `# ${r.name}: ${r.stage.toUpperCase()} ${r.method} of ${r.model.name} with ${r.framework} on ${r.target}`,
    "",
    "Generated by `uplift tune recipe`; see docs/tune.md (Recipes) for how the estimate is made.",
    "",
    `- Base model: ${r.model.hfId}`,
    `- GPUs: ${r.gpus} × ${r.gpu} (${plan.nodes} node${plan.nodes === 1 ? "" : "s"}), micro-batch ${plan.microBatch}, ` +
      `gradient accumulation ${plan.gradientAccumulation}, sequence ${r.seqLen}, learning rate ${plan.learningRate}`,
    `- Data: ${plan.dataFiles.join(", ")} (inside the container)`,
    `- Memory per GPU: ${m.total} GiB of ${m.capacity} (weights ${m.weights}, gradients ${m.gradients}, ` +
      `optimizer ${m.optimizer}, activations ${m.activations}, overhead ${m.overhead})`,
    `- Throughput: ${sizing.tokens_per_second} tokens/s` +
      (sizing.hours === null
        ? ""
        : `; ${sizing.hours} h, ${sizing.gpu_hours} GPU-hours for ${sizing.dataset_tokens} tokens × ${sizing.epochs} epochs` +
          (sizing.cost === null ? "" : `, cost ${sizing.cost}`)),
    "",
    `Launch manifest: \`${manifest}\`. Start it from this directory:`,
    "",
    "```sh",
    launch,
    "```",
    "",
  ];
  return { path: "README.md", content: lines.join("\n") };
}
