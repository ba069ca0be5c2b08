import { createRng, normalQuantile, type Rng } from "@uplift/stats";

/** The draws the simulator needs, from one seeded stream (same seed → same organisation). */
export interface Draws {
  uniform(): number;
  normal(mean: number, sd: number): number;
  /** exp(N(logMean, logSd)). */
  lognormal(logMean: number, logSd: number): number;
  poisson(mean: number): number;
  bernoulli(p: number): boolean;
  pick<T>(items: readonly T[]): T;
}

export function createDraws(seed: number): Draws {
  const rng: Rng = createRng(seed);
  // (0, 1): never 0, so that the normal quantile stays finite
  const uniform = () => (rng.nextUint32() + 0.5) / 4_294_967_296;
  const normal = (mean: number, sd: number) => mean + sd * normalQuantile(uniform());
  return {
    uniform,
    normal,
    lognormal: (logMean, logSd) => Math.exp(normal(logMean, logSd)),
    poisson(mean) {
      // Knuth's product of uniforms: exact, fine for the small means simulated here
      const limit = Math.exp(-mean);
      let k = 0;
      for (let p = uniform(); p > limit; p *= uniform()) k++;
      return k;
    },
    bernoulli: (p) => uniform() < p,
    pick: (items) => items[rng.nextInt(items.length)] as (typeof items)[number],
  };
}
