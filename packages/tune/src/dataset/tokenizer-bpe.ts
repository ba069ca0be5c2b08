/**
 * LLaMA's merges by token ids, in an open-addressing table: key `id₁ · 2¹⁶ + id₂` (ids < 2¹⁵, so
 * the key is a positive int32) → rank and merged id; plus each UTF-16 unit's id, filled as met.
 */
export interface BpeTable {
  vocab: ReadonlyMap<string, number>;
  pairKeys: Int32Array;
  pairRanks: Int32Array;
  pairMerged: Int32Array;
  /** Token id of each BMP character (space as `▁`): -2 not looked up yet, -1 not in the vocabulary. */
  charIds: Int32Array;
}

const NO_KEY = -1;
const NO_MERGE = 0x7fffffff;
const NOT_LOOKED_UP = -2;

/** Builds the id-keyed merge table from llama-tokenizer-js's vocabulary and `"a b" → rank` merges. */
export function bpeTable(vocab: ReadonlyMap<string, number>, merges: ReadonlyMap<string, number>): BpeTable {
  if (vocab.size > 1 << 15)
    throw new Error(`a vocabulary of ${vocab.size} ids does not fit the 15-bit pair keys`);
  let slots = 1;
  while (slots < merges.size * 2) slots <<= 1;
  const table: BpeTable = {
    vocab,
    pairKeys: new Int32Array(slots).fill(NO_KEY),
    pairRanks: new Int32Array(slots),
    pairMerged: new Int32Array(slots),
    charIds: new Int32Array(65536).fill(NOT_LOOKED_UP),
  };
  for (const [key, rank] of merges) {
    const space = key.indexOf(" ");
    const a = vocab.get(key.slice(0, space));
    const b = vocab.get(key.slice(space + 1));
    const merged = vocab.get(key.slice(0, space) + key.slice(space + 1));
    if (a === undefined || b === undefined || merged === undefined) continue;
    const slot = pairSlot(table, (a << 16) | b);
    table.pairKeys[slot] = (a << 16) | b;
    table.pairRanks[slot] = rank;
    table.pairMerged[slot] = merged;
  }
  return table;
}

/** The slot holding `key`, or the empty slot where it would go. */
function pairSlot(table: BpeTable, key: number): number {
  const mask = table.pairKeys.length - 1;
  const mixed = Math.imul(key, 0x9e3779b1);
  let slot = (mixed ^ (mixed >>> 15)) & mask;
  for (;;) {
    const k = table.pairKeys[slot] as number;
    if (k === key || k === NO_KEY) return slot;
    slot = (slot + 1) & mask;
  }
}

/** Scratch arrays of bpeTokenCount (one piece at a time), grown for a longer piece. */
let ids = new Int32Array(256);
let ranks = new Int32Array(256);
let mergedIds = new Int32Array(256);

/**
 * The number of tokens LLaMA's BPE makes of one piece, as llama-tokenizer-js's `encode(piece,
 * false, false)` does (spaces as `▁`, characters outside the vocabulary as one token per UTF-8
 * byte, then repeatedly the adjacent pair with the best merge rank, leftmost first) but on token
 * ids in typed arrays, without its per-call set-up (linked list, priority queue, string keys),
 * which dominates on the short pieces counted here. tokenizer.test.ts checks it against `encode`.
 */
export function bpeTokenCount(piece: string, table: BpeTable): number {
  if (ids.length <= piece.length) {
    ids = new Int32Array(piece.length * 2);
    ranks = new Int32Array(piece.length * 2);
    mergedIds = new Int32Array(piece.length * 2);
  }
  let n = 0;
  let bytes = 0; // byte-fallback tokens, which no merge involves
  for (let i = 0; i < piece.length; i++) {
    const c = piece.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < piece.length) {
      const low = piece.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        i++;
        const id = table.vocab.get(String.fromCharCode(c, low));
        if (id === undefined) bytes += 4;
        ids[n++] = id ?? -1;
        continue;
      }
    }
    let id = table.charIds[c] as number;
    if (id === NOT_LOOKED_UP) {
      id = table.vocab.get(c === 32 ? "▁" : String.fromCharCode(c)) ?? -1;
      table.charIds[c] = id;
    }
    if (id < 0) bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : 3; // a lone surrogate is U+FFFD's 3 bytes
    ids[n++] = id;
  }
  let pairs = n - 1;
  for (let i = 0; i < pairs; i++) ranks[i] = mergeAt(i, table);
  while (pairs > 0) {
    let best = -1;
    let bestRank = NO_MERGE;
    for (let i = 0; i < pairs; i++)
      if ((ranks[i] as number) < bestRank) {
        bestRank = ranks[i] as number;
        best = i;
      }
    if (best < 0) break;
    ids[best] = mergedIds[best] as number;
    ids.copyWithin(best + 1, best + 2, n);
    ranks.copyWithin(best + 1, best + 2, pairs);
    mergedIds.copyWithin(best + 1, best + 2, pairs);
    n--;
    pairs--;
    if (best < pairs) ranks[best] = mergeAt(best, table);
    if (best > 0) ranks[best - 1] = mergeAt(best - 1, table);
  }
  let tokens = bytes;
  for (let i = 0; i < n; i++) if ((ids[i] as number) >= 0) tokens++;
  return tokens;
}

/** Rank of the merge of `ids[i]` and `ids[i + 1]` (NO_MERGE if none), its result in `mergedIds[i]`. */
function mergeAt(i: number, table: BpeTable): number {
  const a = ids[i] as number;
  const b = ids[i + 1] as number;
  if (a < 0 || b < 0) return NO_MERGE;
  const slot = pairSlot(table, (a << 16) | b);
  if (table.pairKeys[slot] === NO_KEY) return NO_MERGE;
  mergedIds[i] = table.pairMerged[slot] as number;
  return table.pairRanks[slot] as number;
}
