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
