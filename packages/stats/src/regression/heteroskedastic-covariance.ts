import { StatsInputError } from "../errors.js";
import { entry, type Matrix, sandwich, zeros } from "../linalg/matrix.js";
import { type DesignMatrix, designColumns, type OlsFit } from "./ols.js";

/** White (1980) HC0 and MacKinnon & White (1985) HC1–HC3 heteroskedasticity-consistent estimators. */
export type HeteroskedasticType = "HC0" | "HC1" | "HC2" | "HC3";

/**
 * Heteroskedasticity-consistent covariance (XᵀX)⁻¹ (Σ ωᵢ eᵢ² xᵢxᵢᵀ) (XᵀX)⁻¹ with
 * ωᵢ = 1 (HC0), n/(n − k) (HC1, Stata's `robust`), 1/(1 − hᵢᵢ) (HC2), 1/(1 − hᵢᵢ)² (HC3);
 * hᵢᵢ the leverage. Matches R's sandwich::vcovHC(type = …).
 */
export function heteroskedasticCovariance(
  x: DesignMatrix,
  fit: OlsFit,
  type: HeteroskedasticType = "HC1",
): Matrix {
  const columns = designColumns(null, x, "heteroskedasticCovariance");
  const { n, k, residuals, xtxInverse } = fit;
  if (columns.length !== k || x.length !== n) {
    throw new StatsInputError(
      `heteroskedasticCovariance: X is ${x.length} × ${columns.length} but the fit is ${n} × ${k}`,
    );
  }
  const meat = zeros(k, k);
  const xi = new Array<number>(k);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < k; j++) xi[j] = (columns[j] as Float64Array)[i] as number;
    let weight = 1;
    if (type === "HC2" || type === "HC3") {
      let h = 0;
      for (let a = 0; a < k; a++)
        for (let b = 0; b < k; b++) h += (xi[a] as number) * entry(xtxInverse, a, b) * (xi[b] as number);
      if (1 - h < 1e-10) {
        throw new StatsInputError(
          `heteroskedasticCovariance: observation ${i} has leverage 1, so ${type} is undefined; use HC1 or drop the covariate that isolates it`,
        );
      }
      weight = type === "HC2" ? 1 / (1 - h) : 1 / (1 - h) ** 2;
    }
    const e2 = weight * (residuals[i] as number) ** 2;
    for (let a = 0; a < k; a++) {
      const row = meat[a] as number[];
      for (let b = 0; b < k; b++) row[b] = (row[b] as number) + e2 * (xi[a] as number) * (xi[b] as number);
    }
  }
  const v = sandwich(xtxInverse, meat);
  const scale = type === "HC1" ? n / (n - k) : 1;
  return v.map((row) => row.map((value) => value * scale));
}
