import { Tiktoken } from "js-tiktoken/lite";

/** Counts and cuts text in model tokens. */
export interface Tokenizer {
  /** Name of the encoding, recorded with the chunking parameters. */
  readonly name: string;
  count(text: string): number;
  /** Cuts `text` into consecutive pieces of at most `maxTokens` tokens (the last may be shorter). */
  split(text: string, maxTokens: number): string[];
}

let cl100k: Promise<Tokenizer> | undefined;

/** Pieces whose token counts are remembered, at most (the memo is emptied when full). */
const MEMO_LIMIT = 200_000;

/**
 * OpenAI's cl100k_base BPE (js-tiktoken): the encoding of current embedding models, so a chunk's
 * token count is what an embedder sees. Its ranks (~1 MB) load on first use (~0.2 s).
 *
 * `count` splits the text with the encoding's own pattern, as BPE does, and remembers each
 * piece's count: documentation repeats its words, and js-tiktoken's merge is quadratic in a
 * piece's length, so this is ~6× faster on real Markdown with the same counts (BPE never merges
 * across pieces).
 */
export function loadCl100kTokenizer(): Promise<Tokenizer> {
  cl100k ??= import("js-tiktoken/ranks/cl100k_base").then(({ default: ranks }) => {
    const encoding = new Tiktoken(ranks);
    const pattern = new RegExp(ranks.pat_str, "gu");
    const memo = new Map<string, number>();
    const countPiece = (piece: string) => {
      let tokens = memo.get(piece);
      if (tokens === undefined) {
        tokens = encoding.encode(piece, [], []).length;
        if (memo.size >= MEMO_LIMIT) memo.clear();
        memo.set(piece, tokens);
      }
      return tokens;
    };
    return {
      name: "cl100k_base",
      count(text) {
        let tokens = 0;
        for (const match of text.matchAll(pattern)) tokens += countPiece(match[0]);
        return tokens;
      },
      split(text, maxTokens) {
        const tokens = encoding.encode(text, [], []);
        const pieces: string[] = [];
        for (let at = 0; at < tokens.length; at += maxTokens)
          pieces.push(encoding.decode(tokens.slice(at, at + maxTokens)));
        return pieces;
      },
    };
  });
  return cl100k;
}
