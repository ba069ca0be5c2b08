import type { FimModel, LanguageId } from "@uplift/code";
import type { Logger } from "@uplift/core";
import type { FilterReason } from "./quality-filters.js";

/** Settings of one `uplift tune dataset` run (recorded verbatim in the manifest). */
export interface DatasetSettings {
  repos: string[];
  docs: string[];
  out: string;
  history: boolean;
  historyLimit: number;
  licences: string[];
  unknownLicence: "include" | "exclude";
  decontaminate: string[];
  tokenizer: string;
  seqLen: number;
  fimRate: number;
  fimSpmRate: number;
  fimFormat: FimModel;
  shardSize: number;
  nearDupThreshold: number;
  seed: number;
  /** Also write every shard as Parquet. */
  parquet: boolean;
  /**
   * Worker threads for the per-file work (default: os.availableParallelism(); 1 = none, all on
   * the calling thread). The output is the same for any number; not recorded in the manifest.
   */
  workers?: number;
}

/** A liked and a disliked answer to the same question (from kb feedback), for DPO. */
export interface PreferencePair {
  prompt: string;
  chosen: string;
  rejected: string;
}

export interface DatasetProgress {
  phase: "read" | "pack" | "history";
  source: string;
  files: number;
  bytes: number;
}

export interface DatasetDeps {
  logger: Logger;
  /** Preference pairs from kb feedback (`--feedback`), already read from the store. */
  preferencePairs?: { pairs: PreferencePair[]; unpaired: number };
  onProgress?: (progress: DatasetProgress) => void;
}

/** One accepted file between the passes. */
export interface AcceptedFile {
  source: number;
  path: string;
  language: LanguageId | "docs";
  bytes: number;
  spill: { offset: number; length: number };
  nearId: number;
  imports: string[];
}

export type FilterCounts = Record<FilterReason | "licence", number>;
