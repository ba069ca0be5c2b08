/** Slots of a memo table (a power of two, over twice the entries it holds). */
const SLOTS = 1 << 19;
const MASK = SLOTS - 1;

/**
 * Token counts of substrings, in an open-addressing table keyed by a hash of the characters
 * and checked against the stored string, so a lookup makes no string and a hash collision costs
 * a recount, never a wrong count. Starts over when `maxEntries` are held.
 */
export class CountMemo {
  readonly #maxEntries: number;
  readonly #hashes = new Int32Array(SLOTS);
  readonly #counts = new Int32Array(SLOTS).fill(-1);
  readonly #texts: Array<string | undefined> = new Array(SLOTS);
  #size = 0;

  constructor(maxEntries: number) {
    this.#maxEntries = Math.min(maxEntries, SLOTS >> 1);
  }

  /** The count stored for `text[from, to)`, or -1. */
  get(text: string, from: number, to: number): number {
    const h = hashOf(text, from, to);
    for (let slot = h & MASK; ; slot = (slot + 1) & MASK) {
      const n = this.#counts[slot] as number;
      if (n < 0) return -1;
      if (this.#hashes[slot] === h) {
        const stored = this.#texts[slot] as string;
        if (stored.length === to - from && text.startsWith(stored, from)) return n;
      }
    }
  }

  set(text: string, from: number, to: number, count: number): void {
    if (this.#size >= this.#maxEntries) {
      this.#counts.fill(-1);
      this.#texts.fill(undefined);
      this.#size = 0;
    }
    const h = hashOf(text, from, to);
    let slot = h & MASK;
    while ((this.#counts[slot] as number) >= 0) slot = (slot + 1) & MASK;
    this.#hashes[slot] = h;
    this.#counts[slot] = count;
    this.#texts[slot] = text.slice(from, to);
    this.#size++;
  }
}

/** FNV-1a over UTF-16 units, seeded with the length, high bits folded down for the slot. */
function hashOf(text: string, from: number, to: number): number {
  let h = 0x811c9dc5 ^ (to - from);
  for (let k = from; k < to; k++) h = Math.imul(h ^ text.charCodeAt(k), 0x01000193);
  return h ^ (h >>> 15);
}
