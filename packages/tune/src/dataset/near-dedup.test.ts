import { describe, expect, it } from "vitest";
import { estimatedJaccard, textSignature } from "./minhash.js";
import { NearDuplicateIndex } from "./near-dedup.js";

function source(seed: number, lines = 60): string {
  let state = seed;
  const next = () => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return state;
  };
  return Array.from(
    { length: lines },
    () => `const v${next() % 997} = call${next() % 991}(a${next() % 983}, ${next() % 977});`,
  ).join("\n");
}

function edit(text: string, every: number): string {
  return text
    .split("\n")
    .map((line, i) => (i % every === 0 ? `// changed ${i}` : line))
    .join("\n");
}

describe("MinHash near-dedup", () => {
  it("estimates Jaccard similarity close to 1 for a light edit and near 0 for unrelated code", () => {
    const a = textSignature(source(1)) as Int32Array;
    const b = textSignature(edit(source(1), 20)) as Int32Array;
    const c = textSignature(source(2)) as Int32Array;
    expect(estimatedJaccard(a, b)).toBeGreaterThan(0.75);
    expect(estimatedJaccard(a, c)).toBeLessThan(0.1);
  });

  it("clusters near copies with union-find and keeps the first of each cluster", () => {
    const index = new NearDuplicateIndex(0.7);
    const ids = [
      source(1),
      source(2),
      edit(source(1), 25),
      source(3),
      edit(source(2), 30),
      edit(source(1), 22),
    ].map((t) => index.add(textSignature(t) as Int32Array));
    expect(ids.map((id) => index.representative(id))).toEqual([0, 1, 0, 3, 1, 0]);
    expect(index.stats()).toEqual({ clusters: 2, duplicates: 3, bands: 25 });
  });
});
