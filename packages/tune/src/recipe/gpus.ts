/** GPU kinds a recipe can target (`--gpu`). */
export const GPU_KINDS = ["h100", "h200", "a100-80", "a100-40", "l40s"] as const;
export type GpuKind = (typeof GPU_KINDS)[number];

export interface GpuSpec {
  readonly kind: GpuKind;
  /** Memory as `nvidia-smi` reports it (MiB / 1024). */
  readonly memoryGib: number;
  /** Dense BF16 tensor throughput from the vendor data sheet (no sparsity), TFLOP/s. */
  readonly bf16Tflops: number;
  /** Kubernetes node label value (`nvidia.com/gpu.product`, set by GPU feature discovery). */
  readonly k8sProduct: string;
  /** SkyPilot accelerator name. */
  readonly skypilotName: string;
}

export const GPUS: Readonly<Record<GpuKind, GpuSpec>> = {
  h100: {
    kind: "h100",
    memoryGib: 79.6,
    bf16Tflops: 989,
    k8sProduct: "NVIDIA-H100-80GB-HBM3",
    skypilotName: "H100",
  },
  h200: {
    kind: "h200",
    memoryGib: 140.4,
    bf16Tflops: 989,
    k8sProduct: "NVIDIA-H200",
    skypilotName: "H200",
  },
  "a100-80": {
    kind: "a100-80",
    memoryGib: 80,
    bf16Tflops: 312,
    k8sProduct: "NVIDIA-A100-SXM4-80GB",
    skypilotName: "A100-80GB",
  },
  "a100-40": {
    kind: "a100-40",
    memoryGib: 40,
    bf16Tflops: 312,
    k8sProduct: "NVIDIA-A100-SXM4-40GB",
    skypilotName: "A100",
  },
  l40s: { kind: "l40s", memoryGib: 45, bf16Tflops: 362, k8sProduct: "NVIDIA-L40S", skypilotName: "L40S" },
};

/** GPUs on one node: jobs with more are spread over nodes of this size. */
export const GPUS_PER_NODE = 8;
