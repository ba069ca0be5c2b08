import { cholesky, choleskySolve, StatsInputError } from "@uplift/stats";
import type { AnalysisData } from "./analysis-data.js";

/**
 * A unit's contribution to the normal equations of the row-level model: XᵤᵀXᵤ (k × k, row-major)
 * and Xᵤᵀyᵤ, with y and the covariate centred on their grand means for accuracy (which changes
 * the intercept only). Summing these over a bootstrap resample of units gives that resample's OLS
 * fit in O(units·k²) instead of O(rows·k²) — what makes 2,000 cluster-bootstrap refits cheap.
 */
export interface UnitMoments {
  treated: boolean;
  gram: Float64Array;
  xty: Float64Array;
}

/** Per-unit cross-products of the design [1, treated, covariate?] with `y`. */
export function unitMoments(data: AnalysisData, y: readonly number[]): UnitMoments[] {
  const k = data.covariate ? 3 : 2;
  const yMean = y.reduce((s, v) => s + v, 0) / y.length;
  const cov = data.covariate;
  const covMean = cov ? cov.reduce((s, v) => s + v, 0) / cov.length : 0;
  const row = new Float64Array(k);
  return data.units.map((unit) => {
    const gram = new Float64Array(k * k);
    const xty = new Float64Array(k);
    row[0] = 1;
    row[1] = unit.treated ? 1 : 0;
    for (const i of unit.rows) {
      if (cov) row[2] = (cov[i] as number) - covMean;
      const yi = (y[i] as number) - yMean;
      for (let a = 0; a < k; a++) {
        const xa = row[a] as number;
        xty[a] = (xty[a] as number) + xa * yi;
        for (let b = 0; b < k; b++) gram[a * k + b] = (gram[a * k + b] as number) + xa * (row[b] as number);
      }
    }
    return { treated: unit.treated, gram, xty };
  });
}

/**
 * The arm coefficient β₁ of OLS on the rows of the given units (a unit drawn twice counts twice),
 * from summed moments by Cholesky; NaN when that resample's design is singular (e.g. a covariate
 * constant within the units drawn) — bootstrap intervals drop such replicates and say how many.
 */
export function armCoefficientFromMoments(sample: readonly UnitMoments[]): number {
  const first = sample[0];
  if (!first) return Number.NaN;
  const k = first.xty.length;
  const gram = new Float64Array(k * k);
  const xty = new Float64Array(k);
  for (const u of sample) {
    for (let i = 0; i < k * k; i++) gram[i] = (gram[i] as number) + (u.gram[i] as number);
    for (let i = 0; i < k; i++) xty[i] = (xty[i] as number) + (u.xty[i] as number);
  }
  const matrix = Array.from({ length: k }, (_, a) => Array.from(gram.subarray(a * k, a * k + k)));
  try {
    return choleskySolve(cholesky(matrix), xty)[1] as number;
  } catch (error) {
    if (error instanceof StatsInputError) return Number.NaN;
    throw error;
  }
}
