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

/**
 * OpenAI's cl100k_base BPE (js-tiktoken): the encoding of current embedding models, so a chunk's
 * token count is what an embedder sees. Its ranks (~1 MB) load on first use (~0.2 s).
 */
export function loadCl100kTokenizer(): Promise<Tokenizer> {
  cl100k ??= import("js-tiktoken/ranks/cl100k_base").then(({ default: ranks }) => {
    const encoding = new Tiktoken(ranks);
    return {
      name: "cl100k_base",
      count: (text) => (text ? encoding.encode(text, [], []).length : 0),
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
