import { clusterRobustTest, ols } from "@uplift/stats";
import type { AnalysisData } from "./analysis-data.js";

/** The arm coefficient of a row-level OLS with cluster-robust (CR2) inference. */
export interface ClusteredArmEffect {
  coefficient: number;
  ci: [number, number];
  stdError: number;
  df: number;
  pValue: number;
  clusters: number;
}

/** Design rows [1, treated, covariate?] of the analysis data. */
export function designRows(data: AnalysisData): number[][] {
  const { covariate, treated } = data;
  return treated.map((t, i) => (covariate ? [1, t ? 1 : 0, covariate[i] as number] : [1, t ? 1 : 0]));
}

/** Column names of `designRows`, for error messages. */
export function designNames(data: AnalysisData): string[] {
  const { spec } = data;
  const covariate = spec.covariate && (spec.logCovariate ? `log(${spec.covariate})` : spec.covariate);
  return ["(intercept)", `${spec.arm}=${spec.treatment}`, ...(covariate ? [covariate] : [])];
}

/**
 * OLS of `y` (one value per row of `data`) on the arm indicator (+ covariate), errors clustered by
 * unit (or by `spec.cluster`) with the Bell–McCaffrey CR2 covariance and the Satterthwaite t test of Pustejovsky & Tipton
 * (2018) — clubSandwich's `coef_test(vcov = "CR2", test = "Satterthwaite")`. PRs of one developer
 * are never treated as independent. Throws `StatsInputError` when the design is singular or the
 * residuals are all zero.
 */
export function clusteredArmEffect(
  data: AnalysisData,
  y: readonly number[],
  confLevel: number,
): ClusteredArmEffect {
  const x = designRows(data);
  const fit = ols(y, x, designNames(data));
  const test = clusterRobustTest(x, fit, data.clusterIndex ?? data.unitIndex, 1, { type: "CR2", confLevel });
  return {
    coefficient: test.estimate,
    ci: test.confidenceInterval,
    stdError: test.standardError,
    df: test.df,
    pValue: test.pValue,
    clusters: test.clusterCount,
  };
}
