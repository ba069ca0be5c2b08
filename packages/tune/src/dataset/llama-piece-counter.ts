import { CountMemo } from "./count-memo.js";
import type { LineTokens } from "./line-tokens.js";
import { type BpeTable, bpeTokenCount } from "./tokenizer-bpe.js";

/**
 * Distinct pieces remembered before the memo starts over. Generated code (the bench) has ~0.6 M
 * distinct pieces in 128 MB; real code far fewer. The memo is 48 MB of typed arrays, fixed.
 */
const MAX_ENTRIES = 1 << 20;

const NEWLINE = 10;
const SPACE = 32;
const LETTER = 1;
const DIGIT = 2;
const SYMBOL = 3;
const LETTER_PATTERN = /^\p{L}$/u;
const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;

/**
 * Counts LLaMA tokens of plain text (no specials) piece by piece, cut where no BPE merge can
 * cross (see `llamaTokenizer`): a newline (one byte token), or optional spaces followed by a run
 * of letters (`\p{L}`), one digit or a run of other symbols, or spaces alone before a newline or
 * the end — the regular expression `/ *(?:\p{L}+|\d|[^\p{L}\d ]+)| +/gu` on each line, but
 * scanning character codes once instead of matching and slicing (tested against it), hashing
 * each piece's characters as they are scanned and memoising its count in an open-addressing
 * table (checked against the piece itself, so a collision costs a recount, never a wrong
 * count). No string is made for a piece already seen.
 */
export class LlamaPieceCounter {
  readonly #table: BpeTable;
  readonly #pieces = new CountMemo(MAX_ENTRIES);
  /** Counts of the pieces of one or two ASCII characters (59 % of the pieces of code), plus one; 0 not yet counted. */
  readonly #short = new Int8Array(128 + 128 * 128);
  /** Character classes of the BMP, filled as met: 0 unknown, else LETTER / DIGIT / SYMBOL. */
  readonly #classes = new Uint8Array(65536);

  constructor(table: BpeTable) {
    this.#table = table;
    for (let c = 0; c < 128; c++)
      this.#classes[c] =
        (c >= 65 && c <= 90) || (c >= 97 && c <= 122) ? LETTER : c >= 48 && c <= 57 ? DIGIT : SYMBOL;
  }

  /** Tokens of `text` between `start` and `end` (each newline one token). */
  count(text: string, start = 0, end = text.length): number {
    let tokens = 0;
    let i = start;
    while (i < end) {
      let c = text.charCodeAt(i);
      if (c === NEWLINE) {
        tokens++; // byte token <0x0A>
        i++;
        continue;
      }
      const from = i;
      let h = FNV_OFFSET;
      while (c === SPACE) {
        h = Math.imul(h ^ c, FNV_PRIME);
        if (++i === end) break;
        c = text.charCodeAt(i);
      }
      if (i < end && c !== NEWLINE) {
        const kind = this.#classAt(text, i, c);
        h = Math.imul(h ^ c, FNV_PRIME);
        i++;
        if (kind === LETTER)
          while (i < end) {
            c = text.charCodeAt(i);
            if (this.#classAt(text, i, c) !== LETTER) break;
            h = Math.imul(h ^ c, FNV_PRIME);
            i++;
          }
        else if (kind === SYMBOL)
          while (i < end) {
            c = text.charCodeAt(i);
            if (c === SPACE || c === NEWLINE || this.#classAt(text, i, c) !== SYMBOL) break;
            h = Math.imul(h ^ c, FNV_PRIME);
            i++;
          }
      }
      tokens += this.#piece(text, from, i, h);
    }
    return tokens;
  }

  /** Tokens of each line of `text`: `count` of each line, one scan. */
  countLines(text: string): LineTokens {
    let starts: Int32Array = new Int32Array(64);
    let tokens: Int32Array = new Int32Array(64);
    let lines = 0;
    for (let at = 0; ; ) {
      const newline = text.indexOf("\n", at);
      const end = newline === -1 ? text.length : newline;
      if (lines === starts.length) {
        starts = grow(starts);
        tokens = grow(tokens);
      }
      starts[lines] = at;
      tokens[lines] = this.count(text, at, end);
      lines++;
      if (newline === -1) break;
      at = newline + 1;
    }
    return { starts: starts.subarray(0, lines), tokens: tokens.subarray(0, lines) };
  }

  #piece(text: string, from: number, to: number, hash: number): number {
    if (to - from <= 2) {
      const first = text.charCodeAt(from);
      const second = to - from === 2 ? text.charCodeAt(from + 1) : 0;
      if ((first | second) < 128) {
        const key = to - from === 1 ? first : 128 + ((first << 7) | second);
        let n = (this.#short[key] as number) - 1;
        if (n < 0) {
          n = bpeTokenCount(text.slice(from, to), this.#table);
          this.#short[key] = n + 1;
        }
        return n;
      }
    }
    const seeded = hash ^ (to - from);
    const h = seeded ^ (seeded >>> 15);
    let n = this.#pieces.get(text, from, to, h);
    if (n < 0) {
      n = bpeTokenCount(text.slice(from, to), this.#table);
      this.#pieces.set(text, from, to, h, n);
    }
    return n;
  }

  /**
   * LETTER, DIGIT or SYMBOL of the UTF-16 unit `c` at `i`, as `\p{L}` and `\d` of a `u` regex see
   * the code point it belongs to: both units of a surrogate pair get the pair's class, so a pair
   * is never cut; a lone surrogate is a SYMBOL.
   */
  #classAt(text: string, i: number, c: number): number {
    if (c < 0xd800 || c > 0xdfff) {
      let kind = this.#classes[c] as number;
      if (kind === 0) {
        kind = LETTER_PATTERN.test(String.fromCharCode(c)) ? LETTER : SYMBOL;
        this.#classes[c] = kind;
      }
      return kind;
    }
    const pairStart =
      c <= 0xdbff
        ? isLowSurrogate(text.charCodeAt(i + 1))
          ? i
          : -1
        : isHighSurrogate(text.charCodeAt(i - 1))
          ? i - 1
          : -1;
    if (pairStart < 0) return SYMBOL;
    return LETTER_PATTERN.test(String.fromCodePoint(text.codePointAt(pairStart) as number)) ? LETTER : SYMBOL;
  }
}

function isHighSurrogate(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

function grow(array: Int32Array): Int32Array {
  const grown = new Int32Array(array.length * 2);
  grown.set(array);
  return grown;
}
