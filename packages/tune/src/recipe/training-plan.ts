import { DEFAULT_COLUMNS, type RecordColumns } from "./dataset-input.js";
import type { GeneratedFile } from "./generated-file.js";
import { GPUS_PER_NODE } from "./gpus.js";
import {
  CONTAINER_PATHS,
  defaultLearningRate,
  gradientAccumulation,
  type RecipeRequest,
} from "./recipe-request.js";

/** The decisions shared by every framework's config: batch, rate, data files, layout. */
export interface TrainingPlan {
  readonly request: RecipeRequest;
  readonly microBatch: number;
  readonly gradientAccumulation: number;
  readonly learningRate: number;
  readonly columns: RecordColumns;
  /** Shards of the requested stage, as paths inside the container. */
  readonly dataFiles: string[];
  readonly nodes: number;
  readonly gpusPerNode: number;
  /** Checkpoints and logs, inside the container. */
  readonly outputDir: string;
}

export function planTraining(request: RecipeRequest, microBatch: number): TrainingPlan {
  const shards = request.dataset.shards.filter((s) => s.stage === request.stage);
  const nodes = Math.ceil(request.gpus / GPUS_PER_NODE);
  return {
    request,
    microBatch,
    gradientAccumulation: gradientAccumulation(request.stage, microBatch, request.gpus),
    learningRate: request.learningRate ?? defaultLearningRate(request.method, request.stage),
    columns: shards[0]?.columns ?? DEFAULT_COLUMNS[request.stage],
    dataFiles:
      shards.length > 0
        ? shards.map((s) => `${CONTAINER_PATHS.dataset}/${s.path}`)
        : [`${CONTAINER_PATHS.dataset}/*.jsonl`],
    nodes,
    gpusPerNode: request.gpus / nodes,
    outputDir: `${CONTAINER_PATHS.output}/${request.name}`,
  };
}

/** How the training command is started on each node. */
export interface Launch {
  readonly nodes: number;
  readonly gpusPerNode: number;
  /** Shell expressions (e.g. `$SKYPILOT_NODE_RANK`) or literals. */
  readonly nodeRank: string;
  readonly masterAddr: string;
  readonly masterPort: number;
}

/** A framework's part of a recipe: its config files and how to run them in a container. */
export interface FrameworkRecipe {
  readonly files: GeneratedFile[];
  /** The framework's own image, or a CUDA PyTorch image that `install` completes. */
  readonly image: string;
  /** Installs the framework into a CUDA PyTorch image (skipped on the framework's own image). */
  readonly install: string[];
  readonly imageHasFramework: boolean;
  /** Shell lines run once per node before training (weight downloads, data conversion). */
  readonly setup: string[];
  /** Shell lines that train, run from the directory holding the generated files. */
  train(launch: Launch): string[];
}

/** `torchrun` rendezvous flags for a launch (single node: just the process count). */
export function torchrunFlags(launch: Launch): string[] {
  if (launch.nodes === 1) return [`--nproc_per_node=${launch.gpusPerNode}`];
  return [
    `--nnodes=${launch.nodes}`,
    `--nproc_per_node=${launch.gpusPerNode}`,
    `--node_rank=${launch.nodeRank}`,
    "--rdzv_backend=c10d",
    `--rdzv_endpoint=${launch.masterAddr}:${launch.masterPort}`,
  ];
}
