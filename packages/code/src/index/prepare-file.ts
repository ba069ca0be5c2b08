import { createHash } from "node:crypto";
import type { Logger } from "@uplift/core";
import { type CodeChunk, chunkFile } from "../chunk/chunker.js";
import { identifierWordsText, splitIdentifier } from "../chunk/identifier-words.js";
import { parseSource, textOnlyParse } from "../parse/parse-source.js";
import type { TreeSitterLoader } from "../parse/tree-sitter-loader.js";
import type { ParsedFile } from "../parse/types.js";
import { normalisedTokens } from "../similar/code-tokens.js";
import { bandKeys, MIN_TOKENS, minhashSignature, shingleHashes } from "../similar/minhash.js";
import type { SourceFile } from "../walk/read-source.js";

/** Bumped when parsing or chunking changes, so that unchanged files are re-indexed once. */
export const INDEX_VERSION = "code-index-4"; // 2: Kotlin parsed (was text only); 3: secrets and PII redacted; 4: private IP ranges kept

export interface PreparedChunk extends CodeChunk {
  id: string;
  /** MinHash signature of the normalised tokens; undefined when the chunk is too short to compare. */
  minhash: Uint32Array | undefined;
  bands: number[];
  /** What BM25 indexes: path words, symbol words, the words of compound identifiers, then the code. */
  searchText: string;
}

export interface PreparedFile {
  /** The repository's name in the index. */
  repo: string;
  file: SourceFile;
  hash: string;
  parsed: ParsedFile;
  /** A grammar parsed the file (with or without syntax errors). */
  parsedOk: boolean;
  chunks: PreparedChunk[];
}

/** The content hash that decides whether a file changed since it was indexed. */
export function contentHash(text: string): string {
  return createHash("sha256").update(INDEX_VERSION).update("\0").update(text).digest("hex");
}

/** Parses, chunks and fingerprints one file (pure apart from the parser). */
export async function prepareFile(
  loader: TreeSitterLoader,
  repo: string,
  file: SourceFile,
  logger: Logger,
  hash = contentHash(file.text),
): Promise<PreparedFile> {
  let parsed: ParsedFile | undefined;
  try {
    parsed = await parseSource(loader, file.language, file.text);
  } catch (error) {
    // a grammar crash on one file must not stop an org-wide index: the file is indexed as text and counted
    logger.warn({ repo, path: file.path, err: error }, "tree-sitter failed on this file; indexed as text");
  }
  const parsedOk = parsed !== undefined;
  const result = parsed ?? textOnlyParse(file.text);
  const chunks = chunkFile(file.text, result.symbols).map((chunk) => prepareChunk(repo, file, chunk));
  return { repo, file, hash, parsed: result, parsedOk, chunks };
}

function prepareChunk(repo: string, file: SourceFile, chunk: CodeChunk): PreparedChunk {
  const id = createHash("sha256")
    .update(`${repo}\0${file.path}\0${chunk.startLine}\0${chunk.endLine}`)
    .digest("hex")
    .slice(0, 32);
  const tokens = normalisedTokens(chunk.text, file.language);
  const minhash = tokens.length >= MIN_TOKENS ? minhashSignature(shingleHashes(tokens)) : undefined;
  const pathWords = file.path.split(/[/.]/).flatMap(splitIdentifier).join(" ");
  const symbolWords = chunk.symbol.split(".").flatMap(splitIdentifier).join(" ");
  const searchText = [pathWords, symbolWords, identifierWordsText(chunk.text), chunk.text]
    .filter(Boolean)
    .join("\n");
  return { ...chunk, id, minhash, bands: minhash ? bandKeys(minhash) : [], searchText };
}
