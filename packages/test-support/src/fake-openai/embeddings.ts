import { createHash } from "node:crypto";

const cache = new Map<string, Float64Array>();
const CACHE_LIMIT = 100_000;

/** Deterministic vector of a word: a PRNG (mulberry32) seeded with the word's SHA-256. Cached. */
function wordVector(word: string, dimension: number): Float64Array {
  const key = `${dimension}\u0000${word}`;
  const cached = cache.get(key);
  if (cached) return cached;
  let state = createHash("sha256").update(word).digest().readUInt32LE(0);
  const vector = new Float64Array(dimension);
  for (let i = 0; i < dimension; i++) {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    vector[i] = (((t ^ (t >>> 14)) >>> 0) / 4294967296) * 2 - 1;
  }
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(key, vector);
  return vector;
}

/**
 * Deterministic embedding: the normalised sum of hashed word vectors (a bag of words), so that
 * texts sharing words are close and the same text always gives the same vector. A text without
 * words is hashed whole.
 */
export function fakeEmbedding(text: string, dimension: number): number[] {
  const words = text.toLowerCase().match(/[\p{L}\p{N}_]+/gu) ?? [text];
  const sum = new Float64Array(dimension);
  for (const word of words) {
    const v = wordVector(word, dimension);
    for (let i = 0; i < dimension; i++) sum[i] = (sum[i] ?? 0) + (v[i] ?? 0);
  }
  let norm = 0;
  for (const x of sum) norm += x * x;
  norm = Math.sqrt(norm) || 1;
  return Array.from(sum, (x) => x / norm);
}

/** The `base64` encoding of the OpenAI API: little-endian float32 bytes. */
export function embeddingToBase64(vector: number[]): string {
  return Buffer.from(new Float32Array(vector).buffer).toString("base64");
}
