import type { Logger } from "@uplift/core";
import { type Embedder, type SearchFilter, type SearchIndex, searchFilter } from "@uplift/core";
import { expandQuery, identifiersOf, splitIdentifier } from "../chunk/identifier-words.js";
import { openCodeChunks } from "../index/chunk-table.js";
import { isTestPath } from "../walk/file-filters.js";

/** One `code search` hit (DESIGN: CLI contract). Lines are 1-based and inclusive. */
export interface CodeSearchResult {
  repo: string;
  path: string;
  start_line: number;
  end_line: number;
  symbol: string;
  kind: string;
  score: number;
  text: string;
}

export interface CodeSearchOptions {
  k: number;
  repo?: string;
  embedder: Embedder | undefined;
  logger: Logger;
}

/**
 * Scores are the retrieval score divided by the best one (so in (0, 1]) plus a bonus: 1 when the
 * chunk's symbol is named like the query in any convention (camelCase, snake_case, words), 2
 * when the query spells it exactly as the code does. Name matches thus always rank first.
 */
export const SYMBOL_NAME_BONUS = 1;
export const EXACT_SYMBOL_BONUS = 2;
/**
 * The retrieval part of a test file's score is multiplied by this: tests repeat the words of
 * what they test many times, so plain BM25 ranks them above the code itself (code search
 * engines rank test files lower for the same reason). A name match still ranks a test first.
 */
export const TEST_CODE_FACTOR = 0.75;

/**
 * Searches the org's code chunks: BM25 over identifier words and code (hybrid with vectors when
 * an embedder is configured), then ranks chunks whose symbol is named like the query first
 * (see SYMBOL_NAME_BONUS), so "format amount" finds `formatAmount` and `format_amount`.
 */
export async function searchCode(
  index: SearchIndex,
  query: string,
  options: CodeSearchOptions,
): Promise<CodeSearchResult[]> {
  const dimension = options.embedder ? await options.embedder.detectDimension() : undefined;
  const { table } = await openCodeChunks(index, dimension, options.logger, { rebuild: false });
  const filter: SearchFilter | undefined = options.repo ? searchFilter.eq("repo", options.repo) : undefined;
  const text = expandQuery(query);
  const candidates = Math.max(options.k * 3, 30);
  const hits = options.embedder
    ? await table.search({
        mode: "hybrid",
        text,
        vector: (await options.embedder.embed([query]))[0] ?? [],
        ...(options.embedder.fusionWeight !== 1 && { weights: [1, options.embedder.fusionWeight] as const }),
        k: candidates,
        ...(filter && { filter }),
      })
    : await table.search({ mode: "bm25", text, k: candidates, ...(filter && { filter }) });
  const wanted = symbolKey(query);
  const queryIdentifiers = new Set(identifiersOf(query));
  const best = Math.max(...hits.map((hit) => hit.score), Number.MIN_VALUE);
  return hits
    .map((hit) => {
      const symbol = hit.row.symbol ?? "";
      const leaf = symbol.slice(symbol.lastIndexOf(".") + 1);
      const bonus =
        leaf === ""
          ? 0
          : queryIdentifiers.has(leaf)
            ? EXACT_SYMBOL_BONUS
            : symbolKey(leaf) === wanted
              ? SYMBOL_NAME_BONUS
              : 0;
      return {
        repo: hit.row.repo ?? "",
        path: hit.row.path ?? "",
        start_line: hit.row.start_line ?? 0,
        end_line: hit.row.end_line ?? 0,
        symbol,
        kind: hit.row.kind ?? "",
        score: bonus + (hit.score / best) * (isTestPath(hit.row.path ?? "") ? TEST_CODE_FACTOR : 1),
        text: hit.row.code ?? "",
      };
    })
    .sort((a, b) => b.score - a.score)
    .slice(0, options.k);
}

/** `formatAmount`, `format_amount`, "format amount" → "formatamount". */
export function symbolKey(text: string): string {
  return splitIdentifier(text.trim()).join("");
}
