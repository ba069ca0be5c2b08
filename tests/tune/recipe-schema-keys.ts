/**
 * Key lists written down from each framework's and orchestrator's published sources, to check
 * every key `uplift tune recipe` emits. Not copied code: field names only, with where they come
 * from. A key list is a tree: `"leaf"` (a value, not looked into), `"map"` (free keys, e.g.
 * labels), `[shape]` (a list of that shape) or an object of allowed keys.
 */
export type Shape = "leaf" | "map" | readonly [Shape] | { readonly [key: string]: Shape };

const leaves = (...keys: string[]): Record<string, Shape> => Object.fromEntries(keys.map((k) => [k, "leaf"]));

/** Keys of `value` that `shape` does not allow, as paths (`spec.template.spec.foo`). */
export function unknownKeys(value: unknown, shape: Shape, at = ""): string[] {
  if (shape === "leaf" || shape === "map") return [];
  if (Array.isArray(shape)) {
    if (!Array.isArray(value)) return [];
    return value.flatMap((item, i) => unknownKeys(item, shape[0] as Shape, `${at}[${i}]`));
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) return [];
  const allowed = shape as { readonly [key: string]: Shape };
  return Object.entries(value).flatMap(([key, child]) => {
    const path = at ? `${at}.${key}` : key;
    const sub = allowed[key];
    return sub === undefined ? [path] : unknownKeys(child, sub, path);
  });
}

// ---------------------------------------------------------------------------------------------
// Axolotl — axolotl-ai-cloud/axolotl @ 067b021c8b87a9e5e380b9173c704cf7340e30f5,
// src/axolotl/utils/schemas/{config,model,peft,training,datasets}.py: AxolotlInputConfig and the
// mixins it inherits (ModelInputConfig, ModelOutputConfig, LoraConfig, HyperparametersConfig),
// SFTDataset, DPODataset, UserDefinedPrompterType, UserDefinedDPOType.

const axolotlSftDataset: Shape = {
  ...leaves(
    "path",
    "split",
    "input_transform",
    "shards",
    "shards_idx",
    "conversation",
    "chat_template",
    "data_files",
    "input_format",
    "name",
    "ds_type",
    "field",
    "field_human",
    "field_model",
    "field_messages",
    "roles_to_train",
    "train_on_eos",
    "trust_remote_code",
    "revision",
  ),
  // UserDefinedPrompterType (SFT) and UserDefinedDPOType (DPO), or a strategy name
  type: leaves(
    "system_prompt",
    "system_format",
    "field_system",
    "field_instruction",
    "field_input",
    "field_output",
    "format",
    "no_input_format",
    "field_prompt",
    "field_chosen",
    "field_rejected",
    "prompt_format",
    "chosen_format",
    "rejected_format",
  ),
};

export const AXOLOTL_CONFIG: Shape = {
  // ModelInputConfig, ModelOutputConfig
  ...leaves(
    "base_model",
    "base_model_config",
    "tokenizer_config",
    "tokenizer_use_fast",
    "tokenizer_legacy",
    "tokenizer_type",
    "trust_remote_code",
    "output_dir",
    "hub_model_id",
    "hub_strategy",
    "save_safetensors",
  ),
  // LoraConfig (peft.py)
  ...leaves(
    "load_in_8bit",
    "load_in_4bit",
    "adapter",
    "lora_model_dir",
    "lora_r",
    "lora_alpha",
    "lora_fan_in_fan_out",
    "lora_target_modules",
    "lora_target_linear",
    "lora_modules_to_save",
    "lora_dropout",
    "peft_use_dora",
    "peft_use_rslora",
    "merge_lora",
  ),
  // HyperparametersConfig (training.py)
  ...leaves(
    "gradient_accumulation_steps",
    "micro_batch_size",
    "batch_size",
    "eval_batch_size",
    "train_on_inputs",
    "group_by_length",
    "learning_rate",
    "weight_decay",
    "optimizer",
    "optim_args",
    "lr_scheduler",
    "lr_scheduler_kwargs",
    "cosine_min_lr_ratio",
    "adam_epsilon",
    "adam_beta1",
    "adam_beta2",
    "max_grad_norm",
    "num_epochs",
  ),
  // AxolotlInputConfig's own fields (config.py)
  ...leaves(
    "strict",
    "resume_from_checkpoint",
    "auto_resume_from_checkpoints",
    "rl",
    "rl_beta",
    "dpo_label_smoothing",
    "precompute_ref_log_probs",
    "dataset_prepared_path",
    "dataset_processes",
    "dataset_num_proc",
    "shuffle_merged_datasets",
    "seed",
    "bf16",
    "fp16",
    "tf32",
    "gradient_checkpointing",
    "gradient_checkpointing_kwargs",
    "sequence_len",
    "sample_packing",
    "eval_sample_packing",
    "pad_to_sequence_len",
    "flash_attention",
    "sdp_attention",
    "deepspeed",
    "fsdp",
    "fsdp_config",
    "val_set_size",
    "special_tokens",
    "max_steps",
    "warmup_steps",
    "warmup_ratio",
    "eval_steps",
    "evals_per_epoch",
    "save_steps",
    "saves_per_epoch",
    "save_strategy",
    "save_total_limit",
    "logging_steps",
    "early_stopping_patience",
    "use_tensorboard",
    "use_ray",
    "ray_num_workers",
  ),
  datasets: [axolotlSftDataset],
  pretraining_dataset: [leaves("name", "path", "split", "text_column", "type", "data_files", "skip")],
};

// ---------------------------------------------------------------------------------------------
// torchtune — pytorch/torchtune @ bd2a0fc7c31430972728494fa01aaeeb0ebf1ba1. Top-level keys per
// recipe: the union of the keys of the configs torchtune/_recipe_registry.py lists for it
// (recipes/configs/**) and the `cfg.<key>` / `cfg.get("<key>")` reads in recipes/<recipe>.py.

const TT_COMMON = [
  "batch_size",
  "checkpointer",
  "compile",
  "cudnn_deterministic_mode",
  "dataset",
  "device",
  "dtype",
  "enable_activation_checkpointing",
  "enable_activation_offloading",
  "enable_async_checkpointing",
  "epochs",
  "gradient_accumulation_steps",
  "log_every_n_steps",
  "log_level",
  "log_peak_memory_stats",
  "loss",
  "lr_scheduler",
  "max_steps_per_epoch",
  "metric_logger",
  "model",
  "optimizer",
  "output_dir",
  "resume_from_checkpoint",
  "save_every_n_steps",
  "seed",
  "shuffle",
  "tokenizer",
];
const TT_DISTRIBUTED = ["custom_sharded_layers", "fsdp_cpu_offload", "fsdp_reshard_after_forward"];
const TT_SFT = ["clip_grad_norm", "collate_fn", "optimizer_in_bwd", "profiler"];

export const TORCHTUNE_RECIPE_KEYS: Readonly<Record<string, ReadonlySet<string>>> = {
  lora_finetune_single_device: new Set([...TT_COMMON, ...TT_SFT, "low_cpu_ram", "save_adapter_weights_only"]),
  lora_finetune_distributed: new Set([
    ...TT_COMMON,
    ...TT_SFT,
    ...TT_DISTRIBUTED,
    "batch_size_val",
    "context_parallel_dim",
    "context_parallel_rotate_method",
    "data_parallel_replicate_dim",
    "data_parallel_shard_dim",
    "dataset_val",
    "fsdp",
    "run_val_every_n_steps",
    "save_adapter_weights_only",
    "tensor_parallel_dim",
  ]),
  full_finetune_single_device: new Set([...TT_COMMON, ...TT_SFT, "resize_token_embeddings"]),
  full_finetune_distributed: new Set([
    ...TT_COMMON,
    ...TT_SFT,
    ...TT_DISTRIBUTED,
    "ac_mode",
    "ac_option",
    "activation_offloading_use_streams",
    "batch_size_val",
    "context_parallel_dim",
    "context_parallel_rotate_method",
    "data_parallel_replicate_dim",
    "data_parallel_shard_dim",
    "dataset_val",
    "resize_token_embeddings",
    "run_val_every_n_steps",
    "tensor_parallel_dim",
    "tensor_parallel_plan",
  ]),
  lora_dpo_single_device: new Set([...TT_COMMON, "save_adapter_weights_only"]),
  lora_dpo_distributed: new Set([...TT_COMMON, ...TT_DISTRIBUTED, "save_adapter_weights_only"]),
  full_dpo_distributed: new Set([
    ...TT_COMMON,
    ...TT_DISTRIBUTED,
    "clip_grad_norm",
    "optimizer_in_bwd",
    "profiler",
    "ref_checkpointer",
  ]),
};

const LORA_BUILDER_ARGS = [
  "lora_attn_modules",
  "apply_lora_to_mlp",
  "apply_lora_to_output",
  "lora_rank",
  "lora_alpha",
  "lora_dropout",
  "use_dora",
  "quantize_base",
];
const LLAMA3_COMPONENT_ARGS = [
  "vocab_size",
  "num_layers",
  "num_heads",
  "num_kv_heads",
  "embed_dim",
  "max_seq_len",
  "attn_dropout",
  "rope_base",
  "intermediate_dim",
  "norm_eps",
];
/** load_dataset keyword arguments the dataset builders pass through (`**load_dataset_kwargs`). */
const LOAD_DATASET_KWARGS = ["data_files", "data_dir", "name"];
const qwenSizes = ["1_5b", "7b", "14b", "32b"];

/**
 * `_component_` → its argument names: model builders (torchtune/models/{llama3,llama3_1,
 * qwen2_5,llama2}/_model_builders.py, llama3/_component_builders.py), datasets
 * (torchtune/datasets/_{text_completion,instruct,preference}.py), FullModelHFCheckpointer
 * (training/checkpointing/_checkpointer.py), DPOLoss (rlhf/loss/dpo.py), DiskLogger
 * (training/metric_logging.py), the cosine schedule (training/lr_schedulers.py), torch AdamW.
 */
export const TORCHTUNE_COMPONENTS: Readonly<Record<string, ReadonlySet<string>>> = {
  "torchtune.models.llama3_1.llama3_1_8b": new Set(),
  "torchtune.models.llama3_1.lora_llama3_1_8b": new Set(LORA_BUILDER_ARGS),
  ...Object.fromEntries(
    qwenSizes.flatMap((s) => [
      [`torchtune.models.qwen2_5.qwen2_5_${s}_base`, new Set<string>()],
      [`torchtune.models.qwen2_5.lora_qwen2_5_${s}_base`, new Set(LORA_BUILDER_ARGS)],
    ]),
  ),
  "torchtune.models.llama3.llama3": new Set(LLAMA3_COMPONENT_ARGS),
  "torchtune.models.llama3.lora_llama3": new Set([
    ...LLAMA3_COMPONENT_ARGS,
    ...LORA_BUILDER_ARGS,
    "scaler_block_size",
  ]),
  "torchtune.models.llama3.llama3_tokenizer": new Set([
    "path",
    "special_tokens_path",
    "max_seq_len",
    "prompt_template",
    "truncation_type",
  ]),
  "torchtune.models.qwen2_5.qwen2_5_tokenizer": new Set([
    "path",
    "merges_file",
    "special_tokens_path",
    "max_seq_len",
    "prompt_template",
    "truncation_type",
  ]),
  "torchtune.models.llama2.llama2_tokenizer": new Set([
    "path",
    "max_seq_len",
    "prompt_template",
    "truncation_type",
  ]),
  "torchtune.training.FullModelHFCheckpointer": new Set([
    "checkpoint_dir",
    "checkpoint_files",
    "model_type",
    "output_dir",
    "adapter_checkpoint",
    "recipe_checkpoint",
    "resume_from_checkpoint",
    "safe_serialization",
    "should_load_recipe_state",
    "keep_last_n_checkpoints",
    "enable_dcp",
  ]),
  "torchtune.datasets.text_completion_dataset": new Set([
    "source",
    "column",
    "add_eos",
    "packed",
    "split_across_pack",
    "split",
    "filter_fn",
    ...LOAD_DATASET_KWARGS,
  ]),
  "torchtune.datasets.instruct_dataset": new Set([
    "source",
    "column_map",
    "train_on_input",
    "new_system_prompt",
    "packed",
    "filter_fn",
    "split",
    ...LOAD_DATASET_KWARGS,
  ]),
  "torchtune.datasets.preference_dataset": new Set([
    "source",
    "column_map",
    "train_on_input",
    "new_system_prompt",
    "filter_fn",
    "split",
    ...LOAD_DATASET_KWARGS,
  ]),
  "torch.optim.AdamW": new Set([
    "lr",
    "betas",
    "eps",
    "weight_decay",
    "amsgrad",
    "foreach",
    "maximize",
    "fused",
  ]),
  "torchtune.training.lr_schedulers.get_cosine_schedule_with_warmup": new Set([
    "num_warmup_steps",
    "num_cycles",
    "last_epoch",
  ]),
  "torchtune.modules.loss.LinearCrossEntropyLoss": new Set(["num_output_chunks", "ignore_index"]),
  "torchtune.rlhf.loss.DPOLoss": new Set(["beta", "label_smoothing"]),
  "torchtune.training.metric_logging.DiskLogger": new Set(["log_dir", "output_fmt"]),
};

/** Every `_component_` mapping in a torchtune config whose component or argument is unknown. */
export function unknownTorchtuneComponents(value: unknown, at = ""): string[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => unknownTorchtuneComponents(v, `${at}[${i}]`));
  if (typeof value !== "object" || value === null) return [];
  const record = value as Record<string, unknown>;
  const problems: string[] = [];
  const component = record._component_;
  if (typeof component === "string") {
    const args = TORCHTUNE_COMPONENTS[component];
    if (!args) problems.push(`${at}: unknown component ${component}`);
    else
      for (const key of Object.keys(record))
        if (key !== "_component_" && !args.has(key))
          problems.push(`${at}.${key}: not an argument of ${component}`);
  }
  for (const [key, child] of Object.entries(record))
    if (typeof child === "object")
      problems.push(...unknownTorchtuneComponents(child, at ? `${at}.${key}` : key));
  return problems;
}

// ---------------------------------------------------------------------------------------------
// TRL — huggingface/trl @ f2cd57710ae345ea6428ae95363267fcf38a3dc8: `trl sft|dpo` parse
// (ScriptArguments, SFTConfig|DPOConfig, ModelConfig, DatasetMixtureConfig) — trl/scripts/{sft,dpo}.py
// make_parser; fields from trl/scripts/utils.py, trl/trainer/{model_config,sft_config,dpo_config,
// base_config}.py. SFTConfig/DPOConfig extend transformers' TrainingArguments —
// huggingface/transformers @ 00349ae87eddc872ffa21a8a54f264375a0056a8, src/transformers/training_args.py.

const TRAINING_ARGUMENTS = [
  "output_dir",
  "per_device_train_batch_size",
  "num_train_epochs",
  "max_steps",
  "learning_rate",
  "lr_scheduler_type",
  "lr_scheduler_kwargs",
  "warmup_steps",
  "optim",
  "optim_args",
  "weight_decay",
  "adam_beta1",
  "adam_beta2",
  "adam_epsilon",
  "gradient_accumulation_steps",
  "max_grad_norm",
  "bf16",
  "fp16",
  "tf32",
  "gradient_checkpointing",
  "gradient_checkpointing_kwargs",
  "torch_compile",
  "use_liger_kernel",
  "logging_strategy",
  "logging_steps",
  "logging_first_step",
  "report_to",
  "run_name",
  "eval_strategy",
  "eval_steps",
  "save_strategy",
  "save_steps",
  "save_total_limit",
  "save_only_model",
  "push_to_hub",
  "hub_model_id",
  "seed",
  "data_seed",
  "dataloader_num_workers",
  "remove_unused_columns",
  "ddp_timeout",
  "fsdp",
  "fsdp_config",
  "deepspeed",
];
const SCRIPT_ARGUMENTS = [
  "dataset_name",
  "dataset_config",
  "dataset_train_split",
  "dataset_test_split",
  "dataset_streaming",
  "ignore_bias_buffers",
];
const MODEL_CONFIG = [
  "model_name_or_path",
  "model_revision",
  "dtype",
  "attn_implementation",
  "use_peft",
  "lora_r",
  "lora_alpha",
  "lora_dropout",
  "lora_target_modules",
  "lora_target_parameters",
  "lora_modules_to_save",
  "lora_task_type",
  "use_rslora",
  "use_dora",
  "load_in_8bit",
  "load_in_4bit",
  "bnb_4bit_quant_type",
  "use_bnb_nested_quant",
  "bnb_4bit_quant_storage",
];
const DATASET_MIXTURE = {
  datasets: [leaves("path", "name", "data_dir", "data_files", "split", "columns", "fraction")] as const,
  ...leaves("streaming", "test_split_size"),
};
const SFT_CONFIG = [
  "model_init_kwargs",
  "trust_remote_code",
  "chat_template_path",
  "dataset_text_field",
  "dataset_kwargs",
  "dataset_num_proc",
  "eos_token",
  "max_length",
  "truncation_mode",
  "shuffle_dataset",
  "packing",
  "packing_strategy",
  "padding_free",
  "pad_to_multiple_of",
  "eval_packing",
  "completion_only_loss",
  "assistant_only_loss",
  "loss_type",
  "activation_offloading",
  "pad_token",
];
const DPO_CONFIG = [
  "model_init_kwargs",
  "trust_remote_code",
  "disable_dropout",
  "dataset_num_proc",
  "max_length",
  "truncation_mode",
  "padding_free",
  "pad_to_multiple_of",
  "precompute_ref_log_probs",
  "precompute_ref_batch_size",
  "loss_type",
  "loss_weights",
  "label_smoothing",
  "beta",
  "use_weighting",
  "activation_offloading",
  "sync_ref_model",
  "ref_model_mixup_alpha",
  "ref_model_sync_steps",
  "pad_token",
];
export const TRL_SFT_ARGS: Shape = {
  ...leaves(...SCRIPT_ARGUMENTS, ...MODEL_CONFIG, ...TRAINING_ARGUMENTS, ...SFT_CONFIG),
  ...DATASET_MIXTURE,
};
export const TRL_DPO_ARGS: Shape = {
  ...leaves(...SCRIPT_ARGUMENTS, ...MODEL_CONFIG, ...TRAINING_ARGUMENTS, ...DPO_CONFIG),
  ...DATASET_MIXTURE,
};

// ---------------------------------------------------------------------------------------------
// Kubernetes — kubernetes/api @ 8b76f66a8775732ec73ea921866ef2ce417bfd70: batch/v1/types.go
// (Job, JobSpec), core/v1/types.go (PodTemplateSpec, PodSpec, Container, Volume and its
// sources, VolumeMount, EnvVar, ResourceRequirements, ConfigMap), meta/v1 ObjectMeta.

const OBJECT_META: Shape = {
  ...leaves("name", "namespace", "generateName"),
  labels: "map",
  annotations: "map",
};
const CONTAINER: Shape = {
  ...leaves("name", "image", "imagePullPolicy", "workingDir", "stdin", "tty"),
  command: "leaf",
  args: "leaf",
  ports: "leaf",
  envFrom: "leaf",
  env: [
    {
      ...leaves("name", "value"),
      valueFrom: {
        secretKeyRef: leaves("name", "key", "optional"),
        configMapKeyRef: leaves("name", "key", "optional"),
        fieldRef: "leaf",
        resourceFieldRef: "leaf",
      },
    },
  ],
  resources: { limits: "map", requests: "map", claims: "leaf" },
  volumeMounts: [
    leaves(
      "name",
      "readOnly",
      "recursiveReadOnly",
      "mountPath",
      "subPath",
      "mountPropagation",
      "subPathExpr",
    ),
  ],
  livenessProbe: "leaf",
  readinessProbe: "leaf",
  startupProbe: "leaf",
  lifecycle: "leaf",
  securityContext: "leaf",
};
const POD_SPEC: Shape = {
  ...leaves(
    "restartPolicy",
    "terminationGracePeriodSeconds",
    "activeDeadlineSeconds",
    "dnsPolicy",
    "serviceAccountName",
    "automountServiceAccountToken",
    "hostNetwork",
    "hostIPC",
    "shareProcessNamespace",
    "priorityClassName",
    "runtimeClassName",
    "schedulerName",
  ),
  nodeSelector: "map",
  tolerations: "leaf",
  affinity: "leaf",
  imagePullSecrets: "leaf",
  securityContext: "leaf",
  initContainers: [CONTAINER],
  containers: [CONTAINER],
  volumes: [
    {
      name: "leaf",
      persistentVolumeClaim: leaves("claimName", "readOnly"),
      configMap: { ...leaves("name", "defaultMode", "optional"), items: "leaf" },
      emptyDir: leaves("medium", "sizeLimit"),
      secret: "leaf",
      hostPath: "leaf",
    },
  ],
};
const POD_TEMPLATE: Shape = { metadata: OBJECT_META, spec: POD_SPEC };

export const K8S_CONFIG_MAP: Shape = {
  ...leaves("apiVersion", "kind", "immutable"),
  metadata: OBJECT_META,
  data: "map",
  binaryData: "map",
};
export const K8S_JOB: Shape = {
  ...leaves("apiVersion", "kind"),
  metadata: OBJECT_META,
  spec: {
    ...leaves(
      "parallelism",
      "completions",
      "activeDeadlineSeconds",
      "backoffLimit",
      "backoffLimitPerIndex",
      "maxFailedIndexes",
      "manualSelector",
      "ttlSecondsAfterFinished",
      "completionMode",
      "suspend",
      "podReplacementPolicy",
      "managedBy",
    ),
    podFailurePolicy: "leaf",
    successPolicy: "leaf",
    selector: "leaf",
    template: POD_TEMPLATE,
  },
};

// ---------------------------------------------------------------------------------------------
// KubeRay — ray-project/kuberay @ feeaf72facab4881ba2b179248bb67315634e229:
// ray-operator/apis/ray/v1/rayjob_types.go (RayJobSpec), raycluster_types.go (RayClusterSpec,
// HeadGroupSpec, WorkerGroupSpec).

export const RAY_JOB: Shape = {
  ...leaves("apiVersion", "kind"),
  metadata: OBJECT_META,
  spec: {
    ...leaves(
      "activeDeadlineSeconds",
      "backoffLimit",
      "managedBy",
      "entrypoint",
      "runtimeEnvYAML",
      "jobId",
      "submissionMode",
      "entrypointResources",
      "entrypointNumCpus",
      "entrypointNumGpus",
      "ttlSecondsAfterFinished",
      "preRunningDeadlineSeconds",
      "shutdownAfterJobFinishes",
      "suspend",
    ),
    submitterPodTemplate: POD_TEMPLATE,
    metadata: "map",
    clusterSelector: "map",
    submitterConfig: "leaf",
    deletionStrategy: "leaf",
    rayClusterSpec: {
      ...leaves("suspend", "managedBy", "enableInTreeAutoscaling", "rayVersion"),
      upgradeStrategy: "leaf",
      authOptions: "leaf",
      autoscalerOptions: "leaf",
      headServiceAnnotations: "map",
      gcsFaultToleranceOptions: "leaf",
      headGroupSpec: {
        template: POD_TEMPLATE,
        headService: "leaf",
        ...leaves("enableIngress", "serviceType"),
        ingressOptions: "leaf",
        resources: "map",
        labels: "map",
        rayStartParams: "map",
      },
      workerGroupSpecs: [
        {
          ...leaves(
            "suspend",
            "groupName",
            "replicas",
            "minReplicas",
            "maxReplicas",
            "idleTimeoutSeconds",
            "numOfHosts",
          ),
          resources: "map",
          labels: "map",
          rayStartParams: "map",
          template: POD_TEMPLATE,
          scaleStrategy: "leaf",
        },
      ],
    },
  },
};

// ---------------------------------------------------------------------------------------------
// SkyPilot — skypilot-org/skypilot @ 00052dfe0d132c5ad6aa9a175572b0695f747c80, sky/utils/schemas.py:
// get_task_schema() and _get_single_resources_schema().

export const SKYPILOT_TASK: Shape = {
  ...leaves("name", "workdir", "event_callback", "num_nodes", "setup", "run", "api_server_access"),
  resources: leaves(
    "cloud",
    "region",
    "zone",
    "infra",
    "cpus",
    "memory",
    "accelerators",
    "instance_type",
    "use_spot",
    "job_recovery",
    "image_id",
  ),
  file_mounts: "map",
  service: "leaf",
  envs: "map",
  secrets: "map",
  volumes: "map",
  config: "leaf",
};
