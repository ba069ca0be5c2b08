import { StatsInputError } from "../errors.js";
import { type Matrix, multiply, symmetrize, transpose } from "../linalg/matrix.js";
import { householderQr } from "../linalg/qr.js";
import { invertUpperTriangular, solveUpperTriangular } from "../linalg/triangular.js";

/** Rows of a design matrix: X[i][j] is covariate j of observation i (include a column of 1s for an intercept). */
export type DesignMatrix = readonly (readonly number[])[];

/** An ordinary least squares fit with classical (homoskedastic) inference. */
export interface OlsFit {
  /** β̂ = (XᵀX)⁻¹Xᵀy, one per column of X. */
  coefficients: number[];
  /** √diag(σ̂²(XᵀX)⁻¹). */
  standardErrors: number[];
  /** Classical covariance σ̂²(XᵀX)⁻¹. */
  covariance: Matrix;
  /** (XᵀX)⁻¹, the "bread" of every sandwich estimator. */
  xtxInverse: Matrix;
  /** y − Xβ̂. */
  residuals: number[];
  /** Xβ̂. */
  fitted: number[];
  /** Residual variance σ̂² = Σeᵢ²/(n − k). */
  sigma2: number;
  /** n − k. */
  dfResidual: number;
  n: number;
  k: number;
}

/** Checks X (n rows, k columns, finite) against y and returns its columns as typed arrays. */
export function designColumns(y: readonly number[] | null, x: DesignMatrix, fn: string): Float64Array[] {
  const n = x.length;
  if (n === 0) throw new StatsInputError(`${fn}: the design matrix has no rows`);
  const k = (x[0] as readonly number[]).length;
  if (k === 0) throw new StatsInputError(`${fn}: the design matrix has no columns`);
  if (y !== null && y.length !== n) {
    throw new StatsInputError(`${fn}: y has ${y.length} values but X has ${n} rows`);
  }
  const columns = Array.from({ length: k }, () => new Float64Array(n));
  for (let i = 0; i < n; i++) {
    const row = x[i] as readonly number[];
    if (row.length !== k)
      throw new StatsInputError(`${fn}: X row ${i} has ${row.length} columns, expected ${k}`);
    for (let j = 0; j < k; j++) {
      const v = row[j] as number;
      if (!Number.isFinite(v))
        throw new StatsInputError(`${fn}: X[${i}][${j}] is ${v}; only finite numbers are allowed`);
      (columns[j] as Float64Array)[i] = v;
    }
    if (y !== null && !Number.isFinite(y[i])) throw new StatsInputError(`${fn}: y[${i}] is ${y[i]}`);
  }
  return columns;
}

/**
 * Ordinary least squares by Householder QR (no normal equations, so collinear-ish designs keep
 * their accuracy): β̂ = R⁻¹Qᵀy, (XᵀX)⁻¹ = R⁻¹R⁻ᵀ. Requires n > k and a full-rank X; a
 * rank-deficient X throws `StatsInputError` naming the offending column.
 * @param columnNames names of X's columns, used in error messages (default "column j")
 * @example
 * // log merge hours on intercept, treatment and pre-period log hours (CUPED/ANCOVA)
 * const fit = ols(logHours, rows.map((r) => [1, r.treated, r.preLogHours]));
 * fit.coefficients[1]; // treatment effect on the log scale
 */
export function ols(y: readonly number[], x: DesignMatrix, columnNames?: readonly string[]): OlsFit {
  const columns = designColumns(y, x, "ols");
  const n = y.length;
  const k = columns.length;
  if (n <= k) throw new StatsInputError(`ols needs more observations than coefficients, got n=${n}, k=${k}`);
  const qr = householderQr(columns, columnNames);
  const qty = qr.applyQTranspose(y);
  const coefficients = solveUpperTriangular(qr.r, qty);
  const fitted = new Array<number>(n).fill(0);
  for (let j = 0; j < k; j++) {
    const col = columns[j] as Float64Array;
    const b = coefficients[j] as number;
    for (let i = 0; i < n; i++) fitted[i] = (fitted[i] as number) + b * (col[i] as number);
  }
  const residuals = y.map((v, i) => v - (fitted[i] as number));
  let rss = 0;
  for (const e of residuals) rss += e * e;
  const dfResidual = n - k;
  const sigma2 = rss / dfResidual;
  const rInverse = invertUpperTriangular(qr.r);
  const xtxInverse = symmetrize(multiply(rInverse, transpose(rInverse)));
  const covariance = xtxInverse.map((row) => row.map((v) => v * sigma2));
  const standardErrors = covariance.map((row, j) => Math.sqrt(row[j] as number));
  return {
    coefficients,
    standardErrors,
    covariance,
    xtxInverse,
    residuals,
    fitted,
    sigma2,
    dfResidual,
    n,
    k,
  };
}
