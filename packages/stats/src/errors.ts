/**
 * Errors raised by @uplift/stats. The package has no dependencies, so it cannot use
 * @uplift/core's classes; callers (e.g. @uplift/experiment) wrap these into `InputError`
 * with the original as `cause`. Codes are stable.
 */
export type StatsErrorCode = "STATS_BAD_INPUT" | "STATS_NO_CONVERGENCE";

export class StatsError extends Error {
  readonly code: StatsErrorCode;

  constructor(code: StatsErrorCode, message: string) {
    super(message);
    this.name = new.target.name;
    this.code = code;
  }
}

/** The arguments cannot be computed on: empty sample, NaN, probability outside (0, 1), singular design… */
export class StatsInputError extends StatsError {
  constructor(message: string) {
    super("STATS_BAD_INPUT", message);
  }
}

/** An iterative algorithm did not reach its tolerance; the message names the function and its arguments. */
export class StatsConvergenceError extends StatsError {
  constructor(message: string) {
    super("STATS_NO_CONVERGENCE", message);
  }
}
