import { listRepositoryFiles } from "@uplift/code";
import { addCounts } from "@uplift/core";
import type { AcceptedFile, DatasetDeps, FilterCounts } from "./dataset-types.js";
import type { ContaminationSet } from "./decontaminate.js";
import type { FingerprintBatch, FingerprintRequest } from "./fingerprint-batch.js";
import type { InOrder } from "./in-order.js";
import type { NearDuplicateIndex } from "./near-dedup.js";
import { filterByPath } from "./quality-filters.js";
import type { SpillFile } from "./spill-file.js";
import type { DatasetWorkPool } from "./work-pool.js";

/** Documentation files read from `--docs` folders. */
const DOC_FILE = /\.(md|mdx|markdown|rst|txt|adoc|asciidoc)$/i;

/** State shared by every input of a run: dedup sets, counters, the spill file. */
export interface ReadState {
  spill: SpillFile;
  nearDuplicates: NearDuplicateIndex;
  exactHashes: Set<string>;
  contamination: ContaminationSet;
  filters: FilterCounts;
  redactions: Record<string, number>;
  exactDuplicates: number;
  contaminated: Array<{ source: string; path: string }>;
  contaminatedCount: number;
  accepted: AcceptedFile[];
  bytesRead: number;
}

export interface SourceReadReport {
  listed: number;
  accepted: number;
  bytesRead: number;
}

/**
 * Pass 1 over one input (a repository or a docs folder): list the files (honouring
 * .gitignore), filter, redact secrets and PII, drop exact duplicates (hash of whitespace-
 * normalised content) and contaminated files, fingerprint the rest for near-dedup and spill
 * their redacted text. Nothing unredacted is ever written. The per-file work runs in batches on
 * the pool; the results are taken in listing order through `inOrder`, so what counts as a
 * duplicate (the later copy) does not depend on the number of workers. The report is complete
 * once `inOrder` is drained (the input's last batches may still be running on return).
 */
export async function readSourceFiles(
  sourceIndex: number,
  name: string,
  root: string,
  kind: "code" | "docs",
  state: ReadState,
  pool: DatasetWorkPool,
  inOrder: InOrder,
  deps: DatasetDeps,
): Promise<SourceReadReport> {
  const { paths } = await listRepositoryFiles(root);
  const report: SourceReadReport = { listed: paths.length, accepted: 0, bytesRead: 0 };
  const take = (batch: FingerprintBatch) => {
    takeBatch(sourceIndex, name, batch, state, report);
    deps.onProgress?.({ phase: "read", source: name, files: report.accepted, bytes: state.bytesRead });
  };
  let files: FingerprintRequest["files"] = [];
  const send = async () => {
    if (files.length === 0) return;
    const task = pool.fingerprint({ root, kind, files });
    files = [];
    await inOrder.add(task, take);
  };
  for (const relative of paths) {
    if (kind === "docs") {
      if (!DOC_FILE.test(relative)) {
        state.filters.unsupported++;
        continue;
      }
      files.push({ path: relative, language: "docs" });
    } else {
      const byPath = filterByPath(relative);
      if ("skipped" in byPath) {
        state.filters[byPath.skipped]++;
        continue;
      }
      files.push({ path: relative, language: byPath.language });
    }
    if (files.length >= BATCH_FILES) await send();
  }
  await send();
  return report;
}

/** Files fingerprinted together (one task, one secretlint pass); bounded so memory stays small. */
const BATCH_FILES = 256;

/**
 * Exact dedup, decontamination and near-dedup of a batch's files, in order; spills the accepted,
 * one write per run of accepted files that lie one after the other in the batch's texts (the
 * same bytes as one write per file, a hundredth of the system calls).
 */
function takeBatch(
  sourceIndex: number,
  name: string,
  batch: FingerprintBatch,
  state: ReadState,
  report: SourceReadReport,
): void {
  let run: { start: number; end: number; files: AcceptedFile[] } | undefined;
  const spillRun = () => {
    if (!run) return;
    const { offset } = state.spill.appendBytes(batch.texts.subarray(run.start, run.end));
    for (const f of run.files) f.spill.offset += offset;
    run = undefined;
  };
  for (const file of batch.files) {
    report.bytesRead += file.size;
    state.bytesRead += file.size;
    if ("skipped" in file) {
      state.filters[file.skipped]++;
      continue;
    }
    addCounts(state.redactions, file.redactions);
    if (state.exactHashes.has(file.hash)) {
      state.exactDuplicates++;
      continue;
    }
    state.exactHashes.add(file.hash);
    if (file.contaminated) {
      state.contaminatedCount++;
      if (state.contaminated.length < 1000) state.contaminated.push({ source: name, path: file.path });
      continue;
    }
    if (!file.signature) {
      state.filters.empty++;
      continue;
    }
    const nearId = state.nearDuplicates.add(file.signature);
    if (run && run.end !== file.start) spillRun();
    run ??= { start: file.start, end: file.start, files: [] };
    const accepted: AcceptedFile = {
      source: sourceIndex,
      path: file.path,
      language: file.language,
      bytes: file.end - file.start,
      spill: { offset: file.start - run.start, length: file.end - file.start }, // + the run's offset
      nearId,
      imports: file.imports,
    };
    run.files.push(accepted);
    run.end = file.end;
    state.accepted.push(accepted);
    report.accepted++;
  }
  spillRun();
}
