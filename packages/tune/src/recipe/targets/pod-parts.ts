import type { GeneratedFile } from "../generated-file.js";
import { GPUS } from "../gpus.js";
import { CONTAINER_PATHS } from "../recipe-request.js";
import type { FrameworkRecipe, Launch, TrainingPlan } from "../training-plan.js";

/** Pieces of a Kubernetes pod shared by the Job and the RayJob's GPU workers (core/v1 field names). */

export function labels(plan: TrainingPlan): Record<string, string> {
  return {
    "app.kubernetes.io/name": "uplift-tune",
    "app.kubernetes.io/instance": plan.request.name,
    "app.kubernetes.io/component": `${plan.request.framework}-${plan.request.stage}-${plan.request.method}`,
  };
}

export function configMapName(plan: TrainingPlan): string {
  return `${plan.request.name}-recipe`;
}

/** The generated framework files as a ConfigMap, mounted read-only at /workspace/recipe. */
export function recipeConfigMap(
  plan: TrainingPlan,
  files: readonly GeneratedFile[],
): Record<string, unknown> {
  return {
    apiVersion: "v1",
    kind: "ConfigMap",
    metadata: { name: configMapName(plan), labels: labels(plan) },
    data: Object.fromEntries(files.map((f) => [f.path, f.content])),
  };
}

export function volumes(plan: TrainingPlan): Record<string, unknown>[] {
  return [
    { name: "dataset", persistentVolumeClaim: { claimName: plan.request.datasetClaim, readOnly: true } },
    { name: "output", persistentVolumeClaim: { claimName: plan.request.outputClaim } },
    { name: "recipe", configMap: { name: configMapName(plan) } },
    // NCCL and data loader workers need more shared memory than the container default
    { name: "dshm", emptyDir: { medium: "Memory", sizeLimit: "64Gi" } },
  ];
}

export function volumeMounts(): Record<string, unknown>[] {
  return [
    { name: "dataset", mountPath: CONTAINER_PATHS.dataset, readOnly: true },
    { name: "output", mountPath: CONTAINER_PATHS.output },
    { name: "recipe", mountPath: CONTAINER_PATHS.recipe, readOnly: true },
    { name: "dshm", mountPath: "/dev/shm" },
  ];
}

/** HF cache on the output volume; a gated model's token from the optional Secret `hf-token`. */
export function env(): Record<string, unknown>[] {
  return [
    { name: "HF_HOME", value: `${CONTAINER_PATHS.output}/hf-cache` },
    {
      name: "HF_TOKEN",
      valueFrom: { secretKeyRef: { name: "hf-token", key: "token", optional: true } },
    },
  ];
}

export function gpuResources(plan: TrainingPlan): Record<string, unknown> {
  // extended resources: requests must equal limits
  const gpus = { "nvidia.com/gpu": plan.gpusPerNode };
  return { requests: gpus, limits: gpus };
}

export function gpuNodeSelector(plan: TrainingPlan): Record<string, string> {
  // label set by NVIDIA GPU feature discovery
  return { "nvidia.com/gpu.product": GPUS[plan.request.gpu].k8sProduct };
}

/**
 * The shell script a container runs: copy the recipe to a writable directory (a ConfigMap is
 * read-only and some frameworks write beside their config), install, set up, train.
 */
export function trainingScript(framework: FrameworkRecipe, launch: Launch, install: boolean): string {
  return [
    "set -euo pipefail",
    `mkdir -p /workspace/run && cp -L ${CONTAINER_PATHS.recipe}/* /workspace/run/ && cd /workspace/run`,
    ...(install ? framework.install : []),
    ...framework.setup,
    ...framework.train(launch),
  ].join("\n");
}

export const SINGLE_NODE = (plan: TrainingPlan): Launch => ({
  nodes: 1,
  gpusPerNode: plan.gpusPerNode,
  nodeRank: "0",
  masterAddr: "localhost",
  masterPort: 29500,
});
