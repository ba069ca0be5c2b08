import type { ContaminationSet } from "./decontaminate.js";
import { type DocumentRequest, documentBatch } from "./document-batch.js";
import { type FingerprintRequest, fingerprintBatch } from "./fingerprint-batch.js";
import { type DatasetTokenizer, loadDatasetTokenizer } from "./tokenizer.js";

/** The per-file work of a dataset build that a worker thread can do: pass 1 or pass 2 of a batch. */
export type DatasetTask =
  | { kind: "fingerprint"; request: FingerprintRequest }
  | { kind: "documents"; request: DocumentRequest };

/** What every worker needs before its first task (plain data, so it can cross threads). */
export interface DatasetWorkSetup {
  tokenizer: string;
  contamination: { ngrams: number[] };
}

/**
 * The one function that does a task, used as is by the in-process runner and inside each
 * worker thread, so a build gives the same bytes with any number of workers. The tokenizer is
 * loaded on the first pass-2 task (`tokenizer` lets the calling thread share its own).
 */
export function datasetTaskRunner(
  setup: DatasetWorkSetup,
  tokenizer: () => Promise<DatasetTokenizer> = onceTokenizer(setup.tokenizer),
): (task: DatasetTask) => Promise<unknown> {
  const contamination: ContaminationSet = { sources: [], ngrams: new Set(setup.contamination.ngrams) };
  return async (task) => {
    if (task.kind === "fingerprint") return fingerprintBatch(task.request, contamination);
    return documentBatch(task.request, await tokenizer());
  };
}

/** A tokenizer loaded on first use, then reused (loading LLaMA's tables takes ~0.5 s of CPU). */
export function onceTokenizer(name: string): () => Promise<DatasetTokenizer> {
  let loaded: Promise<DatasetTokenizer> | undefined;
  return () => {
    loaded ??= loadDatasetTokenizer(name);
    return loaded;
  };
}
