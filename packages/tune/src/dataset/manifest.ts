import { createHash } from "node:crypto";
import type { DatasetSettings } from "./dataset-types.js";
import type { LanguageStats } from "./emit-sequences.js";
import type { ShardInfo } from "./shard-writer.js";

/** `manifest.json` of a dataset (docs/tune.md describes every field). */
export interface DatasetManifest {
  format: "uplift-tune-dataset/1";
  created_at: string;
  /** The run's settings, snake_case (`seq_len`, `fim_rate`, …) plus the fixed thresholds. */
  settings: {
    out: string;
    tokenizer: string;
    seq_len: number;
    fim_rate: number;
    fim_spm_rate: number;
    fim_format: DatasetSettings["fimFormat"];
    seed: number;
    [key: string]: unknown;
  };
  inputs: {
    repositories: Array<{
      name: string;
      path: string;
      head: string | null;
      licence: string;
      licence_source: string | null;
      included: boolean;
      files_listed: number;
      files_accepted: number;
      files_kept: number;
      bytes_read: number;
    }>;
    docs: Array<{ name: string; path: string; files_listed: number; files_kept: number; bytes_read: number }>;
    decontaminate: Array<{ file: string; texts: number }>;
  };
  outputs: {
    shards: Array<ShardInfo & { kind: "pretrain" | "instruct" | "preference"; format: "jsonl" | "parquet" }>;
    records: { pretrain: number; instruct: number; preference: number };
    bytes: number;
    tokens: number;
  };
  counts: {
    files_listed: number;
    files_kept: number;
    sequences: number;
    fim_documents: { psm: number; spm: number };
  };
  bytes: { input: number; kept: number; output: number };
  tokens: { pretrain: number; instruct: number; preference: number };
  languages: Record<string, LanguageStats>;
  /** Repositories per licence (`unknown` when none was found) and how many were left out. */
  licences: Record<string, { repositories: number; excluded: number }>;
  filters: Record<string, number>;
  dedup: { exact_duplicates: number; near_duplicates: number; near_duplicate_clusters: number };
  redactions: Record<string, number>;
  decontamination: { ngram: number; hits: number; files: Array<{ source: string; path: string }> };
  history: { commits: number; records: number; tokens: number; skipped: Record<string, number> };
  feedback: { pairs: number; unpaired: number; tokens: number };
  content_hash: string;
}

/**
 * The dataset's content hash: SHA-256 over the shards (name, record count, SHA-256 of the
 * bytes) in order. Two runs with the same inputs and settings produce the same hash; any
 * change to a record changes it.
 */
export function manifestContentHash(manifest: Pick<DatasetManifest, "outputs">): string {
  const hash = createHash("sha256");
  for (const shard of manifest.outputs.shards)
    hash.update(`${shard.file}\0${shard.records}\0${shard.sha256}\n`);
  return hash.digest("hex");
}
