import type { DatasetTokenizer } from "./tokenizer.js";

/** One packed training sequence. */
export interface PackedSequence {
  text: string;
  tokens: number;
  /** Repository-relative paths of the documents (or parts of them) it holds, in order. */
  files: string[];
}

/** A document to pack: a file with its header, possibly FIM-transformed. */
export interface PackDocument {
  path: string;
  text: string;
  tokens: number;
}

/**
 * Greedy packing of one repository's documents, in their (dependency) order, into sequences
 * of at most `seqLen` tokens, documents separated by `separator`; a document longer than a
 * sequence is cut at line boundaries first (`splitDocument`). Sequences never mix repositories.
 */
export class SequencePacker {
  readonly #seqLen: number;
  readonly #separator: string;
  readonly #separatorTokens: number;
  #parts: string[] = [];
  #files: string[] = [];
  #tokens = 0;

  constructor(seqLen: number, separator: string, separatorTokens: number) {
    this.#seqLen = seqLen;
    this.#separator = separator;
    this.#separatorTokens = separatorTokens;
  }

  /** Adds a document (≤ seqLen tokens); returns the sequence it closed, if any. */
  add(document: PackDocument): PackedSequence | undefined {
    const extra = this.#parts.length > 0 ? this.#separatorTokens : 0;
    let closed: PackedSequence | undefined;
    if (this.#parts.length > 0 && this.#tokens + extra + document.tokens > this.#seqLen)
      closed = this.flush();
    if (this.#parts.length > 0) this.#tokens += this.#separatorTokens;
    this.#parts.push(document.text);
    this.#files.push(document.path);
    this.#tokens += document.tokens;
    return closed;
  }

  /** Closes the open sequence. */
  flush(): PackedSequence | undefined {
    if (this.#parts.length === 0) return undefined;
    const text = this.#parts.join(this.#separator);
    const sequence = { text, tokens: this.#tokens, files: [...new Set(this.#files)] };
    this.#parts = [];
    this.#files = [];
    this.#tokens = 0;
    return sequence;
  }
}

/**
 * Cuts a text into parts of at most `maxTokens` tokens at line boundaries (a single longer line
 * at character boundaries), each part counted exactly.
 */
export function splitDocument(
  text: string,
  maxTokens: number,
  tokenizer: DatasetTokenizer,
): Array<{ text: string; tokens: number }> {
  const whole = tokenizer.count(text);
  if (whole <= maxTokens || text.length <= 1) return [{ text, tokens: whole }];
  const lines = text.split(/(?<=\n)/);
  let chunks: string[];
  if (lines.length === 1) {
    const half = Math.ceil(text.length / 2);
    chunks = [text.slice(0, half), text.slice(half)];
  } else {
    chunks = [];
    let current = "";
    let currentTokens = 0;
    for (const line of lines) {
      const n = tokenizer.count(line);
      if (current && currentTokens + n > maxTokens) {
        chunks.push(current);
        current = "";
        currentTokens = 0;
      }
      current += line;
      currentTokens += n;
    }
    if (current) chunks.push(current);
    if (chunks.length === 1) {
      // the lines fit one by one but not together (merges across line ends): halve by lines
      const middle = Math.ceil(lines.length / 2);
      chunks = [lines.slice(0, middle).join(""), lines.slice(middle).join("")];
    }
  }
  return chunks.flatMap((chunk) => splitDocument(chunk, maxTokens, tokenizer));
}
