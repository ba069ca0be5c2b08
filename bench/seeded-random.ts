/** Seeded inputs shared by the benchmarks, so every run of a benchmark sees the same data. */

/** mulberry32: a small seeded PRNG giving floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed | 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SYLLABLES = [
  "ka",
  "lo",
  "mi",
  "ne",
  "ru",
  "ta",
  "vo",
  "xe",
  "zu",
  "pa",
  "qi",
  "so",
  "de",
  "fi",
  "gu",
  "ha",
];

/** `count` made-up words of 2–4 syllables, drawn from `rand` (identifiers that no real text shares). */
export function syllableWords(rand: () => number, count: number): string[] {
  return Array.from({ length: count }, () =>
    Array.from(
      { length: 2 + Math.floor(rand() * 3) },
      () => SYLLABLES[Math.floor(rand() * 16)] as string,
    ).join(""),
  );
}
