import type { LineTokens } from "./line-tokens.js";
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

/** A part of a document cut by `splitCountedDocument`: `[start, end)` of the text, unless cut inside a line. */
export interface DocumentPart {
  text: string;
  tokens: number;
  /** Where the part is in the document; undefined for the halves of a line cut in two. */
  start?: number;
}

/**
 * `splitDocument` for a text whose lines are counted (`lines`, from a tokenizer that counts
 * line by line): the same parts with the same counts, each count a sum over the table instead of
 * a recount (packer.test.ts checks both agree); a single line too long for a part is left to
 * `splitDocument`.
 */
export function splitCountedDocument(
  text: string,
  lines: LineTokens,
  maxTokens: number,
  tokenizer: DatasetTokenizer,
): DocumentPart[] {
  const lineCount = lines.starts.length;
  const startOf = (line: number) => (line < lineCount ? (lines.starts[line] as number) : text.length);
  // tokens of a line with its newline; the last line has none
  const tokensOf = (line: number) => (lines.tokens[line] as number) + (line + 1 < lineCount ? 1 : 0);
  // the lines of [first, last), as `text.split(/(?<=\n)/)` cuts that stretch
  const split = (first: number, last: number): DocumentPart[] => {
    const start = startOf(first);
    const end = startOf(last);
    let whole = 0;
    for (let line = first; line < last; line++) whole += tokensOf(line);
    if (whole <= maxTokens || end - start <= 1)
      return [{ text: text.slice(start, end), tokens: whole, start }];
    if (last - first === 1) return splitDocument(text.slice(start, end), maxTokens, tokenizer);
    const chunks: Array<[number, number]> = [];
    let chunkStart = first;
    let chunkTokens = 0;
    for (let line = first; line < last; line++) {
      const n = tokensOf(line);
      if (line > chunkStart && chunkTokens + n > maxTokens) {
        chunks.push([chunkStart, line]);
        chunkStart = line;
        chunkTokens = 0;
      }
      chunkTokens += n;
    }
    if (chunkStart < last) chunks.push([chunkStart, last]);
    if (chunks.length === 1) {
      const middle = first + Math.ceil((last - first) / 2);
      chunks.splice(0, 1, [first, middle], [middle, last]);
    }
    return chunks.flatMap(([from, to]) => split(from, to));
  };
  // a text ending with a newline has an empty last line, which `split(/(?<=\n)/)` does not make
  const last = lineCount > 1 && startOf(lineCount - 1) === text.length ? lineCount - 1 : lineCount;
  return split(0, last);
}
