/** Counts model tokens of snippets packed into a budget. */
export interface TokenCounter {
  /** Encoding name, reported with every context (`cl100k_base`). */
  readonly name: string;
  count(text: string): number;
}

/** Distinct pre-tokenised pieces whose token counts are remembered (then the memo starts over). */
const MAX_MEMO_PIECES = 200_000;

let cl100k: Promise<TokenCounter> | undefined;

/**
 * OpenAI's cl100k_base BPE through js-tiktoken: close to the tokenizers of current code models
 * (they differ by ±15 %, so budgets are approximate for other models). The ranks load on first
 * use (~0.2 s per process). Special-token strings in code count as plain text.
 *
 * The count equals `encode(text).length`, but faster: the text is cut with the encoding's own
 * pre-tokeniser pattern (as `encode` does) and the BPE token count of each piece is memoised,
 * since code repeats the same identifiers, keywords and indentation runs over and over.
 */
export function loadCl100kCounter(): Promise<TokenCounter> {
  cl100k ??= Promise.all([import("js-tiktoken/lite"), import("js-tiktoken/ranks/cl100k_base")]).then(
    ([{ Tiktoken }, { default: ranks }]) => {
      const encoding = new Tiktoken(ranks);
      return memoisedPieceCounter(
        "cl100k_base",
        ranks.pat_str,
        (piece) => encoding.encode(piece, [], []).length,
      );
    },
  );
  return cl100k;
}

/**
 * A counter that splits text with a BPE pre-tokeniser pattern and sums the memoised token
 * counts of the pieces. `countPiece` must count one piece as the full encoder would inside a
 * text: true for the cl100k pattern, whose pieces re-split into themselves (tested against
 * `encode` over this repository's files).
 */
export function memoisedPieceCounter(
  name: string,
  pattern: string,
  countPiece: (piece: string) => number,
): TokenCounter {
  const splitter = new RegExp(pattern, "gu");
  const memo = new Map<string, number>();
  return {
    name,
    count(text) {
      if (!text) return 0;
      let tokens = 0;
      splitter.lastIndex = 0;
      for (let match = splitter.exec(text); match; match = splitter.exec(text)) {
        const piece = match[0];
        let n = memo.get(piece);
        if (n === undefined) {
          n = countPiece(piece);
          if (memo.size >= MAX_MEMO_PIECES) memo.clear();
          memo.set(piece, n);
        }
        tokens += n;
      }
      return tokens;
    },
  };
}

/**
 * A dependency-free approximation: one token per 3.5 characters, rounded up. On this
 * repository's TypeScript it over-counts cl100k_base by ~6 % (docs/code.md), so a context
 * packed with it stays within a cl100k budget.
 */
export const approximateCounter: TokenCounter = {
  name: "approx-chars/3.5",
  count: (text) => Math.ceil(text.length / 3.5),
};
