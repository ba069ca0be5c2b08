import type { BandCandidate, CodeIndexReader, StoredChunk } from "../store/code-reader.js";
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
  // candidates without content first: only the k kept need it
  const candidates = await reader.chunkSignaturesSharingBands(bandKeys(signature), options.candidates ?? 500);
  const scored: { candidate: BandCandidate; jaccard: number }[] = [];
  for (const candidate of candidates) {
    if (!candidate.minhash || overlapsSelf(candidate, query.self)) continue;
    const jaccard = estimateJaccard(signature, decodeSignature(candidate.minhash));
    if (jaccard >= options.threshold) scored.push({ candidate, jaccard });
  }
  scored.sort(
    (a, b) =>
      b.jaccard - a.jaccard ||
      a.candidate.repo.localeCompare(b.candidate.repo) ||
      a.candidate.path.localeCompare(b.candidate.path),
  );
  const kept = scored.slice(0, options.k);
  const stored = new Map((await reader.chunks(kept.map((m) => m.candidate.id))).map((c) => [c.id, c]));
  const matches: SimilarMatch[] = [];
  for (const { candidate, jaccard } of kept) {
    const chunk = stored.get(candidate.id);
    // a chunk re-indexed away between the two reads is simply not a match any more
    if (chunk) matches.push({ chunk, jaccard });
  }
  return { matches: matches.slice(0, options.k), tooShort: false };
}

function overlapsSelf(
  chunk: Pick<StoredChunk, "repo" | "path" | "start_line" | "end_line">,
  self: SimilarQuery["self"],
): boolean {
  return (
    self !== undefined &&
    chunk.repo === self.repo &&
    chunk.path === self.path &&
    chunk.start_line <= self.endLine &&
    chunk.end_line >= self.startLine
  );
}
