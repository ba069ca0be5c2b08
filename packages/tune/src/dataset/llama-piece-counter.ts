import { CountMemo } from "./count-memo.js";
import { type BpeTable, bpeTokenCount } from "./tokenizer-bpe.js";

/** Distinct pieces (and lines) remembered before a memo starts over. */
const MAX_ENTRIES = 200_000;
/** Lines shorter than this are counted piece by piece without the line memo. */
const MIN_MEMO_LINE = 12;

const SPACE = 32;
const LETTER = 1;
const DIGIT = 2;
const SYMBOL = 3;
const LETTER_PATTERN = /^\p{L}$/u;

/**
 * Counts LLaMA tokens of plain text (no specials) piece by piece, cut where no BPE merge can
 * cross (see `llamaTokenizer`): a newline (one byte token), or optional spaces followed by a run
 * of letters (`\p{L}`), one digit or a run of other symbols, or spaces alone before a newline or
 * the end — the regular expression `/ *(?:\p{L}+|\d|[^\p{L}\d ]+)| +/gu` on each line, but
 * scanning character codes instead of matching and slicing (tested against it), and memoising each
 * piece's count in an open-addressing table keyed by a hash of its characters (checked against
 * the piece itself, so a collision costs a recount, never a wrong count). No string is made
 * for a piece already seen.
 */
export class LlamaPieceCounter {
  readonly #table: BpeTable;
  readonly #pieces = new CountMemo(MAX_ENTRIES);
  readonly #lines = new CountMemo(MAX_ENTRIES);
  /** Character classes of the BMP, filled as met: 0 unknown, else LETTER / DIGIT / SYMBOL. */
  readonly #classes = new Uint8Array(65536);

  constructor(table: BpeTable) {
    this.#table = table;
    for (let c = 0; c < 128; c++)
      this.#classes[c] =
        (c >= 65 && c <= 90) || (c >= 97 && c <= 122) ? LETTER : c >= 48 && c <= 57 ? DIGIT : SYMBOL;
  }

  /**
   * Tokens of `text` between `start` and `end`: each newline one, each line's count from the
   * line memo (lines repeat across files, and a FIM rewrite or a split of a file recounts
   * mostly the same lines) or from its pieces.
   */
  count(text: string, start = 0, end = text.length): number {
    let tokens = 0;
    let at = start;
    for (;;) {
      let lineEnd = text.indexOf("\n", at);
      if (lineEnd === -1 || lineEnd > end) lineEnd = end;
      if (lineEnd - at < MIN_MEMO_LINE) tokens += this.#countPieces(text, at, lineEnd);
      else {
        let n = this.#lines.get(text, at, lineEnd);
        if (n < 0) {
          n = this.#countPieces(text, at, lineEnd);
          this.#lines.set(text, at, lineEnd, n);
        }
        tokens += n;
      }
      if (lineEnd >= end) return tokens;
      tokens++; // the newline: byte token <0x0A>
      at = lineEnd + 1;
    }
  }

  /** Tokens of one line (no newline in `[start, end)`), piece by piece. */
  #countPieces(text: string, start: number, end: number): number {
    let tokens = 0;
    let i = start;
    while (i < end) {
      const from = i;
      while (i < end && text.charCodeAt(i) === SPACE) i++;
      if (i < end) {
        const kind = this.#classAt(text, i);
        if (kind === DIGIT) i++;
        else if (kind === LETTER) {
          i += this.#width(text, i);
          while (i < end && this.#classAt(text, i) === LETTER) i += this.#width(text, i);
        } else {
          i += this.#width(text, i);
          for (;;) {
            if (i >= end) break;
            const d = text.charCodeAt(i);
            if (d === SPACE || this.#classAt(text, i) !== SYMBOL) break;
            i += this.#width(text, i);
          }
        }
      }
      tokens += this.#piece(text, from, i);
    }
    return tokens;
  }

  #piece(text: string, from: number, to: number): number {
    let n = this.#pieces.get(text, from, to);
    if (n < 0) {
      n = bpeTokenCount(text.slice(from, to), this.#table);
      this.#pieces.set(text, from, to, n);
    }
    return n;
  }

  /** LETTER, DIGIT or SYMBOL of the code point at `i` (as `\p{L}` and `\d` of a `u` regex see it). */
  #classAt(text: string, i: number): number {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const cp = text.codePointAt(i) as number;
      if (cp > 0xffff) return LETTER_PATTERN.test(String.fromCodePoint(cp)) ? LETTER : SYMBOL;
    }
    let kind = this.#classes[c] as number;
    if (kind === 0) {
      kind = LETTER_PATTERN.test(String.fromCharCode(c)) ? LETTER : SYMBOL;
      this.#classes[c] = kind;
    }
    return kind;
  }

  /** UTF-16 units of the code point at `i`. */
  #width(text: string, i: number): number {
    const c = text.charCodeAt(i);
    if (c < 0xd800 || c > 0xdbff || i + 1 >= text.length) return 1;
    const next = text.charCodeAt(i + 1);
    return next >= 0xdc00 && next <= 0xdfff ? 2 : 1;
  }
}
