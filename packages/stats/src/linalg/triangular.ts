import { entry, type Matrix, zeros } from "./matrix.js";

/** Solves R·x = b for upper-triangular R by back substitution. */
export function solveUpperTriangular(r: readonly (readonly number[])[], b: ArrayLike<number>): number[] {
  const k = r.length;
  const x = new Array<number>(k).fill(0);
  for (let i = k - 1; i >= 0; i--) {
    let s = b[i] as number;
    for (let j = i + 1; j < k; j++) s -= entry(r, i, j) * (x[j] as number);
    x[i] = s / entry(r, i, i);
  }
  return x;
}

/** R⁻¹ for upper-triangular R (column by column back substitution). */
export function invertUpperTriangular(r: readonly (readonly number[])[]): Matrix {
  const k = r.length;
  const inv = zeros(k, k);
  for (let c = 0; c < k; c++) {
    const e = new Array<number>(k).fill(0);
    e[c] = 1;
    const col = solveUpperTriangular(r, e);
    for (let i = 0; i < k; i++) (inv[i] as number[])[c] = col[i] as number;
  }
  return inv;
}
