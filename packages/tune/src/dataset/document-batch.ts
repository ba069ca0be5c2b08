import { closeSync, openSync, readSync } from "node:fs";
import { type LanguageId, lineCommentOf } from "@uplift/code";
import type { AcceptedFile, DatasetSettings } from "./dataset-types.js";
import { FIM_SENTINELS, type FimMode, fimCut, fimLayout, fimTransform, seededRandom } from "./fim.js";
import { fnv1a } from "./hashing.js";
import { joinedTokens } from "./line-tokens.js";
import { type DocumentPart, splitCountedDocument, splitDocument } from "./packer.js";
import type { DatasetTokenizer } from "./tokenizer.js";

/** Tokens kept free in a sequence for the FIM sentinels added to a document part. */
const FIM_RESERVE_TOKENS = 16;

/** Files of one input, in packing order, whose documents pass 2 prepares. */
export interface DocumentRequest {
  /** The input's name (in headers and FIM seeds). */
  source: string;
  spillFile: string;
  settings: Pick<DatasetSettings, "seqLen" | "fimRate" | "fimSpmRate" | "fimFormat" | "seed">;
  files: Array<Pick<AcceptedFile, "path" | "language" | "spill">>;
}

/** Documents of a batch's files, and the tokens of the separator packing puts between documents. */
export interface DocumentBatch {
  separatorTokens: number;
  files: FileDocuments[];
}

/** Documents are separated by this when packed. */
export const DOCUMENT_SEPARATOR = "\n";

/** One file's documents: its parts, each with the path header, FIM-transformed or not, counted. */
export interface FileDocuments {
  path: string;
  parts: Array<{ text: string; tokens: number; mode: FimMode | undefined }>;
}

/**
 * Pass 2's per-file work, which needs nothing from other files: read the redacted text from
 * the spill file, cut it to fit a sequence, apply FIM (seeded per file and part, so the
 * result does not depend on the order of work or on which thread does it) and count tokens.
 * Packing, which does depend on the order, stays on the main thread.
 */
export function documentBatch(request: DocumentRequest, tokenizer: DatasetTokenizer): DocumentBatch {
  const { settings, source } = request;
  const sentinels = FIM_SENTINELS[settings.fimFormat];
  const fd = openSync(request.spillFile, "r");
  try {
    const files = request.files.map((f) => {
      const buffer = Buffer.allocUnsafe(f.spill.length);
      readSync(fd, buffer, 0, f.spill.length, f.spill.offset);
      const text = buffer.toString("utf8");
      const header = headerFor(settings.fimFormat, f.language, `${source}/${f.path}`);
      const headerTokens = tokenizer.count(header);
      const budget = Math.max(1, settings.seqLen - headerTokens - FIM_RESERVE_TOKENS);
      // counted once, line by line, where the tokenizer allows: parts and FIM rewrites are sums
      const lines = tokenizer.lineTokens?.(text);
      const documentParts: DocumentPart[] = lines
        ? splitCountedDocument(text, lines, budget, tokenizer)
        : splitDocument(text, budget, tokenizer);
      const parts = documentParts.map((part, index) => {
        let body = part.text;
        let tokens = headerTokens + part.tokens;
        let mode: FimMode | undefined;
        if (f.language !== "docs") {
          const random = seededRandom(settings.seed ^ fnv1a(`${source}\0${f.path}\0${index}`));
          const cut = fimCut(part.text, random, settings.fimRate, settings.fimSpmRate);
          if (cut) {
            body = fimTransform(part.text, cut.a, cut.b, cut.mode, sentinels);
            tokens =
              headerTokens +
              (lines && part.start !== undefined
                ? joinedTokens(
                    text,
                    lines,
                    fimLayout(part.text.length, cut.a, cut.b, cut.mode, sentinels, part.start),
                    (t) => tokenizer.count(t),
                  )
                : tokenizer.count(body));
            mode = cut.mode;
          }
        }
        return { text: header + body, tokens, mode };
      });
      return { path: f.path, parts };
    });
    return { separatorTokens: tokenizer.count(DOCUMENT_SEPARATOR), files };
  } finally {
    closeSync(fd);
  }
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
