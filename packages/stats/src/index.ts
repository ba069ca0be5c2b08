/**
 * @uplift/stats — numerical statistics for Uplift's experiment engine: pure functions over plain
 * arrays, no I/O, no dependencies. Every deterministic result is checked against R (and mpmath/scipy)
 * golden values stored in packages/stats/reference/.
 */

export type { BcaInput, BcaInterval } from "./bootstrap/bca-interval.js";
export { bcaInterval } from "./bootstrap/bca-interval.js";
export type { ClusterBootstrapOptions, ClusterBootstrapResult } from "./bootstrap/cluster-bootstrap.js";
export { clusterBootstrap, clusterJackknife } from "./bootstrap/cluster-bootstrap.js";
export type { ClusterBootstrapCi, ClusterBootstrapCiOptions } from "./bootstrap/cluster-bootstrap-ci.js";
export { clusterBootstrapCi } from "./bootstrap/cluster-bootstrap-ci.js";
export { bootstrapQuantile, percentileInterval } from "./bootstrap/percentile-interval.js";
export type { Rng } from "./bootstrap/rng.js";
export { createRng } from "./bootstrap/rng.js";
export { geometricMean, mean, standardDeviation, variance } from "./descriptive/moments.js";
export { median, quantile, quantiles } from "./descriptive/quantile.js";
export { standardizedMeanDifference } from "./descriptive/standardized-mean-difference.js";
export type { VarianceComponents } from "./descriptive/variance-components.js";
export { varianceComponents } from "./descriptive/variance-components.js";
export { winsorize } from "./descriptive/winsorize.js";
export { chiSquareCdf, chiSquareSf } from "./distributions/chi-square.js";
export { fCdf } from "./distributions/f.js";
export { noncentralTCdf } from "./distributions/noncentral-t.js";
export { normalCdf, normalPdf, normalQuantile } from "./distributions/normal.js";
export { studentTCdf, studentTPdf, studentTQuantile } from "./distributions/student-t.js";
export type { StatsErrorCode } from "./errors.js";
export { StatsConvergenceError, StatsError, StatsInputError } from "./errors.js";
export type { ChiSquareGoodnessOfFitResult } from "./hypothesis/chi-square-goodness-of-fit.js";
export { chiSquareGoodnessOfFit } from "./hypothesis/chi-square-goodness-of-fit.js";
export type { HodgesLehmannOptions, HodgesLehmannResult } from "./hypothesis/hodges-lehmann.js";
export { hodgesLehmann } from "./hypothesis/hodges-lehmann.js";
export type { MannWhitneyOptions, MannWhitneyResult } from "./hypothesis/mann-whitney.js";
export { mannWhitneyU } from "./hypothesis/mann-whitney.js";
export { benjaminiHochbergAdjust, bonferroniAdjust, holmAdjust } from "./hypothesis/p-value-adjustment.js";
export type { RankResult } from "./hypothesis/ranks.js";
export { midRanks } from "./hypothesis/ranks.js";
export type { Alternative, TTestOptions, TTestResult } from "./hypothesis/t-test-from-estimate.js";
export { tTestFromEstimate } from "./hypothesis/t-test-from-estimate.js";
export type { WelchTTestResult } from "./hypothesis/welch-t-test.js";
export { welchTTest } from "./hypothesis/welch-t-test.js";
export { wilcoxonCdf, wilcoxonQuantile, wilcoxonSf } from "./hypothesis/wilcoxon-distribution.js";
export { cholesky, choleskySolve } from "./linalg/cholesky.js";
export type { Matrix } from "./linalg/matrix.js";
export type { QrDecomposition } from "./linalg/qr.js";
export { householderQr } from "./linalg/qr.js";
export type { SymmetricEigen } from "./linalg/symmetric-eigen.js";
export { symmetricEigen } from "./linalg/symmetric-eigen.js";
export { brentRoot } from "./numeric/brent-root.js";
export type { TwoSampleDesign } from "./power/two-sample-power.js";
export { designEffect, mdeTwoSample, powerTwoSample, sampleSizeTwoSample } from "./power/two-sample-power.js";
export type { ClusterCovariance, ClusterCovarianceType } from "./regression/cluster-covariance.js";
export { clusterRobustCovariance } from "./regression/cluster-covariance.js";
export type { ClusterLabels } from "./regression/cluster-groups.js";
export type { ClusterRobustTestResult } from "./regression/cluster-robust-test.js";
export { clusterRobustTest } from "./regression/cluster-robust-test.js";
export { cr2SatterthwaiteDf } from "./regression/cr2-satterthwaite.js";
export type { HeteroskedasticType } from "./regression/heteroskedastic-covariance.js";
export { heteroskedasticCovariance } from "./regression/heteroskedastic-covariance.js";
export type { DesignMatrix, OlsFit } from "./regression/ols.js";
export { ols } from "./regression/ols.js";
export type { BetaPair } from "./special/incomplete-beta.js";
export { regularizedBeta } from "./special/incomplete-beta.js";
export type { GammaPair } from "./special/incomplete-gamma.js";
export { regularizedGamma } from "./special/incomplete-gamma.js";
export { logBeta, logGamma } from "./special/log-gamma.js";
