/** MurmurHash3's 32-bit finaliser: mixes every input bit into every output bit. */
export function fmix32(value: number): number {
  let h = value >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** FNV-1a of a string, 32 bits. */
export function fnv1a(text: string, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Word tokens of code (runs of letters, digits and `_`), as BigCode's near-dedup splits on non-alphanumerics. */
export function wordTokens(text: string): string[] {
  return text.match(/[A-Za-z0-9_]+/g) ?? [];
}

/** 1 for the characters of word tokens (`[A-Za-z0-9_]`), by UTF-16 unit. */
const WORD_CHARACTER = new Uint8Array(65536);
for (let c = 0; c < 128; c++)
  WORD_CHARACTER[c] =
    (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 ? 1 : 0;

/**
 * `fnv1a` of each of `wordTokens(text)`, computed in one scan without making the token strings
 * (pass 1 fingerprints every file this way).
 */
export function wordTokenHashes(text: string): Int32Array {
  let out = new Int32Array(Math.max(16, text.length >> 3));
  let count = 0;
  const length = text.length;
  let i = 0;
  while (i < length) {
    let c = text.charCodeAt(i);
    if (WORD_CHARACTER[c] === 0) {
      i++;
      continue;
    }
    let h = 0x811c9dc5;
    do {
      h = Math.imul(h ^ c, 0x01000193);
      if (++i === length) break;
      c = text.charCodeAt(i);
    } while (WORD_CHARACTER[c] === 1);
    if (count === out.length) {
      const grown = new Int32Array(out.length * 2);
      grown.set(out);
      out = grown;
    }
    out[count++] = h;
  }
  return out.subarray(0, count);
}

/**
 * Hashes of every `n`-token window (a 53-bit value from two 32-bit hashes, so collisions
 * between distinct n-grams are negligible). A text with fewer tokens yields one hash of all.
 */
export function ngramHashes(tokens: readonly string[], n: number): number[] {
  const a = tokens.map((t) => fnv1a(t));
  const out: number[] = [];
  const last = Math.max(0, a.length - n);
  for (let start = 0; start <= last && a.length > 0; start++) {
    let h1 = 0x2545f491;
    let h2 = 0x9e3779b9;
    const end = Math.min(a.length, start + n);
    for (let i = start; i < end; i++) {
      h1 = fmix32(Math.imul(h1, 31) + (a[i] as number));
      h2 = fmix32((h2 ^ (a[i] as number)) + 0x7f4a7c15);
    }
    out.push((h1 & 0x1fffff) * 2 ** 32 + h2);
  }
  return out;
}
