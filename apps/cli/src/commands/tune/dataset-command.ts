import { FIM_MODELS, type FimModel } from "@uplift/code";
import { InputError } from "@uplift/core";
import { readVotedAnswers } from "@uplift/kb";
import {
  buildDataset,
  type DatasetManifest,
  type DatasetProgress,
  type DatasetSettings,
  DEFAULT_LICENCE_ALLOW_LIST,
  preferencePairs,
} from "@uplift/tune";
import { withContext } from "../../context.js";
import type { GlobalOptions } from "../../options.js";
import { fraction, positiveInteger } from "../code/parse-flags.js";

export interface DatasetFlags {
  repo: string[];
  docs: string[];
  out: string;
  history?: boolean;
  historyLimit: string;
  feedback?: boolean;
  licenses?: string;
  unknownLicense: string;
  decontaminate: string[];
  tokenizer: string;
  seqLen: string;
  fimRate: string;
  fimSpmRate: string;
  fimFormat?: string;
  shardSize: string;
  nearDupThreshold: string;
  seed: string;
  parquet?: boolean;
  workers?: string;
}

/** `uplift tune dataset`: see docs/tune.md ("Dataset"). */
export async function tuneDatasetCommand(global: GlobalOptions, flags: DatasetFlags) {
  const settings = parseDatasetFlags(flags);
  await withContext(global, async (ctx) => {
    const feedback = flags.feedback ? preferencePairs(await readVotedAnswers(await ctx.store())) : undefined;
    const progress = process.stderr.isTTY && !ctx.json ? ttyProgress() : undefined;
    const manifest = await buildDataset(settings, {
      logger: ctx.logger,
      ...(feedback && { preferencePairs: feedback }),
      ...(progress && { onProgress: progress.update }),
    }).finally(() => progress?.done());
    ctx.print(manifest, human);
  });
}

/** Validates the flags into settings (InputError naming the flag). */
export function parseDatasetFlags(flags: DatasetFlags): DatasetSettings {
  if (flags.repo.length === 0 && flags.docs.length === 0)
    throw new InputError(
      "--repo is required: give each repository root, e.g. --repo ../billing --repo ../shop",
    );
  if (flags.unknownLicense !== "include" && flags.unknownLicense !== "exclude")
    throw new InputError(`--unknown-license ${flags.unknownLicense}: expected include or exclude`);
  const fimFormat = (flags.fimFormat ?? "codellama") as FimModel;
  if (!FIM_MODELS.includes(fimFormat))
    throw new InputError(`--fim-format ${flags.fimFormat}: unknown; known: ${FIM_MODELS.join(", ")}`);
  const seed = Number(flags.seed);
  if (!Number.isSafeInteger(seed)) throw new InputError(`--seed ${flags.seed}: expected a whole number`);
  const licences = flags.licenses
    ? flags.licenses
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean)
    : [...DEFAULT_LICENCE_ALLOW_LIST];
  if (licences.length === 0)
    throw new InputError("--licenses: give at least one SPDX id, e.g. MIT,Apache-2.0");
  return {
    repos: flags.repo,
    docs: flags.docs,
    out: flags.out,
    history: Boolean(flags.history),
    historyLimit: positiveInteger("--history-limit", flags.historyLimit, 1_000_000),
    licences,
    unknownLicence: flags.unknownLicense,
    decontaminate: flags.decontaminate,
    tokenizer: flags.tokenizer,
    seqLen: positiveInteger("--seq-len", flags.seqLen, 1_048_576),
    fimRate: fraction("--fim-rate", flags.fimRate),
    fimSpmRate: fraction("--fim-spm-rate", flags.fimSpmRate),
    fimFormat,
    shardSize: positiveInteger("--shard-size", flags.shardSize, 100_000_000),
    nearDupThreshold: fraction("--near-dup-threshold", flags.nearDupThreshold),
    seed,
    parquet: Boolean(flags.parquet),
    ...(flags.workers === undefined ? {} : { workers: positiveInteger("--workers", flags.workers, 256) }),
  };
}

function human(m: DatasetManifest): string {
  const filtered = Object.entries(m.filters)
    .filter(([, n]) => n > 0)
    .map(([reason, n]) => `${n} ${reason}`)
    .join(", ");
  const redacted = Object.entries(m.redactions)
    .map(([type, n]) => `${n} ${type}`)
    .join(", ");
  return [
    `dataset written to ${m.settings.out}`,
    `  ${m.counts.files_kept} of ${m.counts.files_listed} files kept (${(m.bytes.kept / 1e6).toFixed(1)} MB of ${(m.bytes.input / 1e6).toFixed(1)} MB read)`,
    `  ${m.outputs.records.pretrain} sequences, ${m.tokens.pretrain} tokens (${m.settings.tokenizer}, seq-len ${m.settings.seq_len}); ${m.outputs.records.instruct} commit records; ${m.outputs.records.preference} preference pairs`,
    `  filtered: ${filtered || "none"}`,
    `  dedup: ${m.dedup.exact_duplicates} exact, ${m.dedup.near_duplicates} near duplicates in ${m.dedup.near_duplicate_clusters} clusters; decontamination hits: ${m.decontamination.hits}`,
    `  redactions: ${redacted || "none"}`,
    `  content hash ${m.content_hash}`,
  ].join("\n");
}

/** A one-line progress display on stderr, redrawn in place. */
function ttyProgress() {
  let last = 0;
  return {
    update(p: DatasetProgress) {
      const now = Date.now();
      if (now - last < 100) return;
      last = now;
      process.stderr.write(
        `\r\x1b[K${p.phase} ${p.source}: ${p.files} files, ${(p.bytes / 1e6).toFixed(1)} MB read`,
      );
    },
    done() {
      process.stderr.write("\r\x1b[K");
    },
  };
}
