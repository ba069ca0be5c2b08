import { describe, expect, it } from "vitest";
import { fmix32 } from "./hashing.js";
import { signatureOf } from "./minhash.js";
import { simdMinHash } from "./minhash-simd.js";

describe("MinHash in WebAssembly SIMD", () => {
  it("gives the scalar loop's signature, for short and long shingle lists", () => {
    // any permutations will do for the comparison: the scalar loop's own come from minhash.ts
    const multipliers = Int32Array.from({ length: 256 }, (_, i) => fmix32(2 * i + 1) | 1);
    const offsets = Int32Array.from({ length: 256 }, (_, i) => fmix32(2 * i + 2));
    const simd = simdMinHash(multipliers, offsets);
    expect(simd).toBeDefined(); // Node ≥ 16.4 runs WebAssembly SIMD: a module error would show here
    let seed = 1;
    for (const n of [1, 2, 5, 31, 1000, 200_000]) {
      const shingles = Int32Array.from({ length: n }, () => (seed = fmix32(seed + 0x9e3779b9) | 0));
      const scalar = signatureOf(shingles, multipliers, offsets);
      expect(simd?.signature(shingles)).toEqual(scalar);
    }
  });
});
