import { StatsInputError } from "../errors.js";
import { type Matrix, zeros } from "./matrix.js";

/** Householder QR of an n × k matrix (n >= k): Q stored as reflectors, R upper triangular k × k. */
export interface QrDecomposition {
  /** The upper-triangular factor R (k × k). */
  r: Matrix;
  /** Qᵀv for a length-n vector (the first k entries pair with R). */
  applyQTranspose(v: ArrayLike<number>): Float64Array;
}

/**
 * Householder QR without pivoting (Golub & Van Loan, Matrix Computations 4th ed., Alg. 5.2.1).
 * Throws `StatsInputError` naming the column when a column is (numerically) a linear combination of
 * the previous ones: |R_jj| <= 1e-7·‖x_j‖, the tolerance R's `lm` uses.
 * @param columns the k columns of the matrix, each of length n
 * @param columnNames names for the error message (default "column j")
 */
export function householderQr(
  columns: readonly Float64Array[],
  columnNames?: readonly string[],
): QrDecomposition {
  const k = columns.length;
  const n = k === 0 ? 0 : (columns[0] as Float64Array).length;
  if (n < k)
    throw new StatsInputError(`QR needs at least as many rows as columns, got ${n} rows and ${k} columns`);
  const a = columns.map((c) => Float64Array.from(c));
  const vs: Float64Array[] = [];
  const r = zeros(k, k);
  for (let j = 0; j < k; j++) {
    const aj = a[j] as Float64Array;
    const original = columns[j] as Float64Array;
    let originalNorm = 0;
    for (let i = 0; i < n; i++) originalNorm += (original[i] as number) ** 2;
    originalNorm = Math.sqrt(originalNorm);
    let norm = 0;
    for (let i = j; i < n; i++) norm += (aj[i] as number) ** 2;
    norm = Math.sqrt(norm);
    if (!(norm > 1e-7 * originalNorm) || norm === 0) {
      const name = columnNames?.[j] ?? `column ${j}`;
      throw new StatsInputError(
        `design matrix is rank deficient: ${name} is a linear combination of the previous columns (or constant zero); drop it`,
      );
    }
    const alpha = (aj[j] as number) > 0 ? -norm : norm;
    // v = a_j[j:] − α e₁, normalized so that H = I − 2vvᵀ/(vᵀv).
    const v = new Float64Array(n);
    for (let i = j; i < n; i++) v[i] = aj[i] as number;
    v[j] = (v[j] as number) - alpha;
    let vtv = 0;
    for (let i = j; i < n; i++) vtv += (v[i] as number) ** 2;
    vs.push(v);
    (r[j] as number[])[j] = alpha;
    for (let c = j + 1; c < k; c++) {
      const ac = a[c] as Float64Array;
      let s = 0;
      for (let i = j; i < n; i++) s += (v[i] as number) * (ac[i] as number);
      const f = (2 * s) / vtv;
      for (let i = j; i < n; i++) ac[i] = (ac[i] as number) - f * (v[i] as number);
      (r[j] as number[])[c] = ac[j] as number;
    }
  }
  const applyQTranspose = (input: ArrayLike<number>): Float64Array => {
    const out = Float64Array.from(input as ArrayLike<number>);
    for (let j = 0; j < vs.length; j++) {
      const v = vs[j] as Float64Array;
      let s = 0;
      let vtv = 0;
      for (let i = j; i < n; i++) {
        s += (v[i] as number) * (out[i] as number);
        vtv += (v[i] as number) ** 2;
      }
      const f = (2 * s) / vtv;
      for (let i = j; i < n; i++) out[i] = (out[i] as number) - f * (v[i] as number);
    }
    return out;
  };
  return { r, applyQTranspose };
}
