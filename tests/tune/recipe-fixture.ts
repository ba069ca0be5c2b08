import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import {
  type DatasetInput,
  type Framework,
  type Method,
  type RecipeRequest,
  resolveBaseModel,
  type Stage,
  type Target,
} from "@uplift/tune";

/**
 * A small directory shaped like a `tune dataset` output: pretrain (`text`), instruct
 * (`instruction`/`output`) and preference (`prompt`/`chosen`/`rejected`) shards and a manifest
 * with tokens per kind, as packages/tune/src/dataset/manifest.ts writes them.
 */
export function writeDatasetFixture(
  tokens = { pretrain: 1_200_000, instruct: 300_000, preference: 40_000 },
): string {
  const dir = mkdtempSync(path.join(tmpdir(), "uplift-recipe-ds-"));
  const shards = {
    "pretrain-00000.jsonl": [
      {
        text: "export function add(a: number, b: number) {\n  return a + b;\n}\n",
        tokens: 21,
        files: ["a.ts"],
      },
      { text: "def sub(a, b):\n    return a - b\n", tokens: 12, files: ["b.py"] },
    ],
    "instruct-00000.jsonl": [
      {
        kind: "commit",
        source: "billing",
        commit: "abc",
        instruction: "Fix rounding",
        output: "- a\n+ b\n",
        tokens: 9,
      },
    ],
    "preference-00000.jsonl": [
      {
        kind: "preference",
        prompt: "How do I deploy?",
        chosen: "Run make deploy.",
        rejected: "No idea.",
        tokens: 14,
      },
      {
        kind: "preference",
        prompt: "Where are logs?",
        chosen: "In Loki.",
        rejected: "Somewhere.",
        tokens: 10,
      },
    ],
  };
  for (const [file, records] of Object.entries(shards))
    writeFileSync(path.join(dir, file), records.map((r) => `${JSON.stringify(r)}\n`).join(""));
  const manifest = {
    format: "uplift-tune-dataset/1",
    settings: { seq_len: 4096, tokenizer: "codellama", fim_rate: 0.5, fim_format: "codellama" },
    outputs: {
      shards: Object.keys(shards).map((file) => ({
        file,
        kind: file.split("-")[0],
        records: 1,
        bytes: 1,
        sha256: "0".repeat(64),
      })),
      tokens: tokens.pretrain + tokens.instruct + tokens.preference,
    },
    tokens,
  };
  writeFileSync(path.join(dir, "manifest.json"), JSON.stringify(manifest, null, 2));
  return dir;
}

/** A shard directory without a manifest, with records of one kind in a nested folder. */
export function writeBareDataset(records: object[]): string {
  const dir = mkdtempSync(path.join(tmpdir(), "uplift-recipe-bare-"));
  mkdirSync(path.join(dir, "part"));
  writeFileSync(path.join(dir, "part", "data.jsonl"), records.map((r) => `${JSON.stringify(r)}\n`).join(""));
  return dir;
}

export const NO_DATASET: DatasetInput = {
  dir: null,
  shards: [],
  tokens: null,
  tokensSource: null,
  settings: null,
  warnings: [],
};

/** A request with the CLI's defaults. */
export function request(
  base: string,
  method: Method,
  stage: Stage,
  framework: Framework,
  target: Target,
  overrides: Partial<RecipeRequest> = {},
): RecipeRequest {
  return {
    model: resolveBaseModel(base),
    method,
    stage,
    framework,
    target,
    gpu: "h100",
    gpus: 1,
    seqLen: 4096,
    epochs: 1,
    loraRank: 16,
    loraAlpha: 32,
    gpuHourCost: null,
    dataset: NO_DATASET,
    name: `${stage}-${method}`,
    datasetClaim: "uplift-dataset",
    outputClaim: "uplift-checkpoints",
    ...overrides,
  };
}
