import { StatsInputError } from "../errors.js";
import { cholesky } from "../linalg/cholesky.js";
import { dot, multiply, multiplyVector, transpose, zeros } from "../linalg/matrix.js";
import { type ClusterLabels, groupRows } from "./cluster-groups.js";
import { adjustedScore, cr2Clusters } from "./cr2-adjustment.js";
import { type DesignMatrix, designColumns, type OlsFit } from "./ols.js";

/**
 * Satterthwaite degrees of freedom of the CR2 variance of a linear combination cᵀβ̂
 * (Bell & McCaffrey 2002; Imbens & Kolesár 2016, REStat 98:701–712; Pustejovsky & Tipton 2018 with
 * working model Φ = I, = clubSandwich::coef_test(vcov = "CR2", test = "Satterthwaite") for OLS).
 * cᵀV̂c = Σ_g (q_gᵀε)² with q_g = (I − H)_{·g} A_g X_g (XᵀX)⁻¹c; with Ω = [q_gᵀq_h] (G × G)
 * df = (tr Ω)² / tr(Ω²). Ω = diag(p_gᵀp_g) − WᵀMW, so everything is computed in k dimensions.
 * @param contrast c (length k); for coefficient j use the j-th unit vector
 */
export function cr2SatterthwaiteDf(
  x: DesignMatrix,
  fit: OlsFit,
  clusters: ClusterLabels,
  contrast: readonly number[],
): number {
  const columns = designColumns(null, x, "cr2SatterthwaiteDf");
  const { n, k, residuals, xtxInverse } = fit;
  if (contrast.length !== k)
    throw new StatsInputError(`cr2SatterthwaiteDf: contrast has ${contrast.length} entries, expected ${k}`);
  const groups = groupRows(clusters, n, "cr2SatterthwaiteDf");
  const clustersCr2 = cr2Clusters(columns, residuals, xtxInverse, groups);
  const b = multiplyVector(xtxInverse, contrast); // M c
  const lt = transpose(cholesky(xtxInverse));
  let diagSum = 0; // Σ d_g, d_g = p_gᵀp_g
  let diagSquares = 0; // Σ d_g²
  let cross = 0; // Σ d_g·w_gᵀMw_g
  let quadSum = 0; // Σ w_gᵀMw_g
  const omega = zeros(k, k); // Σ w_g w_gᵀ
  for (const cluster of clustersCr2) {
    // p_g = A_g X_g b; with r = b + T_g C_g b: p_gᵀp_g = rᵀC_g r and w_g = X_gᵀp_g = C_g r.
    const gramB = multiplyVector(cluster.gram, b);
    const w = adjustedScore(cluster, gramB);
    const adjusted = multiplyVector(cluster.adjustment, gramB);
    const r = b.map((v, a) => v + (adjusted[a] as number));
    const d = dot(r, w);
    const lw = multiplyVector(lt, w);
    const wmw = dot(lw, lw);
    diagSum += d;
    diagSquares += d * d;
    cross += d * wmw;
    quadSum += wmw;
    for (let a = 0; a < k; a++) {
      const row = omega[a] as number[];
      for (let c = 0; c < k; c++) row[c] = (row[c] as number) + (w[a] as number) * (w[c] as number);
    }
  }
  const projected = multiply(multiply(lt, omega), transpose(lt));
  let frobenius = 0;
  for (const row of projected) for (const v of row) frobenius += v * v;
  const trace = diagSum - quadSum;
  const traceSquared = diagSquares - 2 * cross + frobenius;
  return (trace * trace) / traceSquared;
}
