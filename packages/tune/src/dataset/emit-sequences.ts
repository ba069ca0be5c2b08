import type { AcceptedFile, DatasetSettings } from "./dataset-types.js";
import { DOCUMENT_SEPARATOR, type DocumentBatch } from "./document-batch.js";
import { dependencyOrder, ImportResolver } from "./import-order.js";
import type { InOrder } from "./in-order.js";
import { SequencePacker } from "./packer.js";
import type { ShardWriter } from "./shard-writer.js";
import type { SpillFile } from "./spill-file.js";
import type { DatasetWorkPool } from "./work-pool.js";

export interface LanguageStats {
  files: number;
  bytes: number;
  tokens: number;
}

export interface EmitReport {
  sequences: number;
  tokens: number;
  fimDocuments: { psm: number; spm: number };
}

/** Files whose documents are prepared in one pool task. */
const BATCH_FILES = 64;

/**
 * Pass 2 for one input: its kept files in dependency order (docs in path order), each with a
 * path header, cut to fit a sequence, FIM-transformed at the configured rate (seeded per
 * file, so the result does not depend on the order of inputs) and packed into sequences. The
 * per-file work (`documentBatch`) runs on the pool; packing takes its results in order through
 * `inOrder`. The report is complete once `inOrder` is drained.
 */
export async function emitSourceSequences(
  name: string,
  files: readonly AcceptedFile[],
  spill: SpillFile,
  settings: DatasetSettings,
  writer: ShardWriter,
  languages: Record<string, LanguageStats>,
  pool: DatasetWorkPool,
  inOrder: InOrder,
): Promise<EmitReport> {
  const byPath = new Map(files.map((f) => [f.path, f]));
  const resolver = new ImportResolver(byPath.keys());
  const order = dependencyOrder([...byPath.keys()], (file) => {
    const f = byPath.get(file) as AcceptedFile;
    if (f.language === "docs") return [];
    const language = f.language;
    return f.imports.flatMap((spec) => resolver.resolve(file, spec, language)).filter((d) => byPath.has(d));
  });
  let packer: SequencePacker | undefined;
  const report: EmitReport = { sequences: 0, tokens: 0, fimDocuments: { psm: 0, spm: 0 } };
  const kind = files[0]?.language === "docs" ? "docs" : "code";
  const write = async (sequence: ReturnType<SequencePacker["flush"]>) => {
    if (!sequence) return;
    report.sequences++;
    report.tokens += sequence.tokens;
    await writer.write({
      kind,
      source: name,
      files: sequence.files,
      tokens: sequence.tokens,
      text: sequence.text,
    });
  };
  const pack = async (batch: DocumentBatch) => {
    packer ??= new SequencePacker(settings.seqLen, DOCUMENT_SEPARATOR, batch.separatorTokens);
    for (const d of batch.files) {
      const f = byPath.get(d.path) as AcceptedFile;
      let fileTokens = 0;
      for (const part of d.parts) {
        if (part.mode) report.fimDocuments[part.mode]++;
        fileTokens += part.tokens;
        await write(packer.add({ path: d.path, text: part.text, tokens: part.tokens }));
      }
      const stats = languages[f.language] ?? { files: 0, bytes: 0, tokens: 0 };
      languages[f.language] = stats;
      stats.files++;
      stats.bytes += f.bytes;
      stats.tokens += fileTokens;
    }
  };
  for (let start = 0; start < order.length; start += BATCH_FILES) {
    const task = pool.documents({
      source: name,
      spillFile: spill.file,
      settings: {
        seqLen: settings.seqLen,
        fimRate: settings.fimRate,
        fimSpmRate: settings.fimSpmRate,
        fimFormat: settings.fimFormat,
        seed: settings.seed,
      },
      files: order.slice(start, start + BATCH_FILES).map((file) => {
        const f = byPath.get(file) as AcceptedFile;
        return { path: f.path, language: f.language, spill: f.spill };
      }),
    });
    await inOrder.add(task, pack);
  }
  await inOrder.afterQueued(() => write(packer?.flush()));
  return report;
}
