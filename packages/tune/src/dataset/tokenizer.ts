import { InputError } from "@uplift/core";
import { type LineTokens, lineAt } from "./line-tokens.js";
import { LlamaPieceCounter } from "./llama-piece-counter.js";
import { bpeTable } from "./tokenizer-bpe.js";

/** Counts the base model's tokens of a text; sentinel/special tokens count as one token each. */
export interface DatasetTokenizer {
  /** The name given with `--tokenizer`. */
  readonly name: string;
  /** The tokenizer implementation reported in the manifest. */
  readonly implementation: string;
  count(text: string): number;
  /**
   * The tokens of each line, when no token of this tokenizer spans a newline (LLaMA's), so that
   * the count of any run of whole lines is the sum of theirs plus one per newline: pass 2 counts
   * a file once and derives the counts of its parts and of its FIM rewrite (line-tokens.ts).
   */
  lineTokens?(text: string): LineTokens;
}

/** Tokenizers `--tokenizer` knows, with the package that implements each. */
export const KNOWN_TOKENIZERS: Readonly<Record<string, string>> = {
  codellama: "llama-tokenizer-js (LLaMA/Llama 2 SentencePiece BPE, 32k vocab) + Code Llama FIM specials",
  llama2: "llama-tokenizer-js (LLaMA/Llama 2 SentencePiece BPE, 32k vocab)",
  cl100k_base: "js-tiktoken cl100k_base",
  o200k_base: "js-tiktoken o200k_base",
};

/** Code Llama's infilling specials (ids 32007–32010), one token each; each starts with "<". */
const CODELLAMA_SPECIALS = ["<PRE>", "<SUF>", "<MID>", "<EOT>"];
/** Distinct pieces whose counts are remembered before the memo starts over. */
const MAX_MEMO = 200_000;

/** Loads a tokenizer by name; an unknown name is an InputError listing the known ones. */
export async function loadDatasetTokenizer(name: string): Promise<DatasetTokenizer> {
  switch (name) {
    case "codellama":
      return llamaTokenizer(name, CODELLAMA_SPECIALS);
    case "llama2":
      return llamaTokenizer(name, []);
    case "cl100k_base":
    case "o200k_base":
      return tiktokenTokenizer(name);
    default:
      throw new InputError(
        `--tokenizer ${name}: unknown tokenizer; known: ${Object.keys(KNOWN_TOKENIZERS).join(", ")}`,
      );
  }
}

/**
 * LLaMA's SentencePiece BPE through llama-tokenizer-js. Its BPE runs over the whole input
 * (slow on long texts), so the text is cut where no merge can cross and the counts of the
 * pieces are memoised. LLaMA's vocabulary has no piece joining a letter and a punctuation
 * mark, no piece with a digit next to anything (digits are split), none with a newline and
 * none with a space after another character; so the text is cut into newlines, single digits,
 * and runs of letters or of other symbols with the spaces before them (LlamaPieceCounter;
 * checked in tokenizer.test.ts against whole-text encoding). Counting matches `encode(text, false,
 * false)`: no BOS, no dummy prefix.
 */
async function llamaTokenizer(name: string, specials: readonly string[]): Promise<DatasetTokenizer> {
  const { default: llama } = await import("llama-tokenizer-js");
  const counter = new LlamaPieceCounter(bpeTable(llama.vocabByString, llama.merges));
  const count = (text: string): number => {
    if (specials.length === 0) return counter.count(text);
    // specials all start with "<": look for that character, not for the alternation
    let tokens = 0;
    let at = 0;
    for (let lt = text.indexOf("<"); lt !== -1; lt = text.indexOf("<", lt + 1)) {
      const special = specials.find((s) => text.startsWith(s, lt));
      if (special === undefined) continue;
      tokens += counter.count(text, at, lt) + 1;
      at = lt + special.length;
      lt = at - 1;
    }
    return tokens + counter.count(text, at);
  };
  return {
    name,
    implementation: KNOWN_TOKENIZERS[name] as string,
    count,
    lineTokens(text) {
      const lines = counter.countLines(text);
      if (specials.length === 0) return lines;
      // a line holding a special (none contains a newline) is recounted with them
      for (let lt = text.indexOf("<"); lt !== -1; lt = text.indexOf("<", lt + 1)) {
        if (!specials.some((s) => text.startsWith(s, lt))) continue;
        const line = lineAt(lines, lt);
        const end = line + 1 < lines.starts.length ? (lines.starts[line + 1] as number) - 1 : text.length;
        lines.tokens[line] = count(text.slice(lines.starts[line], end));
        lt = end;
      }
      return lines;
    },
  };
}

async function tiktokenTokenizer(name: "cl100k_base" | "o200k_base"): Promise<DatasetTokenizer> {
  const { Tiktoken } = await import("js-tiktoken/lite");
  const ranks =
    name === "cl100k_base"
      ? (await import("js-tiktoken/ranks/cl100k_base")).default
      : (await import("js-tiktoken/ranks/o200k_base")).default;
  const encoding = new Tiktoken(ranks);
  const splitter = new RegExp(ranks.pat_str, "gu");
  const memo = new Map<string, number>();
  return {
    name,
    implementation: KNOWN_TOKENIZERS[name] as string,
    count(text) {
      let tokens = 0;
      splitter.lastIndex = 0;
      for (let m = splitter.exec(text); m; m = splitter.exec(text)) {
        let n = memo.get(m[0]);
        if (n === undefined) {
          n = encoding.encode(m[0], [], []).length;
          if (memo.size >= MAX_MEMO) memo.clear();
          memo.set(m[0], n);
        }
        tokens += n;
      }
      return tokens;
    },
  };
}
