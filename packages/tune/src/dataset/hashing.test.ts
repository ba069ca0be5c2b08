import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { fnv1a, wordTokenHashes, wordTokens } from "./hashing.js";
import { shingleHashes, signatureOf, textSignature } from "./minhash.js";

describe("word token hashing", () => {
  const texts = [
    readFileSync(fileURLToPath(new URL("./near-dedup.ts", import.meta.url)), "utf8"),
    "déjà_vu 42x  __init__(self) é",
    "",
    "  ;;  ",
    "tail_word",
  ];

  it("hashes the same tokens as wordTokens + fnv1a, without making strings", () => {
    for (const text of texts)
      expect([...wordTokenHashes(text)]).toEqual(wordTokens(text).map((t) => fnv1a(t) | 0));
  });

  it("gives the signature of the string-token shingles", () => {
    for (const text of texts) {
      const tokens = wordTokens(text);
      expect(textSignature(text)).toEqual(tokens.length ? signatureOf(shingleHashes(tokens)) : undefined);
    }
  });
});
