import { mean, ols, varianceComponents } from "@uplift/stats";
import { withStatsInput } from "../analysis/stats-input.js";
import type { PrePeriodData } from "./pre-period-data.js";

/** What the pre-period says about the outcome's variance, per developer and per row. */
export interface VarianceProfile {
  units: number;
  rows: number;
  /** Mean rows (e.g. PRs) per unit, m̄. */
  rows_per_unit: number;
  /** Coefficient of variation of rows per unit (unequal cluster sizes inflate the variance). */
  rows_per_unit_cv: number;
  /** Row-level variance of the (log) outcome. */
  variance_total: number;
  /** Between-unit variance σ²_b (one-way ANOVA). */
  variance_between: number;
  /** Within-unit variance σ²_w. */
  variance_within: number;
  /** Intra-unit correlation σ²_b/(σ²_b + σ²_w). */
  icc: number;
  /** Share of σ²_b explained by the covariate (0 without one): the CUPED/ANCOVA variance reduction. */
  r2_covariate: number;
  /** σ²_b and σ²_w of the residuals after regressing on the covariate (= the above without one). */
  variance_between_adjusted: number;
  variance_within_adjusted: number;
  /** Mean of the outcome on its own scale (to express an absolute MDE relatively). */
  outcome_mean: number;
}

/**
 * Variance decomposition of pre-period data: σ²_b, σ²_w and ICC by one-way ANOVA over units, and
 * the same on the residuals of an OLS on the covariate, whose between-unit reduction is R².
 */
export function varianceProfile(data: PrePeriodData): VarianceProfile {
  const sizes = data.units.map((u) => u.rows.length);
  const m = mean(sizes);
  const sdSizes = Math.sqrt(sizes.reduce((s, n) => s + (n - m) ** 2, 0) / sizes.length);
  const components = withStatsInput(`variance of ${data.spec.outcome} in ${data.file}`, () =>
    varianceComponents(data.y, data.unitIndex),
  );
  let adjusted = components;
  if (data.covariate) {
    const covariate = data.covariate;
    const fit = withStatsInput(`regression of ${data.spec.outcome} on ${data.spec.covariate}`, () =>
      ols(
        data.y,
        covariate.map((c) => [1, c]),
        ["(intercept)", data.spec.covariate ?? "covariate"],
      ),
    );
    adjusted = withStatsInput(`residual variance of ${data.spec.outcome}`, () =>
      varianceComponents(fit.residuals, data.unitIndex),
    );
  }
  const total = data.y.reduce((s, v) => s + v, 0) / data.y.length;
  const varianceTotal = data.y.reduce((s, v) => s + (v - total) ** 2, 0) / (data.y.length - 1);
  return {
    units: data.units.length,
    rows: data.y.length,
    rows_per_unit: m,
    rows_per_unit_cv: sdSizes / m,
    variance_total: varianceTotal,
    variance_between: components.between,
    variance_within: components.within,
    icc: components.icc,
    r2_covariate:
      components.between > 0 ? Math.min(1, Math.max(0, 1 - adjusted.between / components.between)) : 0,
    variance_between_adjusted: adjusted.between,
    variance_within_adjusted: adjusted.within,
    outcome_mean: mean(data.raw),
  };
}

/**
 * Variance of one unit's contribution to the arm mean of the PR-weighted (row-level) estimator:
 * σ²_b,adj·(1 + CV²) + σ²_w,adj/m — the design effect of unequal clusters, 1 + ((1 + CV²)m − 1)·ICC
 * (Eldridge, Ashby & Kerry 2006), times the per-row variance, divided by m.
 * @param rowsPerUnit m for the planned analysis period (default: the pre-period's)
 */
export function unitVariance(profile: VarianceProfile, rowsPerUnit = profile.rows_per_unit): number {
  const cv2 = profile.rows_per_unit_cv ** 2;
  return profile.variance_between_adjusted * (1 + cv2) + profile.variance_within_adjusted / rowsPerUnit;
}
