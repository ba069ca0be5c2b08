/**
 * MinHash over k-shingles of normalised tokens (Broder 1997) with LSH banding (Indyk &
 * Motwani 1998): two chunks become candidates when all rows of at least one band agree, which
 * happens with probability 1 − (1 − J^ROWS)^BANDS for Jaccard similarity J.
 */
export const SHINGLE_TOKENS = 5;
export const NUM_HASHES = 64;
export const BANDS = 20;
export const ROWS_PER_BAND = 3;
/** Fewer normalised tokens than this and a snippet is too short for a meaningful similarity. */
export const MIN_TOKENS = 25;

const SEEDS: Uint32Array = (() => {
  const seeds = new Uint32Array(NUM_HASHES);
  let state = 0x9e3779b9;
  for (let i = 0; i < NUM_HASHES; i++) {
    state = (state + 0x6d2b79f5) >>> 0;
    seeds[i] = fmix32(state);
  }
  return seeds;
})();

/** MurmurHash3's 32-bit finaliser: a bijection that mixes every input bit into every output bit. */
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
export function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Distinct hashes of the k-token shingles of a token list (one shingle for a shorter list). */
export function shingleHashes(tokens: readonly string[], k = SHINGLE_TOKENS): Set<number> {
  const tokenHashes = tokens.map(fnv1a);
  const shingles = new Set<number>();
  const last = Math.max(0, tokenHashes.length - k);
  for (let start = 0; start <= last; start++) {
    let h = 0x2545f491;
    const end = Math.min(tokenHashes.length, start + k);
    for (let i = start; i < end; i++) h = fmix32(Math.imul(h, 31) + (tokenHashes[i] as number));
    shingles.add(h);
  }
  return shingles;
}

/** The MinHash signature (NUM_HASHES minima) of a set of shingle hashes. */
export function minhashSignature(shingles: Iterable<number>): Uint32Array {
  const signature = new Uint32Array(NUM_HASHES).fill(0xffffffff);
  for (const shingle of shingles) {
    for (let i = 0; i < NUM_HASHES; i++) {
      const h = fmix32(shingle ^ (SEEDS[i] as number));
      if (h < (signature[i] as number)) signature[i] = h;
    }
  }
  return signature;
}

/** The Jaccard similarity estimate of two signatures: the share of equal minima. */
export function estimateJaccard(a: Uint32Array, b: Uint32Array): number {
  let equal = 0;
  for (let i = 0; i < NUM_HASHES; i++) if (a[i] === b[i]) equal++;
  return equal / NUM_HASHES;
}

/** One LSH key per band: band index × 2³² + a hash of the band's rows (an integer below 2⁵³, stored as bigint). */
export function bandKeys(signature: Uint32Array): number[] {
  const keys: number[] = [];
  for (let band = 0; band < BANDS; band++) {
    let h = 0x1b873593 ^ band;
    for (let row = 0; row < ROWS_PER_BAND; row++)
      h = fmix32(Math.imul(h, 31) + (signature[band * ROWS_PER_BAND + row] as number));
    keys.push(band * 2 ** 32 + h);
  }
  return keys;
}

/** Probability that a pair with Jaccard `j` becomes an LSH candidate. */
export function candidateProbability(j: number): number {
  return 1 - (1 - j ** ROWS_PER_BAND) ** BANDS;
}

/** Signature ↔ base64 text for storage. */
export function encodeSignature(signature: Uint32Array): string {
  return Buffer.from(signature.buffer, signature.byteOffset, signature.byteLength).toString("base64");
}

export function decodeSignature(text: string): Uint32Array {
  const bytes = Buffer.from(text, "base64");
  const copy = new Uint8Array(bytes.length);
  copy.set(bytes);
  return new Uint32Array(copy.buffer);
}

/** Exact Jaccard similarity of two sets. */
export function jaccard<T>(a: ReadonlySet<T>, b: ReadonlySet<T>): number {
  if (a.size === 0 && b.size === 0) return 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const value of small) if (large.has(value)) shared++;
  return shared / (a.size + b.size - shared);
}
