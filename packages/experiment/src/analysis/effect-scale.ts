import type { EffectScale } from "./analysis-report.js";

/** The reporting scale of a model: relative for a log outcome, absolute otherwise. */
export function effectScale(logOutcome: boolean): EffectScale {
  return logOutcome ? "relative" : "absolute";
}

/**
 * A model-scale quantity (a difference of logs, or of outcomes) on the reporting scale:
 * exp(d) − 1 for a log outcome (a relative change; monotone, so interval ends map to interval
 * ends), unchanged otherwise.
 */
export function toReportScale(logOutcome: boolean, value: number): number {
  return logOutcome ? Math.expm1(value) : value;
}

export function intervalToReportScale(logOutcome: boolean, ci: readonly [number, number]): [number, number] {
  return [toReportScale(logOutcome, ci[0]), toReportScale(logOutcome, ci[1])];
}
