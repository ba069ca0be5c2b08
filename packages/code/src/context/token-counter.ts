/** Counts model tokens of snippets packed into a budget. */
export interface TokenCounter {
  /** Encoding name, reported with every context (`cl100k_base`). */
  readonly name: string;
  count(text: string): number;
}

let cl100k: Promise<TokenCounter> | undefined;

/**
 * OpenAI's cl100k_base BPE through js-tiktoken: close to the tokenizers of current code models
 * (they differ by ±15 %, so budgets are approximate for other models). The ranks load on first
 * use (~0.2 s per process). Special-token strings in code count as plain text.
 */
export function loadCl100kCounter(): Promise<TokenCounter> {
  cl100k ??= Promise.all([import("js-tiktoken/lite"), import("js-tiktoken/ranks/cl100k_base")]).then(
    ([{ Tiktoken }, { default: ranks }]) => {
      const encoding = new Tiktoken(ranks);
      return { name: "cl100k_base", count: (text) => (text ? encoding.encode(text, [], []).length : 0) };
    },
  );
  return cl100k;
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
