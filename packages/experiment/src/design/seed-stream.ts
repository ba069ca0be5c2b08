import { createRng, type Rng } from "@uplift/stats";

/**
 * An independent, reproducible random stream derived from an experiment's seed, a purpose and
 * an index (e.g. ("draw", 17) for the 17th re-randomization draw, ("late", 2) for the second batch
 * of late joiners): FNV-1a over the parts, then xoshiro128** seeded through SplitMix32.
 * The same experiment seed always gives the same assignment, and later batches never disturb
 * earlier ones.
 */
export function seedStream(seed: number, purpose: string, index: number): Rng {
  let h = 0x811c9dc5;
  const mix = (byte: number) => {
    h = Math.imul(h ^ (byte & 0xff), 0x01000193);
  };
  for (const word of [seed, index]) for (let s = 0; s < 32; s += 8) mix(word >>> s);
  for (const ch of purpose) mix(ch.charCodeAt(0));
  return createRng(h | 0);
}

/** Fisher–Yates shuffle in place with `rng`. */
export function shuffleInPlace<T>(items: T[], rng: Rng): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = rng.nextInt(i + 1);
    const t = items[i] as T;
    items[i] = items[j] as T;
    items[j] = t;
  }
  return items;
}
