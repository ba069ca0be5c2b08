import { StatsConvergenceError } from "../errors.js";
import { entry, type Matrix, zeros } from "./matrix.js";

/** Eigen-decomposition A = V·diag(values)·Vᵀ of a symmetric matrix; `vectors` holds eigenvectors as columns. */
export interface SymmetricEigen {
  values: number[];
  vectors: Matrix;
}

/**
 * Cyclic Jacobi eigenvalue algorithm for small symmetric matrices (Golub & Van Loan Alg. 8.5.3):
 * rotations until the off-diagonal mass is below 1e-15 of the total. Accurate to working precision,
 * including small eigenvalues; intended for the k × k matrices of a regression (k up to ~50).
 */
export function symmetricEigen(input: readonly (readonly number[])[]): SymmetricEigen {
  const n = input.length;
  const a = input.map((row) => [...row]);
  const v = zeros(n, n);
  for (let i = 0; i < n; i++) (v[i] as number[])[i] = 1;
  let total = 0;
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) total += entry(a, i, j) ** 2;
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) off += entry(a, i, j) ** 2;
    if (off <= 1e-30 * total || off === 0) {
      return { values: a.map((row, i) => row[i] as number), vectors: v };
    }
    for (let p = 0; p < n; p++) {
      for (let q = p + 1; q < n; q++) {
        const apq = entry(a, p, q);
        if (apq === 0) continue;
        const theta = (entry(a, q, q) - entry(a, p, p)) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let r = 0; r < n; r++) {
          const arp = entry(a, r, p);
          const arq = entry(a, r, q);
          (a[r] as number[])[p] = c * arp - s * arq;
          (a[r] as number[])[q] = s * arp + c * arq;
        }
        for (let r = 0; r < n; r++) {
          const apr = entry(a, p, r);
          const aqr = entry(a, q, r);
          (a[p] as number[])[r] = c * apr - s * aqr;
          (a[q] as number[])[r] = s * apr + c * aqr;
        }
        for (let r = 0; r < n; r++) {
          const vrp = entry(v, r, p);
          const vrq = entry(v, r, q);
          (v[r] as number[])[p] = c * vrp - s * vrq;
          (v[r] as number[])[q] = s * vrp + c * vrq;
        }
      }
    }
  }
  throw new StatsConvergenceError(
    `Jacobi eigen-decomposition of a ${n} × ${n} matrix did not converge in 100 sweeps`,
  );
}
