import { cholesky } from "../linalg/cholesky.js";
import { entry, type Matrix, multiply, multiplyVector, transpose, zeros } from "../linalg/matrix.js";
import { symmetricEigen } from "../linalg/symmetric-eigen.js";

/** Per-cluster quantities of the Bell–McCaffrey (CR2) estimator, all k × k or length k. */
export interface Cr2Cluster {
  /** X_gᵀX_g. */
  gram: Matrix;
  /** T_g with A_g = I + X_g T_g X_gᵀ = (I − H_gg)^(−1/2). */
  adjustment: Matrix;
  /** X_gᵀe_g. */
  score: number[];
}

/**
 * The Bell & McCaffrey (2002) adjustment matrices A_g = (I − H_gg)^(−1/2), H_gg = X_g(XᵀX)⁻¹X_gᵀ,
 * represented in k dimensions so that large clusters never need an m × m matrix:
 * with (XᵀX)⁻¹ = LLᵀ and LᵀX_gᵀX_gL = VΛVᵀ (Λ = the non-zero eigenvalues of H_gg),
 * A_g = I + X_g L V diag(f(λ)/λ) VᵀLᵀ X_gᵀ, f(λ)/λ = 1/(√(1−λ)(1 + √(1−λ))).
 * An eigenvalue λ within 1e-12 of 1 (a cluster fully determined by its own parameters) gets the
 * Moore–Penrose treatment of clubSandwich (A_g's eigenvalue 0): f(λ)/λ = −1/λ.
 */
export function cr2Clusters(
  columns: readonly Float64Array[],
  residuals: readonly number[],
  xtxInverse: Matrix,
  groups: readonly (readonly number[])[],
): Cr2Cluster[] {
  const k = columns.length;
  const l = cholesky(xtxInverse);
  const lt = transpose(l);
  return groups.map((rows) => {
    const gram = zeros(k, k);
    const score = new Array<number>(k).fill(0);
    for (const i of rows) {
      const e = residuals[i] as number;
      for (let a = 0; a < k; a++) {
        const xa = (columns[a] as Float64Array)[i] as number;
        score[a] = (score[a] as number) + xa * e;
        const row = gram[a] as number[];
        for (let b = a; b < k; b++)
          row[b] = (row[b] as number) + xa * ((columns[b] as Float64Array)[i] as number);
      }
    }
    for (let a = 0; a < k; a++) for (let b = 0; b < a; b++) (gram[a] as number[])[b] = entry(gram, b, a);
    const { values, vectors } = symmetricEigen(multiply(multiply(lt, gram), l));
    const scaled = zeros(k, k); // V diag(f(λ)/λ) Vᵀ
    values.forEach((lambda, m) => {
      if (lambda <= 1e-12) return; // directions outside X_g's column space: A_g acts as identity there
      const root = Math.sqrt(Math.max(0, 1 - lambda));
      const factor = 1 - lambda <= 1e-12 ? -1 / lambda : 1 / (root * (1 + root));
      for (let a = 0; a < k; a++) {
        const va = entry(vectors, a, m) * factor;
        const row = scaled[a] as number[];
        for (let b = 0; b < k; b++) row[b] = (row[b] as number) + va * entry(vectors, b, m);
      }
    });
    return { gram, adjustment: multiply(multiply(l, scaled), lt), score };
  });
}

/** X_gᵀA_g·v_g given X_gᵀv_g = `projected` (for v_g = e_g this is the adjusted score). */
export function adjustedScore(cluster: Cr2Cluster, projected: readonly number[]): number[] {
  const t = multiplyVector(cluster.adjustment, projected);
  const extra = multiplyVector(cluster.gram, t);
  return projected.map((v, a) => v + (extra[a] as number));
}
