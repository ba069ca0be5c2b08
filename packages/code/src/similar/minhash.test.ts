import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { normalisedTokens } from "./code-tokens.js";
import {
  bandKeys,
  candidateProbability,
  decodeSignature,
  encodeSignature,
  estimateJaccard,
  jaccard,
  minhashSignature,
  shingleHashes,
} from "./minhash.js";

const ORIGINAL = `function formatAmount(cents, currency) {
  const value = (cents / 100).toFixed(2);
  // a comment that a copy drops
  return value + " " + currency.toUpperCase();
}`;
const RENAMED = `function fmt(amountInCents, cur) {
  const v = (amountInCents / 100).toFixed(2);
  return v + ' ' + cur.toUpperCase();
}`;

describe("normalised tokens", () => {
  it("maps identifiers, strings and numbers to placeholders, drops comments, keeps keywords and member names", () => {
    expect(normalisedTokens('const total = price * 2; // tax\nlog("x", total.toFixed(2))')).toEqual([
      "const",
      "I",
      "=",
      "I",
      "*",
      "N",
      ";",
      "I",
      "(",
      "S",
      ",",
      "I",
      ".",
      ".toFixed",
      "(",
      "N",
      ")",
      ")",
    ]);
  });

  it("make a renamed copy identical to the original", () => {
    expect(normalisedTokens(RENAMED)).toEqual(normalisedTokens(ORIGINAL));
  });

  it("treat # as a comment in Python only", () => {
    expect(normalisedTokens("x = 1 # note", "python")).toEqual(["I", "=", "N"]);
    expect(normalisedTokens("#include <a>", "cpp")).toEqual(["#", "I", "<", "I", ">"]);
  });
});

describe("MinHash", () => {
  const signatureOf = (code: string) => minhashSignature(shingleHashes(normalisedTokens(code)));

  it("gives a renamed copy the same signature and an unrelated snippet a low estimate", () => {
    expect(estimateJaccard(signatureOf(ORIGINAL), signatureOf(RENAMED))).toBe(1);
    const unrelated =
      "class Queue { push(item) { this.items.push(item); if (this.items.length > this.max) this.items.shift(); } }";
    expect(estimateJaccard(signatureOf(ORIGINAL), signatureOf(unrelated))).toBeLessThan(0.2);
  });

  it("estimates the Jaccard similarity of shingle sets within sampling error", () => {
    fc.assert(
      fc.property(fc.integer({ min: 50, max: 400 }), fc.integer({ min: 0, max: 400 }), (shared, own) => {
        const a = new Set(Array.from({ length: shared + own }, (_, i) => i * 7919));
        const b = new Set(Array.from({ length: shared + own }, (_, i) => (i < shared ? i * 7919 : 1e7 + i)));
        const exact = jaccard(a, b);
        // 64 hashes: standard error ≤ 0.0625; allow 4 of them
        expect(Math.abs(estimateJaccard(minhashSignature(a), minhashSignature(b)) - exact)).toBeLessThan(
          0.25,
        );
      }),
      { numRuns: 30 },
    );
  });

  it("puts identical signatures in every band together", () => {
    const a = signatureOf(ORIGINAL);
    expect(bandKeys(a)).toEqual(bandKeys(signatureOf(RENAMED)));
    expect(new Set(bandKeys(a)).size).toBe(20);
    for (const key of bandKeys(a)) expect(Number.isSafeInteger(key)).toBe(true);
  });

  it("round-trips signatures through their stored text", () => {
    const signature = signatureOf(ORIGINAL);
    expect(decodeSignature(encodeSignature(signature))).toEqual(signature);
  });

  it("makes pairs above 0.5 likely candidates and pairs below 0.2 unlikely ones", () => {
    expect(candidateProbability(0.5)).toBeGreaterThan(0.9);
    expect(candidateProbability(0.8)).toBeGreaterThan(0.999);
    expect(candidateProbability(0.2)).toBeLessThan(0.2);
  });
});
