import { StatsInputError } from "../errors.js";
import { type Matrix, sandwich, zeros } from "../linalg/matrix.js";
import { type ClusterLabels, groupRows } from "./cluster-groups.js";
import { adjustedScore, cr2Clusters } from "./cr2-adjustment.js";
import { type DesignMatrix, designColumns, type OlsFit } from "./ols.js";

/**
 * CR0: Liang & Zeger (1986), no small-sample factor.
 * CR1: CR0 × G/(G − 1)·(N − 1)/(N − K), Stata's `vce(cluster)` (= sandwich::vcovCL(type = "HC1"),
 *      clubSandwich "CR1S").
 * CR2: Bell & McCaffrey (2002) bias-reduced linearization, residuals of cluster g multiplied by
 *      (I − H_gg)^(−1/2) (= clubSandwich::vcovCR(type = "CR2") for OLS); recommended with few clusters
 *      (Pustejovsky & Tipton 2018, JBES 36:672–683), use with `cr2SatterthwaiteDf`.
 */
export type ClusterCovarianceType = "CR0" | "CR1" | "CR2";

export interface ClusterCovariance {
  type: ClusterCovarianceType;
  covariance: Matrix;
  standardErrors: number[];
  /** G, the number of clusters. */
  clusterCount: number;
}

/**
 * Cluster-robust ("sandwich") covariance of OLS coefficients,
 * (XᵀX)⁻¹ (Σ_g X_gᵀA_g e_g e_gᵀA_gᵀX_g) (XᵀX)⁻¹ with A_g = I (CR0, CR1) or (I − H_gg)^(−1/2) (CR2).
 * Errors are clustered by `clusters` (one label per row, e.g. the developer id), never treating the
 * many PRs of one developer as independent.
 */
export function clusterRobustCovariance(
  x: DesignMatrix,
  fit: OlsFit,
  clusters: ClusterLabels,
  type: ClusterCovarianceType = "CR2",
): ClusterCovariance {
  const columns = designColumns(null, x, "clusterRobustCovariance");
  const { n, k, residuals, xtxInverse } = fit;
  if (columns.length !== k || x.length !== n) {
    throw new StatsInputError(
      `clusterRobustCovariance: X is ${x.length} × ${columns.length} but the fit is ${n} × ${k}`,
    );
  }
  const groups = groupRows(clusters, n, "clusterRobustCovariance");
  const g = groups.length;
  const scores =
    type === "CR2"
      ? cr2Clusters(columns, residuals, xtxInverse, groups).map((c) => adjustedScore(c, c.score))
      : groups.map((rows) =>
          columns.map((col) => rows.reduce((s, i) => s + (col[i] as number) * (residuals[i] as number), 0)),
        );
  const meat = zeros(k, k);
  for (const u of scores) {
    for (let a = 0; a < k; a++) {
      const row = meat[a] as number[];
      for (let b = 0; b < k; b++) row[b] = (row[b] as number) + (u[a] as number) * (u[b] as number);
    }
  }
  const scale = type === "CR1" ? (g / (g - 1)) * ((n - 1) / (n - k)) : 1;
  const covariance = sandwich(xtxInverse, meat).map((row) => row.map((v) => v * scale));
  const standardErrors = covariance.map((row, j) => Math.sqrt(row[j] as number));
  return { type, covariance, standardErrors, clusterCount: g };
}
