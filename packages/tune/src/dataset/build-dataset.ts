import { rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { InputError } from "@uplift/core";
import { MAX_DIFF_BYTES, MIN_MESSAGE_CHARS } from "./commit-history.js";
import { describeInputs, licenceCounts } from "./dataset-inputs.js";
import type { AcceptedFile, DatasetDeps, DatasetSettings, FilterCounts } from "./dataset-types.js";
import { onceTokenizer } from "./dataset-work.js";
import { DECONTAMINATION_NGRAM, loadContaminationSet } from "./decontaminate.js";
import { type EmitReport, emitSourceSequences, type LanguageStats } from "./emit-sequences.js";
import { writeCommitRecords, writePreferenceRecords } from "./extra-records.js";
import { InOrder } from "./in-order.js";
import { detectLicence, licenceAllowed } from "./licence.js";
import { type DatasetManifest, manifestContentHash } from "./manifest.js";
import { LSH_BANDS, LSH_ROWS, NUM_PERMUTATIONS, SHINGLE_SIZE } from "./minhash.js";
import { NearDuplicateIndex } from "./near-dedup.js";
import { commitPartialDir, createPartialDir, discardPartialDir, MANIFEST_FILE } from "./output-dir.js";
import { writeParquetShards } from "./parquet-shards.js";
import {
  FILTER_REASONS,
  MAX_AVERAGE_LINE,
  MAX_BYTES,
  MAX_LINE,
  MIN_ALPHANUMERIC_SHARE,
} from "./quality-filters.js";
import { type ReadState, readSourceFiles, type SourceReadReport } from "./read-source-files.js";
import { ShardWriter } from "./shard-writer.js";
import { SpillFile } from "./spill-file.js";
import { KNOWN_TOKENIZERS } from "./tokenizer.js";
import { DatasetWorkPool } from "./work-pool.js";

/**
 * Builds a training dataset (docs/tune.md, "Dataset"): repositories and docs folders are read,
 * filtered, redacted and deduplicated (pass 1, texts spilled to disk), then each input's kept
 * files are ordered by imports, FIM-transformed and packed into token sequences (pass 2);
 * commit histories and kb preference pairs go to their own shards. Everything is written into
 * a partial directory renamed to `settings.out` at the end, with `manifest.json`.
 */
export async function buildDataset(settings: DatasetSettings, deps: DatasetDeps): Promise<DatasetManifest> {
  if (settings.repos.length === 0 && settings.docs.length === 0)
    throw new InputError(
      "--repo is required: give each repository root, e.g. --repo ../billing --repo ../shop",
    );
  const inputs = await describeInputs(settings.repos, settings.docs);
  // loaded where counting happens: in the workers, and here only for history and feedback records
  const tokenizer = onceTokenizer(settings.tokenizer);
  if (!Object.hasOwn(KNOWN_TOKENIZERS, settings.tokenizer)) await tokenizer(); // the InputError naming the known ones
  const contamination = await loadContaminationSet(settings.decontaminate);
  const partial = await createPartialDir(settings.out);
  const started = { wall: performance.now(), cpu: process.cpuUsage() };
  const pool = new DatasetWorkPool(
    settings.workers ?? os.availableParallelism(),
    {
      tokenizer: settings.tokenizer,
      contamination: { ngrams: [...contamination.ngrams] },
    },
    tokenizer,
  );
  try {
    const spill = new SpillFile(path.join(partial, ".spill"));
    const filters = Object.fromEntries([...FILTER_REASONS, "licence"].map((r) => [r, 0])) as FilterCounts;
    const state: ReadState = {
      spill,
      nearDuplicates: new NearDuplicateIndex(settings.nearDupThreshold),
      exactHashes: new Set(),
      contamination,
      filters,
      redactions: {},
      exactDuplicates: 0,
      contaminated: [],
      contaminatedCount: 0,
      accepted: [],
      bytesRead: 0,
    };
    // pool results are used in order, across inputs: at most two tasks per worker waiting
    const inOrder = new InOrder(2 * pool.size);
    const reads: Array<{ input: (typeof inputs)[number]; report: SourceReadReport }> = [];
    for (const [index, input] of inputs.entries()) {
      if (input.kind === "code") {
        input.licence = await detectLicence(input.root);
        input.included =
          input.licence.spdx === "unknown"
            ? settings.unknownLicence === "include"
            : licenceAllowed(input.licence.spdx, settings.licences);
        if (!input.included) {
          filters.licence++;
          deps.logger.info(
            { repo: input.name, licence: input.licence.spdx },
            "repository left out by the licence allow-list",
          );
          continue;
        }
      }
      reads.push({
        input,
        report: await readSourceFiles(index, input.name, input.root, input.kind, state, pool, inOrder, deps),
      });
    }
    await inOrder.drain();
    for (const { input, report } of reads) {
      input.listed = report.listed;
      input.accepted = report.accepted;
      input.bytesRead = report.bytesRead;
      deps.logger.debug({ source: input.name, ...report }, "read");
    }

    deps.logger.info(
      { files: state.accepted.length, ...cpuSince(started) },
      "pass 1 (read, filter, redact, dedup) done",
    );
    const kept = state.accepted.filter((f) => state.nearDuplicates.representative(f.nearId) === f.nearId);
    const bySource = new Map<number, AcceptedFile[]>();
    for (const f of kept) {
      const list = bySource.get(f.source);
      if (list) list.push(f);
      else bySource.set(f.source, [f]);
    }
    const languages: Record<string, LanguageStats> = {};
    const pretrain = new ShardWriter(partial, "pretrain", settings.shardSize);
    let sequences = 0;
    let pretrainTokens = 0;
    const fim = { psm: 0, spm: 0 };
    const emits: EmitReport[] = [];
    for (const [index, input] of inputs.entries()) {
      const files = bySource.get(index) ?? [];
      input.kept = files.length;
      if (files.length === 0) continue;
      deps.onProgress?.({ phase: "pack", source: input.name, files: files.length, bytes: state.bytesRead });
      emits.push(
        await emitSourceSequences(input.name, files, spill, settings, pretrain, languages, pool, inOrder),
      );
    }
    await inOrder.drain();
    for (const report of emits) {
      sequences += report.sequences;
      pretrainTokens += report.tokens;
      fim.psm += report.fimDocuments.psm;
      fim.spm += report.fimDocuments.spm;
    }
    spill.close();
    await pool.close();
    deps.logger.info({ sequences, ...cpuSince(started) }, "pass 2 (order, FIM, tokenise, pack) done");
    await rm(path.join(partial, ".spill"));

    const instruct = new ShardWriter(partial, "instruct", settings.shardSize);
    const history = settings.history
      ? await writeCommitRecords(
          inputs,
          settings.historyLimit,
          await tokenizer(),
          instruct,
          state.redactions,
          deps,
        )
      : { commits: 0, records: 0, tokens: 0, skipped: {} };
    const preference = new ShardWriter(partial, "preference", settings.shardSize);
    const feedback = await writePreferenceRecords(
      deps.preferencePairs,
      deps.preferencePairs?.pairs.length ? await tokenizer() : undefined,
      preference,
      state.redactions,
    );

    const jsonl = {
      pretrain: await pretrain.close(),
      instruct: await instruct.close(),
      preference: await preference.close(),
    };
    const shards: DatasetManifest["outputs"]["shards"] = (
      ["pretrain", "instruct", "preference"] as const
    ).flatMap((kind) => jsonl[kind].map((s) => ({ ...s, kind, format: "jsonl" as const })));
    if (settings.parquet)
      for (const kind of ["pretrain", "instruct", "preference"] as const)
        for (const s of await writeParquetShards(partial, jsonl[kind]))
          shards.push({ ...s, kind, format: "parquet" });
    const near = state.nearDuplicates.stats();
    const outputBytes = shards.reduce((sum, s) => sum + s.bytes, 0);
    const keptBytes = kept.reduce((sum, f) => sum + f.bytes, 0);
    const filesListed = inputs.reduce((sum, i) => sum + i.listed, 0);
    const body: Omit<DatasetManifest, "content_hash"> = {
      format: "uplift-tune-dataset/1",
      created_at: new Date().toISOString(),
      settings: {
        repos: settings.repos,
        docs: settings.docs,
        out: path.resolve(settings.out),
        history: settings.history,
        history_limit: settings.historyLimit,
        licences: settings.licences,
        unknown_licence: settings.unknownLicence,
        decontaminate: settings.decontaminate,
        tokenizer: settings.tokenizer,
        tokenizer_implementation: KNOWN_TOKENIZERS[settings.tokenizer] as string,
        seq_len: settings.seqLen,
        fim_rate: settings.fimRate,
        fim_spm_rate: settings.fimSpmRate,
        fim_format: settings.fimFormat,
        shard_size: settings.shardSize,
        seed: settings.seed,
        parquet: settings.parquet,
        filters: {
          max_file_bytes: MAX_BYTES,
          max_average_line_chars: MAX_AVERAGE_LINE,
          max_line_chars: MAX_LINE,
          min_alphanumeric_share: MIN_ALPHANUMERIC_SHARE,
        },
        near_dedup: {
          method: "minhash-lsh",
          shingle_tokens: SHINGLE_SIZE,
          permutations: NUM_PERMUTATIONS,
          bands: LSH_BANDS,
          rows_per_band: LSH_ROWS,
          threshold: settings.nearDupThreshold,
        },
        decontamination_ngram: DECONTAMINATION_NGRAM,
        history_max_diff_bytes: MAX_DIFF_BYTES,
        history_min_message_chars: MIN_MESSAGE_CHARS,
      },
      inputs: {
        repositories: inputs
          .filter((i) => i.kind === "code")
          .map((i) => ({
            name: i.name,
            path: i.root,
            head: i.head ?? null,
            licence: i.licence?.spdx ?? "unknown",
            licence_source: i.licence?.source ?? null,
            included: i.included,
            files_listed: i.listed,
            files_accepted: i.accepted,
            files_kept: i.kept,
            bytes_read: i.bytesRead,
          })),
        docs: inputs
          .filter((i) => i.kind === "docs")
          .map((i) => ({
            name: i.name,
            path: i.root,
            files_listed: i.listed,
            files_kept: i.kept,
            bytes_read: i.bytesRead,
          })),
        decontaminate: contamination.sources,
      },
      outputs: {
        shards,
        records: {
          pretrain: sequences,
          instruct: history.records,
          preference: feedback.pairs,
        },
        bytes: outputBytes,
        tokens: pretrainTokens + history.tokens + feedback.tokens,
      },
      counts: {
        files_listed: filesListed,
        files_kept: kept.length,
        sequences,
        fim_documents: fim,
      },
      bytes: { input: state.bytesRead, kept: keptBytes, output: outputBytes },
      tokens: { pretrain: pretrainTokens, instruct: history.tokens, preference: feedback.tokens },
      languages,
      licences: licenceCounts(inputs),
      filters,
      dedup: {
        exact_duplicates: state.exactDuplicates,
        near_duplicates: near.duplicates,
        near_duplicate_clusters: near.clusters,
      },
      redactions: state.redactions,
      decontamination: {
        ngram: DECONTAMINATION_NGRAM,
        hits: state.contaminatedCount,
        files: state.contaminated,
      },
      history,
      feedback,
    };
    const manifest: DatasetManifest = { ...body, content_hash: manifestContentHash(body) };
    await writeFile(path.join(partial, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
    await commitPartialDir(partial, settings.out);
    return manifest;
  } catch (error) {
    await discardPartialDir(partial);
    throw error;
  } finally {
    await pool.close();
  }
}

/** Wall and CPU seconds since `started`, for the phase logs. */
function cpuSince(started: { wall: number; cpu: NodeJS.CpuUsage }): { wall_s: number; cpu_s: number } {
  const cpu = process.cpuUsage(started.cpu);
  return {
    wall_s: Math.round(performance.now() - started.wall) / 1000,
    cpu_s: Math.round((cpu.user + cpu.system) / 1000) / 1000,
  };
}
