import { chiSquareSf } from "../distributions/chi-square.js";
import { StatsInputError } from "../errors.js";
import { assertFiniteArray } from "../input-checks.js";

export interface ChiSquareGoodnessOfFitResult {
  /** Pearson's X² = Σ(Oᵢ − Eᵢ)²/Eᵢ. */
  statistic: number;
  /** k − 1. */
  df: number;
  pValue: number;
  /** Eᵢ = N·pᵢ. */
  expected: number[];
}

/**
 * Pearson's chi-square goodness-of-fit test of observed counts against expected proportions
 * (rescaled to sum to 1; default equal), df = k − 1, p = P(χ²_{k−1} > X²). Same as R's
 * `chisq.test(observed, p = proportions, rescale.p = TRUE)`. Used for sample-ratio mismatch:
 * @example chiSquareGoodnessOfFit([1512, 1433], [0.5, 0.5]).pValue < 0.001 // SRM flag
 */
export function chiSquareGoodnessOfFit(
  observed: readonly number[],
  proportions?: readonly number[],
): ChiSquareGoodnessOfFitResult {
  assertFiniteArray(observed, "chiSquareGoodnessOfFit: observed", 2);
  observed.forEach((o, i) => {
    if (o < 0) throw new StatsInputError(`chiSquareGoodnessOfFit: observed[${i}] = ${o} is negative`);
  });
  const k = observed.length;
  const weights = proportions ?? new Array<number>(k).fill(1);
  if (weights.length !== k) {
    throw new StatsInputError(
      `chiSquareGoodnessOfFit: ${weights.length} proportions for ${k} observed counts`,
    );
  }
  assertFiniteArray(weights, "chiSquareGoodnessOfFit: proportions");
  const totalWeight = weights.reduce((s, w, i) => {
    if (!(w > 0)) throw new StatsInputError(`chiSquareGoodnessOfFit: proportion[${i}] = ${w} must be > 0`);
    return s + w;
  }, 0);
  const total = observed.reduce((s, o) => s + o, 0);
  if (!(total > 0)) throw new StatsInputError("chiSquareGoodnessOfFit: all observed counts are 0");
  const expected = weights.map((w) => (total * w) / totalWeight);
  let statistic = 0;
  observed.forEach((o, i) => {
    const e = expected[i] as number;
    statistic += ((o - e) * (o - e)) / e;
  });
  return { statistic, df: k - 1, pValue: chiSquareSf(statistic, k - 1), expected };
}
