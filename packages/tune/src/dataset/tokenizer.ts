import { InputError } from "@uplift/core";

/** Counts the base model's tokens of a text; sentinel/special tokens count as one token each. */
export interface DatasetTokenizer {
  /** The name given with `--tokenizer`. */
  readonly name: string;
  /** The tokenizer implementation reported in the manifest. */
  readonly implementation: string;
  count(text: string): number;
}

/** Tokenizers `--tokenizer` knows, with the package that implements each. */
export const KNOWN_TOKENIZERS: Readonly<Record<string, string>> = {
  codellama: "llama-tokenizer-js (LLaMA/Llama 2 SentencePiece BPE, 32k vocab) + Code Llama FIM specials",
  llama2: "llama-tokenizer-js (LLaMA/Llama 2 SentencePiece BPE, 32k vocab)",
  cl100k_base: "js-tiktoken cl100k_base",
  o200k_base: "js-tiktoken o200k_base",
};

/** Code Llama's infilling specials (ids 32007–32010), one token each. */
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
 * and runs of letters or of other symbols with the spaces before them (checked in
 * tokenizer.test.ts against whole-text encoding). Counting matches `encode(text, false,
 * false)`: no BOS, no dummy prefix.
 */
async function llamaTokenizer(name: string, specials: readonly string[]): Promise<DatasetTokenizer> {
  const { default: llama } = await import("llama-tokenizer-js");
  const table = bpeTable(llama.vocabByString, llama.merges);
  const memo = new Map<string, number>();
  const countPiece = (piece: string): number => {
    let n = memo.get(piece);
    if (n === undefined) {
      n = bpeTokenCount(piece, table);
      if (memo.size >= MAX_MEMO) memo.clear();
      memo.set(piece, n);
    }
    return n;
  };
  const countPieces = (line: string): number => {
    let tokens = 0;
    for (const piece of line.match(LLAMA_PIECES) ?? []) tokens += countPiece(piece);
    return tokens;
  };
  // Lines repeat across files (and a FIM rewrite of a file changes only the lines it cuts), and a
  // newline is always its own byte token, so whole lines are memoised too.
  const lineMemo = new Map<string, number>();
  const countPlain = (text: string): number => {
    let tokens = 0;
    let start = 0;
    for (;;) {
      const end = text.indexOf("\n", start);
      const line = end === -1 ? text.slice(start) : text.slice(start, end);
      if (line) {
        let n = lineMemo.get(line);
        if (n === undefined) {
          n = countPieces(line);
          if (lineMemo.size >= MAX_MEMO) lineMemo.clear();
          lineMemo.set(line, n);
        }
        tokens += n;
      }
      if (end === -1) return tokens;
      tokens++; // the newline: byte token <0x0A>
      start = end + 1;
    }
  };
  const specialPattern = specials.length ? new RegExp(specials.map(escapeRegExp).join("|"), "g") : undefined;
  return {
    name,
    implementation: KNOWN_TOKENIZERS[name] as string,
    count(text) {
      if (!specialPattern) return countPlain(text);
      let tokens = 0;
      let at = 0;
      specialPattern.lastIndex = 0;
      for (let m = specialPattern.exec(text); m; m = specialPattern.exec(text)) {
        tokens += countPlain(text.slice(at, m.index)) + 1;
        at = m.index + m[0].length;
      }
      return tokens + countPlain(text.slice(at));
    },
  };
}

/** LLaMA's merges by token ids: key id₁ · 2¹⁶ + id₂ → rank · 2¹⁶ + merged id. */
export interface BpeTable {
  vocab: ReadonlyMap<string, number>;
  pairs: ReadonlyMap<number, number>;
}

const ID_SPACE = 65536;

/** Builds the id-keyed merge table from llama-tokenizer-js's vocabulary and `"a b" → rank` merges. */
export function bpeTable(vocab: ReadonlyMap<string, number>, merges: ReadonlyMap<string, number>): BpeTable {
  const pairs = new Map<number, number>();
  for (const [key, rank] of merges) {
    const space = key.indexOf(" ");
    const a = vocab.get(key.slice(0, space));
    const b = vocab.get(key.slice(space + 1));
    const merged = vocab.get(key.slice(0, space) + key.slice(space + 1));
    if (a !== undefined && b !== undefined && merged !== undefined)
      pairs.set(a * ID_SPACE + b, rank * ID_SPACE + merged);
  }
  return { vocab, pairs };
}

/**
 * The number of tokens LLaMA's BPE makes of one piece, as llama-tokenizer-js's `encode(piece,
 * false, false)` does (spaces as `▁`, characters outside the vocabulary as one token per UTF-8
 * byte, then repeatedly the adjacent pair with the best merge rank, leftmost first) but on token
 * ids, without its per-call set-up (linked list, priority queue, string keys), which dominates
 * on the short pieces counted here. tokenizer.test.ts checks it against `encode`.
 */
export function bpeTokenCount(piece: string, table: BpeTable): number {
  const ids: number[] = [];
  let bytes = 0;
  for (const ch of piece) {
    const id = table.vocab.get(ch === " " ? "▁" : ch);
    if (id !== undefined) ids.push(id);
    else {
      bytes += Buffer.byteLength(ch); // byte-fallback tokens, which no merge involves
      ids.push(-1);
    }
  }
  const NONE = Number.POSITIVE_INFINITY;
  const entryOf = (i: number): number => {
    const a = ids[i] as number;
    const b = ids[i + 1] as number;
    if (a < 0 || b < 0) return NONE;
    return table.pairs.get(a * ID_SPACE + b) ?? NONE;
  };
  const entries: number[] = [];
  for (let i = 0; i + 1 < ids.length; i++) entries.push(entryOf(i));
  for (;;) {
    let best = -1;
    let bestEntry = NONE;
    for (let i = 0; i < entries.length; i++)
      if ((entries[i] as number) < bestEntry) {
        bestEntry = entries[i] as number;
        best = i;
      }
    if (best < 0) break;
    ids.splice(best, 2, bestEntry % ID_SPACE);
    entries.splice(best, 1);
    if (best < entries.length) entries[best] = entryOf(best);
    if (best > 0) entries[best - 1] = entryOf(best - 1);
  }
  let tokens = bytes;
  for (const id of ids) if (id >= 0) tokens++;
  return tokens;
}

/** Pieces between which LLaMA's BPE never merges (see llamaTokenizer). */
const LLAMA_PIECES = / *(?:\p{L}+|\d|[^\p{L}\d ]+)| +/gu;

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

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
