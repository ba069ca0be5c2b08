import { type LanguageId, lineCommentOf } from "@uplift/code";
import type { AcceptedFile, DatasetSettings } from "./dataset-types.js";
import { FIM_SENTINELS, maybeFim, seededRandom } from "./fim.js";
import { fnv1a } from "./hashing.js";
import { dependencyOrder, ImportResolver } from "./import-order.js";
import { SequencePacker, splitDocument } from "./packer.js";
import type { ShardWriter } from "./shard-writer.js";
import type { SpillFile } from "./spill-file.js";
import type { DatasetTokenizer } from "./tokenizer.js";

/** Tokens kept free in a sequence for the FIM sentinels added to a document part. */
const FIM_RESERVE_TOKENS = 16;

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

/**
 * Pass 2 for one input: its kept files in dependency order (docs in path order), each with a
 * path header, cut to fit a sequence, FIM-transformed at the configured rate (seeded per
 * file, so the result does not depend on the order of inputs) and packed into sequences.
 */
export async function emitSourceSequences(
  name: string,
  files: readonly AcceptedFile[],
  spill: SpillFile,
  settings: DatasetSettings,
  tokenizer: DatasetTokenizer,
  writer: ShardWriter,
  languages: Record<string, LanguageStats>,
): Promise<EmitReport> {
  const byPath = new Map(files.map((f) => [f.path, f]));
  const resolver = new ImportResolver(byPath.keys());
  const order = dependencyOrder([...byPath.keys()], (file) => {
    const f = byPath.get(file) as AcceptedFile;
    if (f.language === "docs") return [];
    const language = f.language;
    return f.imports.flatMap((spec) => resolver.resolve(file, spec, language)).filter((d) => byPath.has(d));
  });
  const sentinels = FIM_SENTINELS[settings.fimFormat];
  const packer = new SequencePacker(settings.seqLen, tokenizer, "\n");
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
  for (const file of order) {
    const f = byPath.get(file) as AcceptedFile;
    const text = spill.read(f.spill);
    const header = headerFor(settings.fimFormat, f.language, `${name}/${file}`);
    const headerTokens = tokenizer.count(header);
    const budget = Math.max(1, settings.seqLen - headerTokens - FIM_RESERVE_TOKENS);
    const parts = splitDocument(text, budget, tokenizer);
    let fileTokens = 0;
    for (const [index, part] of parts.entries()) {
      let body = part.text;
      let tokens = headerTokens + part.tokens;
      if (f.language !== "docs") {
        const random = seededRandom(settings.seed ^ fnv1a(`${name}\0${file}\0${index}`));
        const fim = maybeFim(part.text, random, settings.fimRate, settings.fimSpmRate, sentinels);
        if (fim.mode) {
          body = fim.text;
          tokens = headerTokens + tokenizer.count(body);
          report.fimDocuments[fim.mode]++;
        }
      }
      const documentText = header + body;
      fileTokens += tokens;
      await write(packer.add({ path: file, text: documentText, tokens }));
    }
    const stats = languages[f.language] ?? { files: 0, bytes: 0, tokens: 0 };
    languages[f.language] = stats;
    stats.files++;
    stats.bytes += f.bytes;
    stats.tokens += fileTokens;
  }
  await write(packer.flush());
  return report;
}

/** The line that names a file before its code, in the format the model family was trained on. */
function headerFor(
  format: DatasetSettings["fimFormat"],
  language: LanguageId | "docs",
  qualifiedPath: string,
): string {
  if (format === "starcoder2") return `<file_sep>${qualifiedPath}\n`;
  if (format === "qwen2.5-coder") return `<|file_sep|>${qualifiedPath}\n`;
  if (language === "docs") return `<!-- ${qualifiedPath} -->\n`;
  return `${lineCommentOf(language)} ${qualifiedPath}\n`;
}
