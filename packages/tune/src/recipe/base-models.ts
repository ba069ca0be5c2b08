import { InputError } from "@uplift/core";

/** Architecture families the recipes know how to train (module names, torchtune builders). */
export type ModelFamily =
  | "codellama"
  | "starcoder2"
  | "deepseek-coder"
  | "qwen2.5-coder"
  | "llama3.1"
  | "custom";

/**
 * A base model's shapes, as its Hugging Face `config.json` states them. Parameter counts are
 * computed from these shapes (`parameterCount`), so the table holds no second, divergent figure.
 */
export interface BaseModel {
  /** Short name used on the command line, e.g. `codellama-13b`. */
  readonly id: string;
  readonly name: string;
  readonly family: ModelFamily;
  /** Hugging Face repository id of the base (not instruct) checkpoint. */
  readonly hfId: string;
  readonly layers: number;
  readonly hidden: number;
  readonly heads: number;
  readonly kvHeads: number;
  /** MLP inner size (`intermediate_size`). */
  readonly intermediate: number;
  readonly vocab: number;
  /** `tie_word_embeddings`: the LM head reuses the embedding matrix. */
  readonly tiedEmbeddings: boolean;
  /** `max_position_embeddings`: a longer --seq-len gets a warning. */
  readonly maxPositions: number;
  /** `rope_theta` (torchtune's component builders need it spelled out). */
  readonly ropeTheta: number;
  /** safetensors shards in the HF repository (torchtune lists them by name), when known. */
  readonly hfShards?: number;
}

const codellama = (id: string, name: string, hfId: string, s: Shapes, shards: number): BaseModel => ({
  id,
  name,
  family: "codellama",
  hfId,
  ...s,
  tiedEmbeddings: false,
  maxPositions: 16_384,
  ropeTheta: 1_000_000,
  hfShards: shards,
});

type Shapes = Pick<BaseModel, "layers" | "hidden" | "heads" | "kvHeads" | "intermediate" | "vocab">;

/** The known base models (shapes from each repository's config.json). */
export const BASE_MODELS: readonly BaseModel[] = [
  codellama(
    "codellama-7b",
    "Code Llama 7B",
    "codellama/CodeLlama-7b-hf",
    { layers: 32, hidden: 4096, heads: 32, kvHeads: 32, intermediate: 11_008, vocab: 32_016 },
    2,
  ),
  codellama(
    "codellama-13b",
    "Code Llama 13B",
    "codellama/CodeLlama-13b-hf",
    { layers: 40, hidden: 5120, heads: 40, kvHeads: 40, intermediate: 13_824, vocab: 32_016 },
    3,
  ),
  codellama(
    "codellama-34b",
    "Code Llama 34B",
    "codellama/CodeLlama-34b-hf",
    { layers: 48, hidden: 8192, heads: 64, kvHeads: 8, intermediate: 22_016, vocab: 32_000 },
    7,
  ),
  ...[
    ["3b", { layers: 30, hidden: 3072, heads: 24, kvHeads: 2, intermediate: 12_288 }, true],
    ["7b", { layers: 32, hidden: 4608, heads: 36, kvHeads: 4, intermediate: 18_432 }, true],
    ["15b", { layers: 40, hidden: 6144, heads: 48, kvHeads: 4, intermediate: 24_576 }, false],
  ].map(
    ([size, s, tied]) =>
      ({
        id: `starcoder2-${size}`,
        name: `StarCoder2 ${String(size).toUpperCase()}`,
        family: "starcoder2",
        hfId: `bigcode/starcoder2-${size}`,
        ...(s as Omit<Shapes, "vocab">),
        vocab: 49_152,
        tiedEmbeddings: tied as boolean,
        maxPositions: 16_384,
        ropeTheta: 100_000,
      }) satisfies BaseModel,
  ),
  ...[
    ["1.3b", { layers: 24, hidden: 2048, heads: 16, kvHeads: 16, intermediate: 5504 }],
    ["6.7b", { layers: 32, hidden: 4096, heads: 32, kvHeads: 32, intermediate: 11_008 }],
    ["33b", { layers: 62, hidden: 7168, heads: 56, kvHeads: 8, intermediate: 19_200 }],
  ].map(
    ([size, s]) =>
      ({
        id: `deepseek-coder-${size}`,
        name: `DeepSeek-Coder ${String(size).toUpperCase()}`,
        family: "deepseek-coder",
        hfId: `deepseek-ai/deepseek-coder-${size}-base`,
        ...(s as Omit<Shapes, "vocab">),
        vocab: 32_256,
        tiedEmbeddings: false,
        maxPositions: 16_384,
        ropeTheta: 100_000,
      }) satisfies BaseModel,
  ),
  ...[
    [
      "1.5b",
      "1.5B",
      { layers: 28, hidden: 1536, heads: 12, kvHeads: 2, intermediate: 8960, vocab: 151_936 },
      1,
    ],
    [
      "7b",
      "7B",
      { layers: 28, hidden: 3584, heads: 28, kvHeads: 4, intermediate: 18_944, vocab: 152_064 },
      4,
    ],
    [
      "14b",
      "14B",
      { layers: 48, hidden: 5120, heads: 40, kvHeads: 8, intermediate: 13_824, vocab: 152_064 },
      8,
    ],
    [
      "32b",
      "32B",
      { layers: 64, hidden: 5120, heads: 40, kvHeads: 8, intermediate: 27_648, vocab: 152_064 },
      14,
    ],
  ].map(
    ([size, label, s, shards]) =>
      ({
        id: `qwen2.5-coder-${size}`,
        name: `Qwen2.5-Coder ${label}`,
        family: "qwen2.5-coder",
        hfId: `Qwen/Qwen2.5-Coder-${label}`,
        ...(s as Shapes),
        tiedEmbeddings: size === "1.5b",
        maxPositions: 32_768,
        ropeTheta: 1_000_000,
        hfShards: shards as number,
      }) satisfies BaseModel,
  ),
  {
    id: "llama3.1-8b",
    name: "Llama 3.1 8B",
    family: "llama3.1",
    hfId: "meta-llama/Llama-3.1-8B",
    layers: 32,
    hidden: 4096,
    heads: 32,
    kvHeads: 8,
    intermediate: 14_336,
    vocab: 128_256,
    tiedEmbeddings: false,
    maxPositions: 131_072,
    ropeTheta: 500_000,
    hfShards: 4,
  },
];

/** Shapes given on the command line for a model that is not in the table (`--base org/name …`). */
export interface CustomShapes {
  layers?: number;
  hidden?: number;
  heads?: number;
  kvHeads?: number;
  intermediate?: number;
  vocab?: number;
}

/** `CodeLlama-13b-hf`, `codellama/CodeLlama-13b-hf`, `code-llama-13b` → `codellama13b`. */
function looseKey(name: string): string {
  const last = name.trim().toLowerCase().split("/").pop() ?? "";
  return last
    .replace(/[^a-z0-9.]/g, "")
    .replace(/(hf|base)$/, "")
    .replace(/^meta/, "");
}

/**
 * Finds a base model by short id (`codellama-13b`) or Hugging Face id (`codellama/CodeLlama-13b-hf`),
 * ignoring case, punctuation and a `-hf`/`-base` suffix.
 * An unknown `org/name` is accepted only with all its shapes given explicitly (a Llama-like
 * architecture is assumed); anything else is an InputError listing the known models.
 */
export function resolveBaseModel(name: string, custom: CustomShapes = {}): BaseModel {
  const key = looseKey(name);
  const known = BASE_MODELS.find((m) => looseKey(m.id) === key || looseKey(m.hfId) === key);
  if (known) return known;
  const list = BASE_MODELS.map((m) => `${m.id} (${m.hfId})`).join(", ");
  if (!/^[\w.-]+\/[\w.-]+$/.test(name.trim()))
    throw new InputError(`--base ${name}: unknown base model; known: ${list}`);
  const required = ["layers", "hidden", "heads", "kvHeads", "intermediate", "vocab"] as const;
  const missing = required.filter((k) => custom[k] === undefined);
  if (missing.length > 0)
    throw new InputError(
      `--base ${name}: not a known model, so its shapes are needed: ${missing.map(flagOf).join(", ")} ` +
        `(known: ${list})`,
    );
  const shapes = custom as Required<CustomShapes>;
  if (shapes.hidden % shapes.heads !== 0 || shapes.heads % shapes.kvHeads !== 0)
    throw new InputError(
      `--base ${name}: --hidden must be a multiple of --heads and --heads a multiple of --kv-heads`,
    );
  return {
    id: name.trim(),
    name: name.trim(),
    family: "custom",
    hfId: name.trim(),
    ...shapes,
    tiedEmbeddings: false,
    maxPositions: Number.POSITIVE_INFINITY,
    ropeTheta: 10_000,
  };
}

function flagOf(key: keyof CustomShapes): string {
  return key === "kvHeads" ? "--kv-heads" : `--${key}`;
}

/** Per-head width and the width of K and V projections (grouped-query attention). */
export function attentionWidths(m: BaseModel): { headDim: number; kvDim: number } {
  const headDim = m.hidden / m.heads;
  return { headDim, kvDim: headDim * m.kvHeads };
}
