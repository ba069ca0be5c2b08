import { StatsInputError } from "../errors.js";
import { assertFiniteArray } from "../input-checks.js";

/** One-way random-effects decomposition of a clustered sample (e.g. PRs within developers). */
export interface VarianceComponents {
  /** G, the number of clusters. */
  clusters: number;
  /** N, the number of observations. */
  n: number;
  /** Mean square between clusters Σ n_g(ȳ_g − ȳ)²/(G − 1). */
  meanSquareBetween: number;
  /** Mean square within clusters ΣΣ(y − ȳ_g)²/(N − G). */
  meanSquareWithin: number;
  /** n₀ = (N − Σn_g²/N)/(G − 1), the "average" cluster size of unbalanced ANOVA. */
  n0: number;
  /** σ²_b = max(0, (MSB − MSW)/n₀). */
  between: number;
  /** σ²_w = MSW. */
  within: number;
  /** Intra-cluster correlation σ²_b/(σ²_b + σ²_w). */
  icc: number;
}

/**
 * ANOVA (method-of-moments) estimates of the between- and within-cluster variance and the
 * intra-cluster correlation for unbalanced clusters (Searle, Casella & McCulloch 1992 §3.5;
 * Donner 1986): σ²_w = MSW, σ²_b = (MSB − MSW)/n₀ truncated at 0, ICC = σ²_b/(σ²_b + σ²_w).
 * Same MSB and MSW as R's `anova(lm(y ~ factor(cluster)))`.
 * @param clusters one label per value (e.g. the developer of each PR)
 * @example varianceComponents(logMergeHours, authors).icc
 */
export function varianceComponents(
  values: readonly number[],
  clusters: readonly (string | number)[],
): VarianceComponents {
  assertFiniteArray(values, "varianceComponents: values", 2);
  if (clusters.length !== values.length) {
    throw new StatsInputError(
      `varianceComponents: ${clusters.length} cluster labels for ${values.length} values`,
    );
  }
  const sums = new Map<string | number, { count: number; sum: number }>();
  let total = 0;
  values.forEach((v, i) => {
    const label = clusters[i] as string | number;
    const s = sums.get(label);
    if (s) {
      s.count++;
      s.sum += v;
    } else sums.set(label, { count: 1, sum: v });
    total += v;
  });
  const n = values.length;
  const g = sums.size;
  if (g < 2) throw new StatsInputError(`varianceComponents needs at least 2 clusters, got ${g}`);
  if (n <= g) {
    throw new StatsInputError(
      `varianceComponents needs more observations than clusters (some cluster with 2+), got ${n} in ${g}`,
    );
  }
  const grand = total / n;
  const means = new Map<string | number, number>();
  let ssBetween = 0;
  let sizeSquares = 0;
  for (const [label, s] of sums) {
    const m = s.sum / s.count;
    means.set(label, m);
    ssBetween += s.count * (m - grand) ** 2;
    sizeSquares += s.count * s.count;
  }
  let ssWithin = 0;
  values.forEach((v, i) => {
    ssWithin += (v - (means.get(clusters[i] as string | number) as number)) ** 2;
  });
  const meanSquareBetween = ssBetween / (g - 1);
  const meanSquareWithin = ssWithin / (n - g);
  const n0 = (n - sizeSquares / n) / (g - 1);
  const between = Math.max(0, (meanSquareBetween - meanSquareWithin) / n0);
  const within = meanSquareWithin;
  if (!(between + within > 0)) throw new StatsInputError("varianceComponents: all values are equal");
  return {
    clusters: g,
    n,
    meanSquareBetween,
    meanSquareWithin,
    n0,
    between,
    within,
    icc: between / (between + within),
  };
}
