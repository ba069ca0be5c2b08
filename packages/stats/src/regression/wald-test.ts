import { fCdf } from "../distributions/f.js";
import { StatsInputError } from "../errors.js";
import { cholesky, choleskySolve } from "../linalg/cholesky.js";
import { type Matrix, multiply, transpose } from "../linalg/matrix.js";

/** A Wald test of q linear restrictions Rβ = r. */
export interface WaldTestResult {
  /** W = (Rβ − r)ᵀ(R V Rᵀ)⁻¹(Rβ − r). */
  chiSquare: number;
  /** q, the number of restrictions. */
  df1: number;
  /** F = W/q. */
  fStatistic: number;
  /** Denominator df of the F reference distribution. */
  df2: number;
  /** P(F(q, df2) > F). */
  pValue: number;
}

/**
 * Wald test of H₀: Rβ = r (default r = 0) with a given coefficient covariance V (e.g. a
 * cluster-robust one), referred to F(q, df2): with cluster-robust V and df2 = G − 1 this is the
 * small-sample Wald F of Cameron & Miller (2015, J. Human Resources 50:317, §VI.A; Stata's `test`
 * after `vce(cluster)`). With q = 1 it equals the square of the t statistic, with p from t(df2).
 * @example waldTest(beta, cov.covariance, [[0, 1, -1]], cov.clusterCount - 1) // β₁ = β₂
 */
export function waldTest(
  coefficients: readonly number[],
  covariance: readonly (readonly number[])[],
  restrictions: readonly (readonly number[])[],
  df2: number,
  values: readonly number[] = [],
): WaldTestResult {
  const k = coefficients.length;
  const q = restrictions.length;
  if (q === 0) throw new StatsInputError("waldTest: needs at least one restriction");
  if (covariance.length !== k || covariance.some((row) => row.length !== k)) {
    throw new StatsInputError(`waldTest: covariance must be ${k} × ${k}`);
  }
  if (restrictions.some((row) => row.length !== k)) {
    throw new StatsInputError(`waldTest: every restriction needs ${k} coefficients`);
  }
  if (values.length !== 0 && values.length !== q) {
    throw new StatsInputError(`waldTest: ${q} restrictions but ${values.length} values`);
  }
  if (!(df2 > 0)) throw new StatsInputError(`waldTest: df2 must be > 0, got ${df2}`);
  const r: Matrix = restrictions.map((row) => [...row]);
  const diff = r.map(
    (row, i) => row.reduce((s, v, j) => s + v * (coefficients[j] as number), 0) - (values[i] ?? 0),
  );
  const middle = multiply(multiply(r, covariance as Matrix), transpose(r));
  let factor: Matrix;
  try {
    factor = cholesky(middle);
  } catch {
    throw new StatsInputError(
      "waldTest: R V Rᵀ is singular (restrictions that repeat each other, or a coefficient without variance)",
    );
  }
  const solved = choleskySolve(factor, diff);
  const chiSquare = diff.reduce((s, d, i) => s + d * (solved[i] as number), 0);
  const fStatistic = chiSquare / q;
  return { chiSquare, df1: q, fStatistic, df2, pValue: fCdf(fStatistic, q, df2, false) };
}
