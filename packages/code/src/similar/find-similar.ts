import type { CodeIndexReader, StoredChunk } from "../store/code-reader.js";
import type { LanguageId } from "../walk/languages.js";
import { normalisedTokens } from "./code-tokens.js";
import {
  bandKeys,
  decodeSignature,
  estimateJaccard,
  MIN_TOKENS,
  minhashSignature,
  shingleHashes,
} from "./minhash.js";

/** Default `--threshold` of `code similar`: see docs/code.md for the precision/recall behind it. */
export const DEFAULT_SIMILARITY_THRESHOLD = 0.5;

export interface SimilarQuery {
  code: string;
  language: LanguageId | undefined;
  /** The query's own place in the index, excluded from the results. */
  self?: { repo: string; path: string; startLine: number; endLine: number };
}

/** A near-duplicate of the query. `jaccard` is the MinHash estimate over normalised 5-token shingles. */
export interface SimilarMatch {
  chunk: StoredChunk;
  jaccard: number;
}

/**
 * Near-duplicates of a piece of code in the org index: MinHash of its normalised shingles,
 * candidates from the LSH bands, kept when the estimated Jaccard similarity ≥ `threshold`.
 * Returns [] (and `tooShort`) for a query under MIN_TOKENS normalised tokens.
 */
export async function findSimilarCode(
  reader: CodeIndexReader,
  query: SimilarQuery,
  options: {
    threshold: number;
    k: number /** LSH candidates examined, most shared bands first (default 500). */;
    candidates?: number;
  },
): Promise<{ matches: SimilarMatch[]; tooShort: boolean }> {
  const tokens = normalisedTokens(query.code, query.language);
  if (tokens.length < MIN_TOKENS) return { matches: [], tooShort: true };
  const signature = minhashSignature(shingleHashes(tokens));
  const candidates = await reader.chunksSharingBands(bandKeys(signature), options.candidates ?? 500);
  const matches: SimilarMatch[] = [];
  for (const chunk of candidates) {
    if (!chunk.minhash || overlapsSelf(chunk, query.self)) continue;
    const jaccard = estimateJaccard(signature, decodeSignature(chunk.minhash));
    if (jaccard >= options.threshold) matches.push({ chunk, jaccard });
  }
  matches.sort(
    (a, b) =>
      b.jaccard - a.jaccard ||
      a.chunk.repo.localeCompare(b.chunk.repo) ||
      a.chunk.path.localeCompare(b.chunk.path),
  );
  return { matches: matches.slice(0, options.k), tooShort: false };
}

function overlapsSelf(chunk: StoredChunk, self: SimilarQuery["self"]): boolean {
  return (
    self !== undefined &&
    chunk.repo === self.repo &&
    chunk.path === self.path &&
    chunk.start_line <= self.endLine &&
    chunk.end_line >= self.startLine
  );
}
