import { fmix32, fnv1a, wordTokenHashes } from "./hashing.js";
import { simdMinHash } from "./minhash-simd.js";

/**
 * Near-duplicate detection as in the BigCode pipeline (The Stack, StarCoder): MinHash over
 * 5-gram word shingles with 256 permutations, LSH with 25 bands of 10 rows (datasketch's
 * optimum for threshold 0.7 at 256 permutations: a pair at Jaccard 0.7 becomes a candidate with
 * probability 0.51, at 0.8 with 0.94, at 0.5 with 0.02), then each candidate pair is kept only
 * when the estimated Jaccard similarity reaches the threshold (default 0.7).
 */
export const NUM_PERMUTATIONS = 256;
export const SHINGLE_SIZE = 5;
export const LSH_BANDS = 25;
export const LSH_ROWS = 10;
export const NEAR_DUP_THRESHOLD = 0.7;

/**
 * The permutations: h_i(x) = (a_i · x + b_i) mod 2³² with odd random a_i (datasketch uses the
 * same affine family modulo a Mersenne prime); x is an already well-mixed 32-bit shingle hash.
 */
const MULTIPLIERS = new Int32Array(NUM_PERMUTATIONS);
const OFFSETS = new Int32Array(NUM_PERMUTATIONS);
{
  let state = 0x1234567;
  for (let i = 0; i < NUM_PERMUTATIONS; i++) {
    state = (state + 0x6d2b79f5) >>> 0;
    MULTIPLIERS[i] = fmix32(state) | 1;
    state = (state + 0x6d2b79f5) >>> 0;
    OFFSETS[i] = fmix32(state);
  }
}

/** The same minima as `signatureOf`, 4–6× faster, where WebAssembly SIMD runs (Node ≥ 16.4). */
const SIMD = simdMinHash(MULTIPLIERS, OFFSETS);

/** The MinHash signature of a text's 5-gram word shingles (undefined when it has no words). */
export function textSignature(text: string): Int32Array | undefined {
  const tokenHashes = wordTokenHashes(text);
  if (tokenHashes.length === 0) return undefined;
  const shingles = shinglesOfTokenHashes(tokenHashes);
  return SIMD ? SIMD.signature(shingles) : signatureOf(shingles);
}

/**
 * 32-bit hashes of every SHINGLE_SIZE-token window (one for a shorter text). Repeated shingles
 * are left in: they do not change a minimum.
 */
export function shingleHashes(tokens: readonly string[]): Int32Array {
  if (tokens.length === 0) return new Int32Array(0);
  const tokenHashes = new Int32Array(tokens.length);
  for (let i = 0; i < tokens.length; i++) tokenHashes[i] = fnv1a(tokens[i] as string);
  return shinglesOfTokenHashes(tokenHashes);
}

/** `shingleHashes` from the tokens' `fnv1a` hashes (at least one). */
function shinglesOfTokenHashes(tokenHashes: Int32Array): Int32Array {
  const n = tokenHashes.length;
  const count = Math.max(1, n - SHINGLE_SIZE + 1);
  const out = new Int32Array(count);
  for (let start = 0; start < count; start++) {
    let h = 0x2545f491;
    const end = Math.min(n, start + SHINGLE_SIZE);
    for (let i = start; i < end; i++)
      h = (Math.imul(h ^ (tokenHashes[i] as number), 0x01000193) + i - start) | 0;
    out[start] = fmix32(h);
  }
  return out;
}

/**
 * NUM_PERMUTATIONS minima over the shingles, one per permutation. Values are compared as
 * signed 32-bit integers (any fixed order gives a valid MinHash; this one keeps V8 in int32
 * arithmetic), four permutations per pass over the shingles.
 */
export function signatureOf(shingles: Int32Array, a = MULTIPLIERS, b = OFFSETS): Int32Array {
  const signature = new Int32Array(NUM_PERMUTATIONS);
  const n = shingles.length;
  for (let p = 0; p < NUM_PERMUTATIONS; p += 4) {
    const a0 = a[p] as number;
    const a1 = a[p + 1] as number;
    const a2 = a[p + 2] as number;
    const a3 = a[p + 3] as number;
    const b0 = b[p] as number;
    const b1 = b[p + 1] as number;
    const b2 = b[p + 2] as number;
    const b3 = b[p + 3] as number;
    let m0 = 0x7fffffff;
    let m1 = m0;
    let m2 = m0;
    let m3 = m0;
    for (let i = 0; i < n; i++) {
      const x = shingles[i] as number;
      const h0 = (Math.imul(a0, x) + b0) | 0;
      const h1 = (Math.imul(a1, x) + b1) | 0;
      const h2 = (Math.imul(a2, x) + b2) | 0;
      const h3 = (Math.imul(a3, x) + b3) | 0;
      if (h0 < m0) m0 = h0;
      if (h1 < m1) m1 = h1;
      if (h2 < m2) m2 = h2;
      if (h3 < m3) m3 = h3;
    }
    signature[p] = m0;
    signature[p + 1] = m1;
    signature[p + 2] = m2;
    signature[p + 3] = m3;
  }
  return signature;
}

/** Estimated Jaccard similarity: the share of equal minima. */
export function estimatedJaccard(a: Int32Array, b: Int32Array): number {
  let equal = 0;
  for (let i = 0; i < NUM_PERMUTATIONS; i++) if (a[i] === b[i]) equal++;
  return equal / NUM_PERMUTATIONS;
}

/** One key per LSH band: band × 2³² + a hash of the band's rows (`lshBandHashes`). */
export function lshBandKeys(signature: Int32Array): number[] {
  return [...lshBandHashes(signature)].map((h, band) => band * 2 ** 32 + (h >>> 0));
}

/** A hash of each LSH band's rows (as int32), into `out`. */
export function lshBandHashes(signature: Int32Array, out = new Int32Array(LSH_BANDS)): Int32Array {
  for (let band = 0; band < LSH_BANDS; band++) {
    let h = 0x1b873593 ^ band;
    for (let row = 0; row < LSH_ROWS; row++)
      h = fmix32(Math.imul(h, 31) + (signature[band * LSH_ROWS + row] as number));
    out[band] = h;
  }
  return out;
}
