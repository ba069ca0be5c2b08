import { StatsInputError } from "../errors.js";
import { entry, type Matrix, zeros } from "./matrix.js";

/**
 * Cholesky factor L (lower triangular, A = L·Lᵀ) of a symmetric positive-definite matrix
 * (Golub & Van Loan Alg. 4.2.1). Throws when A is not positive definite.
 */
export function cholesky(a: readonly (readonly number[])[]): Matrix {
  const n = a.length;
  const l = zeros(n, n);
  for (let j = 0; j < n; j++) {
    let d = entry(a, j, j);
    for (let p = 0; p < j; p++) d -= entry(l, j, p) ** 2;
    if (!(d > 0)) throw new StatsInputError(`matrix is not positive definite (pivot ${j} is ${d})`);
    const ljj = Math.sqrt(d);
    (l[j] as number[])[j] = ljj;
    for (let i = j + 1; i < n; i++) {
      let s = entry(a, i, j);
      for (let p = 0; p < j; p++) s -= entry(l, i, p) * entry(l, j, p);
      (l[i] as number[])[j] = s / ljj;
    }
  }
  return l;
}

/** Solves A·x = b given A's Cholesky factor L (forward then back substitution). */
export function choleskySolve(l: readonly (readonly number[])[], b: ArrayLike<number>): number[] {
  const n = l.length;
  const z = new Array<number>(n).fill(0);
  for (let i = 0; i < n; i++) {
    let s = b[i] as number;
    for (let p = 0; p < i; p++) s -= entry(l, i, p) * (z[p] as number);
    z[i] = s / entry(l, i, i);
  }
  const x = new Array<number>(n).fill(0);
  for (let i = n - 1; i >= 0; i--) {
    let s = z[i] as number;
    for (let p = i + 1; p < n; p++) s -= entry(l, p, i) * (x[p] as number);
    x[i] = s / entry(l, i, i);
  }
  return x;
}
