import type { Heterogeneity } from "./subgroup-effects.js";

/**
 * The JSON of `uplift experiment analyze` (DESIGN: CLI contract): exactly
 * `{ n, effect, robustness, checks }`. Field names are snake_case and part of the contract.
 */

/** "relative": exp(β) − 1 on a log-outcome model; "absolute": β in outcome units. */
export type EffectScale = "relative" | "absolute";

/** Units and rows of one arm. */
export interface ArmCount {
  /** The arm's value in the arm column. */
  value: string;
  units: number;
  rows: number;
}

export interface SampleSizes {
  treatment: ArmCount;
  control: ArmCount;
  units: number;
  rows: number;
}

/** An effect with its interval, on the scale stated. */
export interface EffectEstimate {
  estimate: number;
  ci: [number, number];
  /** Two-sided p-value of "no effect"; null where the method gives none (bootstrap intervals). */
  p_value: number | null;
  scale: EffectScale;
  method: string;
}

/** The primary estimate and what it was computed from. */
export interface PrimaryEffect extends EffectEstimate {
  /** β of the arm indicator on the model scale (log or outcome units). */
  coefficient: number;
  coefficient_ci: [number, number];
  std_error: number;
  /** Satterthwaite degrees of freedom of the CR2 t test. */
  df: number;
  conf_level: number;
  /** Units (clusters) in the model. */
  clusters: number;
  /** Location of each arm on the outcome's own scale: geometric means with a log outcome, else means. */
  baseline: { statistic: "geometric mean" | "mean"; treatment: number; control: number };
}

/** One robustness estimate; `estimate`, `ci` null (and `note` says why) when it cannot be computed. */
export interface RobustnessEstimate {
  name: string;
  method: string;
  scale: EffectScale;
  estimate: number | null;
  ci: [number, number] | null;
  p_value: number | null;
  note?: string;
}

export interface BalanceRow {
  covariate: string;
  /** "log" when --log-covariate. */
  scale: "log" | "raw";
  /** Mean over units of each unit's mean covariate. */
  treatment_mean: number;
  control_mean: number;
  /** Standardized mean difference; null when both arms are constant. */
  smd: number | null;
  /** |smd| > 0.1. */
  imbalanced: boolean;
}

/**
 * One-sided test that the treatment is not worse than the control by `margin` or more (a guardrail
 * such as revert rate): H₀ effect ≥ margin (lower is better) or ≤ −margin (higher is better).
 */
export interface NonInferiority {
  /** On the effect's scale (relative with a log outcome). */
  margin: number;
  direction: "lower is better" | "higher is better";
  p_value: number;
  /** The one-sided (1 − α) confidence bound on the worse side, on the effect's scale. */
  bound: number;
  /** p_value < α: worsening by the margin or more is ruled out. */
  non_inferior: boolean;
}

export interface AnalysisChecks {
  /** χ² test of the units per arm against 1:1 (sample-ratio mismatch). */
  srm_p_value: number;
  srm_chi_square: number;
  /** srm_p_value < 0.001: the assignment or the data pipeline lost units unevenly; do not trust the effect. */
  srm_flag: boolean;
  balance: BalanceRow[];
  /** Outcome values equal to 0 and below 0 among analysed rows. */
  outcome_values: { zero: number; negative: number };
  excluded_rows: {
    missing_outcome: number;
    missing_covariate: number;
    other_arms: number;
    outside_period: number;
  };
  /** The analysis window when --date was given (rows outside it are in excluded_rows.outside_period). */
  analysis_period: { column: string; from: string | null; to: string | null; note: string } | null;
  /** With a non-inferiority margin: is the treatment not worse than the margin? */
  non_inferiority: NonInferiority | null;
  /** How extreme values were treated. */
  outliers: string;
  /** Human-readable warnings (SRM, imbalance, few units, dropped bootstrap replicates…). */
  warnings: string[];
}

export interface AnalysisReport {
  n: SampleSizes;
  effect: PrimaryEffect;
  robustness: RobustnessEstimate[];
  checks: AnalysisChecks;
  /** With `--by`: effects by subgroup and the test of whether they differ. */
  heterogeneity?: Heterogeneity[];
}
