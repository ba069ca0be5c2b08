/** Which columns of a PR-level (or any row-level) table hold what, and how to transform them. */
export interface AnalysisSpec {
  /** Outcome column, e.g. merge hours of each PR. */
  outcome: string;
  /** Column holding each row's arm. */
  arm: string;
  /** Value of the arm column that marks the treatment arm. */
  treatment: string;
  /** Value that marks the control arm; default: the one other value present. */
  control?: string | undefined;
  /** Column of the randomization unit (the developer); errors are clustered by it. */
  unit: string;
  /**
   * Cluster column when the randomization unit is finer than the developer (tasks randomized
   * within developers, as in METR 2025): errors are clustered by it instead of by `unit`.
   */
  cluster?: string | undefined;
  /** Optional pre-period covariate (CUPED/ANCOVA). */
  covariate?: string | undefined;
  /** Analyse log(outcome): the effect is relative, exp(β) − 1. */
  logOutcome: boolean;
  /** Use log(covariate) in the model. */
  logCovariate: boolean;
  /** Keep only rows whose date falls in [from, to): e.g. after the ramp-up window. */
  period?: AnalysisPeriod | undefined;
}

/** The analysis window on a date column. */
export interface AnalysisPeriod {
  /** Column with each row's date (ISO 8601), e.g. the PR's creation time. */
  column: string;
  from?: Date | undefined;
  to?: Date | undefined;
  /** Why the window starts where it does, for the report (e.g. the ramp-up). */
  reason?: string | undefined;
}
