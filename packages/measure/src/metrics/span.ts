/** Why a span does not count in a duration metric (DESIGN: excluded and counted, never clamped). */
export type SpanExclusion = "missing_start" | "missing_end" | "negative_span";

export const HOUR_MS = 3_600_000;

/**
 * The span from `startMs` to `endMs` in hours, or why it does not count: a missing end (not merged,
 * no review yet) or start, or an end before the start (clock skew, a review before the PR opened).
 * Missing times are NaN. A zero span counts.
 * @example measureSpan(Date.parse("2025-03-03T09:00Z"), Date.parse("2025-03-03T17:00Z")) // 8
 */
export function measureSpan(startMs: number, endMs: number): number | SpanExclusion {
  if (Number.isNaN(endMs)) return "missing_end";
  if (Number.isNaN(startMs)) return "missing_start";
  const hours = (endMs - startMs) / HOUR_MS;
  return hours < 0 ? "negative_span" : hours;
}

/** Epoch milliseconds of an ISO 8601 instant, NaN when absent. */
export function instantMs(value: string | Date | null | undefined): number {
  if (value === null || value === undefined) return Number.NaN;
  return value instanceof Date ? value.getTime() : Date.parse(value);
}
