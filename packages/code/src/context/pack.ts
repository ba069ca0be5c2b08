import type { TokenCounter } from "./token-counter.js";

/** Why a snippet is in the context. */
export type SnippetReason = "definition" | "similar" | "imports";

/** One snippet of `code context` (DESIGN: CLI contract). Lines 1-based, inclusive; `path` relative to its repository. */
export interface ContextSnippet {
  repo: string;
  path: string;
  start_line: number;
  end_line: number;
  reason: SnippetReason;
  score: number;
  text: string;
}

/**
 * No BPE tokenizer of a code model averages more than this many characters per token over a
 * snippet (cl100k_base: ~3.7 on code), so `length / 8` tokens is a safe lower bound.
 */
const MAX_CHARS_PER_TOKEN = 8;

/** The header a prompt puts before each snippet (`// repo/path:12-30`), counted against the budget. */
export function snippetHeader(
  snippet: Pick<ContextSnippet, "repo" | "path" | "start_line" | "end_line">,
): string {
  return `// ${snippet.repo ? `${snippet.repo}/` : ""}${snippet.path}:${snippet.start_line}-${snippet.end_line}\n`;
}

/** Tokens a snippet costs in a prompt: its header and its text. */
export function snippetTokens(snippet: ContextSnippet, counter: TokenCounter): number {
  return counter.count(snippetHeader(snippet)) + counter.count(snippet.text);
}

/**
 * Packs snippets into a token budget: overlapping snippets of the same file keep the better
 * one, then the best-scored snippets are taken greedily while they fit (a snippet too big for
 * what is left is skipped, smaller ones after it may still fit). Returns them best first with
 * the tokens they use together.
 */
export function packSnippets(
  candidates: readonly ContextSnippet[],
  budgetTokens: number,
  counter: TokenCounter,
): { snippets: ContextSnippet[]; tokens: number } {
  const ranked = [...candidates].sort(
    (a, b) =>
      b.score - a.score ||
      a.repo.localeCompare(b.repo) ||
      a.path.localeCompare(b.path) ||
      a.start_line - b.start_line,
  );
  const kept: ContextSnippet[] = [];
  let tokens = 0;
  for (const snippet of ranked) {
    if (kept.some((k) => overlaps(k, snippet))) continue;
    // cheap test first: BPE tokens of code average ≥ 2 characters, so this cannot fit either
    if (snippet.text.length / MAX_CHARS_PER_TOKEN > budgetTokens - tokens) continue;
    const cost = snippetTokens(snippet, counter);
    if (tokens + cost > budgetTokens) continue;
    kept.push(snippet);
    tokens += cost;
  }
  return { snippets: kept, tokens };
}

function overlaps(a: ContextSnippet, b: ContextSnippet): boolean {
  return a.repo === b.repo && a.path === b.path && a.start_line <= b.end_line && b.start_line <= a.end_line;
}
