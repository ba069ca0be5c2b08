import type { SearchTable } from "@uplift/core";
import { identifiersOf } from "../chunk/identifier-words.js";
import type { CodeChunkRowMetadata } from "../index/chunk-table.js";
import { wordTokens } from "../similar/code-tokens.js";
import { findSimilarCode } from "../similar/find-similar.js";
import { jaccard } from "../similar/minhash.js";
import type { CodeIndexReader } from "../store/code-reader.js";
import type { LanguageId } from "../walk/languages.js";
import type { ContextSnippet } from "./pack.js";

/** Lines above the cursor compared with indexed chunks (the window the assistant is completing). */
export const SIMILAR_WINDOW_LINES = 20;
/** Snippets below this word-set Jaccard similarity are dropped. */
export const MIN_SIMILAR_JACCARD = 0.15;
/** Score of a similar snippet = this × its Jaccard similarity (definitions score up to 1). */
export const SIMILAR_WEIGHT = 0.7;
/**
 * LSH candidates examined per window (and read per band), most shared bands first: 20 are kept
 * and at most 5 reach the context. `code similar` examines 500; a window of template code shares
 * its bands with thousands of chunks, and reading 500 per band cost ~10 ms of the context's p95.
 */
export const LSH_CANDIDATES = 200;

/**
 * Snippets from the org index that resemble the code just above the cursor: candidates from
 * the MinHash/LSH index (near-duplicates) and from BM25 over the window's identifiers, scored
 * by the Jaccard similarity of their word sets with the window (the sliding-window Jaccard of
 * IDE assistants, over the whole organisation). Chunks of the open file itself are skipped.
 */
export async function similarSnippets(options: {
  reader: CodeIndexReader;
  chunks: SearchTable<CodeChunkRowMetadata> | undefined;
  lines: readonly string[];
  cursorLine: number;
  language: LanguageId | undefined;
  self: { repo: string | undefined; path: string };
  limit?: number;
}): Promise<ContextSnippet[]> {
  const { lines, cursorLine, self } = options;
  const window = lines.slice(Math.max(0, cursorLine - SIMILAR_WINDOW_LINES), cursorLine).join("\n");
  const windowWords = wordTokens(window);
  if (windowWords.size === 0) return [];
  // BM25 runs in LanceDB's threads while the LSH query runs in the store: start both, then
  // merge in a fixed order (LSH matches first, BM25 hits overriding) so the result is the same
  const query = options.chunks ? identifiersOf(window).slice(-64).join(" ") : "";
  const [{ matches }, hits] = await Promise.all([
    findSimilarCode(
      options.reader,
      { code: window, language: options.language },
      { threshold: 0.2, k: 20, candidates: LSH_CANDIDATES },
    ),
    options.chunks && query ? options.chunks.search({ mode: "bm25", text: query, k: 20 }) : [],
  ]);
  const found = new Map<string, { repo: string; path: string; start: number; end: number; code: string }>();
  for (const { chunk } of matches)
    found.set(chunk.id, {
      repo: chunk.repo,
      path: chunk.path,
      start: chunk.start_line,
      end: chunk.end_line,
      code: chunk.content,
    });
  for (const hit of hits) {
    const row = hit.row;
    found.set(hit.id, {
      repo: row.repo ?? "",
      path: row.path ?? "",
      start: row.start_line ?? 0,
      end: row.end_line ?? 0,
      code: row.code ?? "",
    });
  }
  const snippets: ContextSnippet[] = [];
  for (const candidate of found.values()) {
    if (candidate.repo === self.repo && candidate.path === self.path) continue;
    const similarity = jaccard(windowWords, wordTokens(candidate.code));
    if (similarity < MIN_SIMILAR_JACCARD) continue;
    snippets.push({
      repo: candidate.repo,
      path: candidate.path,
      start_line: candidate.start,
      end_line: candidate.end,
      reason: "similar",
      score: SIMILAR_WEIGHT * similarity,
      text: candidate.code,
    });
  }
  return snippets.sort((a, b) => b.score - a.score).slice(0, options.limit ?? 5);
}
