import { StatsInputError } from "../errors.js";
import {
  type TTestOptions,
  type TTestResult,
  tTestFromEstimate,
} from "../hypothesis/t-test-from-estimate.js";
import { type ClusterCovarianceType, clusterRobustCovariance } from "./cluster-covariance.js";
import type { ClusterLabels } from "./cluster-groups.js";
import { cr2SatterthwaiteDf } from "./cr2-satterthwaite.js";
import type { DesignMatrix, OlsFit } from "./ols.js";

export interface ClusterRobustTestResult extends TTestResult {
  type: ClusterCovarianceType;
  clusterCount: number;
}

/**
 * Cluster-robust t test of coefficient `index` of an OLS fit: CR2 standard error with
 * Bell–McCaffrey/Pustejovsky–Tipton Satterthwaite df (default), or CR1/CR0 with df = G − 1
 * (Stata's convention, Cameron & Miller 2015 §VI).
 * @example clusterRobustTest(X, ols(y, X), developerIds, 1) // the treatment coefficient
 */
export function clusterRobustTest(
  x: DesignMatrix,
  fit: OlsFit,
  clusters: ClusterLabels,
  index: number,
  options: TTestOptions & { type?: ClusterCovarianceType } = {},
): ClusterRobustTestResult {
  const { type = "CR2", ...testOptions } = options;
  if (!(Number.isInteger(index) && index >= 0 && index < fit.k)) {
    throw new StatsInputError(`clusterRobustTest: coefficient index ${index} is outside 0..${fit.k - 1}`);
  }
  const cov = clusterRobustCovariance(x, fit, clusters, type);
  const contrast = Array.from({ length: fit.k }, (_, j) => (j === index ? 1 : 0));
  const df = type === "CR2" ? cr2SatterthwaiteDf(x, fit, clusters, contrast) : cov.clusterCount - 1;
  const result = tTestFromEstimate(
    fit.coefficients[index] as number,
    cov.standardErrors[index] as number,
    df,
    testOptions,
  );
  return { ...result, type, clusterCount: cov.clusterCount };
}
