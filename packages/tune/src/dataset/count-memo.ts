/** Slots of a memo table (a power of two, over twice the entries it holds). */
const SLOTS = 1 << 21;
const MASK = SLOTS - 1;
/** UTF-16 units of the stored substrings, one after the other (16 MB). */
const ARENA_UNITS = 1 << 23;
/** Longer substrings are not stored (rare: a piece is a run of letters or of symbols; BPE of a long one is slow, so most are kept). */
const MAX_MEMO_LENGTH = 4096;

/**
 * Token counts of substrings, in an open-addressing table keyed by a hash of the characters
 * (computed by the caller while it scans them) and checked against the stored characters, so a
 * lookup makes no string and a hash collision costs a recount, never a wrong count. A slot is
 * `[hash, count, offset, length]` in one Int32Array and the characters are copied into one
 * Uint16Array: no string per entry for the collector to trace, and a lookup touches two cache
 * lines. Starts over when `maxEntries` are held or the characters fill their array.
 */
export class CountMemo {
  readonly #maxEntries: number;
  /** `[hash, count, offset, length]` per slot; count -1 marks an empty slot. */
  readonly #slots = new Int32Array(4 * SLOTS);
  readonly #units = new Uint16Array(ARENA_UNITS);
  #used = 0;
  #size = 0;

  constructor(maxEntries: number) {
    this.#maxEntries = Math.min(maxEntries, SLOTS >> 1);
    this.#clear();
  }

  /** The count stored for `text[from, to)` whose hash is `hash`, or -1. */
  get(text: string, from: number, to: number, hash: number): number {
    const length = to - from;
    const slots = this.#slots;
    for (let slot = hash & MASK; ; slot = (slot + 1) & MASK) {
      const at = 4 * slot;
      const n = slots[at + 1] as number;
      if (n < 0) return -1;
      if (
        slots[at] === hash &&
        slots[at + 3] === length &&
        this.#holds(slots[at + 2] as number, text, from, length)
      )
        return n;
    }
  }

  /** Stores the count of `text[from, to)` (at most MAX_MEMO_LENGTH units; longer ones are not kept). */
  set(text: string, from: number, to: number, hash: number, count: number): void {
    const length = to - from;
    if (length > MAX_MEMO_LENGTH) return;
    if (this.#size >= this.#maxEntries || this.#used + length > ARENA_UNITS) this.#clear();
    let slot = hash & MASK;
    while ((this.#slots[4 * slot + 1] as number) >= 0) slot = (slot + 1) & MASK;
    const at = 4 * slot;
    this.#slots[at] = hash;
    this.#slots[at + 1] = count;
    this.#slots[at + 2] = this.#used;
    this.#slots[at + 3] = length;
    for (let k = 0; k < length; k++) this.#units[this.#used + k] = text.charCodeAt(from + k);
    this.#used += length;
    this.#size++;
  }

  #holds(offset: number, text: string, from: number, length: number): boolean {
    const units = this.#units;
    for (let k = 0; k < length; k++) if (units[offset + k] !== text.charCodeAt(from + k)) return false;
    return true;
  }

  #clear(): void {
    for (let slot = 0; slot < SLOTS; slot++) this.#slots[4 * slot + 1] = -1;
    this.#used = 0;
    this.#size = 0;
  }
}
