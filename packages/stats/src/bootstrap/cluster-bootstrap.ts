import { StatsInputError } from "../errors.js";
import { createRng } from "./rng.js";

export interface ClusterBootstrapOptions {
  /** Number of bootstrap replicates R. Default 2000. */
  replicates?: number;
  /** PRNG seed (xoshiro128**); the same seed gives the same replicates. */
  seed: number;
  /**
   * Optional stratum of each unit (e.g. its experiment arm): units are resampled within their
   * stratum, so every replicate keeps the arm sizes of the experiment.
   */
  strata?: readonly (string | number)[];
}

export interface ClusterBootstrapResult {
  /** statistic(units) on the original data. */
  estimate: number;
  /** statistic on each resample (NaN/∞ kept; interval functions drop them). */
  replicates: Float64Array;
}

/** Groups unit indices by stratum (one group when there are no strata). */
function strataIndices(count: number, strata: readonly (string | number)[] | undefined): number[][] {
  if (strata === undefined) return [Array.from({ length: count }, (_, i) => i)];
  if (strata.length !== count) {
    throw new StatsInputError(`clusterBootstrap: ${strata.length} strata labels for ${count} units`);
  }
  const groups = new Map<string | number, number[]>();
  strata.forEach((label, i) => {
    const g = groups.get(label);
    if (g) g.push(i);
    else groups.set(label, [i]);
  });
  return [...groups.values()];
}

/**
 * Cluster (block) bootstrap: resample whole units — developers, with all their PRs — with
 * replacement, n units per replicate (within each stratum when `strata` is given), and evaluate
 * `statistic` on each resample (Davison & Hinkley 1997 §3.8; Cameron, Gelbach & Miller 2008).
 * Resampling units rather than PRs keeps the within-developer correlation.
 * A unit is whatever the statistic needs (e.g. `{ arm, logHours: number[] }`); a unit drawn twice
 * appears twice in the resample.
 * @example
 * const boot = clusterBootstrap(developers, (ds) => meanDiff(ds), { seed: 42, strata: developers.map((d) => d.arm) });
 * percentileInterval(boot.replicates, 0.95);
 */
export function clusterBootstrap<T>(
  units: readonly T[],
  statistic: (sample: readonly T[]) => number,
  options: ClusterBootstrapOptions,
): ClusterBootstrapResult {
  const { replicates: count = 2000, seed, strata } = options;
  if (units.length < 2)
    throw new StatsInputError(`clusterBootstrap needs at least 2 units, got ${units.length}`);
  if (!(Number.isInteger(count) && count >= 1)) {
    throw new StatsInputError(`clusterBootstrap: replicates must be a positive integer, got ${count}`);
  }
  const groups = strataIndices(units.length, strata);
  const rng = createRng(seed);
  const replicates = new Float64Array(count);
  const sample = new Array<T>(units.length);
  for (let b = 0; b < count; b++) {
    let p = 0;
    for (const group of groups) {
      for (let i = 0; i < group.length; i++)
        sample[p++] = units[group[rng.nextInt(group.length)] as number] as T;
    }
    replicates[b] = statistic(sample);
  }
  return { estimate: statistic(units), replicates };
}

/** Leave-one-unit-out values statistic(units without unit i), i = 0..n−1, for the BCa acceleration. */
export function clusterJackknife<T>(
  units: readonly T[],
  statistic: (sample: readonly T[]) => number,
): Float64Array {
  if (units.length < 2)
    throw new StatsInputError(`clusterJackknife needs at least 2 units, got ${units.length}`);
  const out = new Float64Array(units.length);
  for (let i = 0; i < units.length; i++) out[i] = statistic(units.filter((_, j) => j !== i));
  return out;
}
