import { StatsInputError } from "../errors.js";

/** A seeded pseudo-random number generator. */
export interface Rng {
  /** Uniform integer in [0, 2³²). */
  nextUint32(): number;
  /** Uniform double in [0, 1) with 53 random bits. */
  nextFloat(): number;
  /** Uniform integer in [0, n), without modulo bias. */
  nextInt(n: number): number;
}

/** SplitMix32 step (Steele, Lea & Flood 2014, 32-bit variant): spreads one seed over the 128-bit state. */
function splitMix32(state: { s: number }): number {
  state.s = (state.s + 0x9e3779b9) | 0;
  let z = state.s;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

/**
 * xoshiro128** 1.1 (Blackman & Vigna 2021, "Scrambled linear pseudorandom number generators",
 * ACM TOMS 47(4); reference C code at prng.di.unimi.it): 128-bit state, period 2¹²⁸ − 1, passes
 * BigCrush; all arithmetic is 32-bit, so it is fast and exact in JavaScript.
 * The state is filled from a 32-bit integer seed by SplitMix32, or given directly as four words.
 * @example const rng = createRng(20261126); rng.nextInt(300)
 */
export function createRng(seed: number | readonly [number, number, number, number]): Rng {
  let s0: number;
  let s1: number;
  let s2: number;
  let s3: number;
  if (typeof seed === "number") {
    if (!Number.isInteger(seed)) throw new StatsInputError(`createRng: seed must be an integer, got ${seed}`);
    const state = { s: seed | 0 };
    s0 = splitMix32(state);
    s1 = splitMix32(state);
    s2 = splitMix32(state);
    s3 = splitMix32(state);
  } else {
    [s0, s1, s2, s3] = seed.map((w) => w >>> 0) as [number, number, number, number];
  }
  if ((s0 | s1 | s2 | s3) === 0) throw new StatsInputError("createRng: the state must not be all zero");

  const nextUint32 = (): number => {
    const result = Math.imul(rotl(Math.imul(s1, 5), 7), 9) >>> 0;
    const t = s1 << 9;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = rotl(s3, 11);
    return result;
  };
  const nextFloat = (): number => {
    const high = nextUint32() >>> 5; // 27 bits
    const low = nextUint32() >>> 6; // 26 bits
    return (high * 67108864 + low) / 9007199254740992;
  };
  const nextInt = (n: number): number => {
    if (!(Number.isInteger(n) && n >= 1 && n <= 0x100000000)) {
      throw new StatsInputError(`nextInt: n must be an integer in [1, 2^32], got ${n}`);
    }
    // Rejection sampling: accept draws below the largest multiple of n that fits in 2³².
    const limit = 0x100000000 - (0x100000000 % n);
    for (;;) {
      const r = nextUint32();
      if (r < limit) return r % n;
    }
  };
  return { nextUint32, nextFloat, nextInt };
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}
