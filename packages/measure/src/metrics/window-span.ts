const DAY_MS = 86_400_000;
const WEEK_MS = 7 * DAY_MS;
/** 1970-01-05 was a Monday: ISO weeks start there in epoch terms. */
const FIRST_MONDAY_MS = 4 * DAY_MS;

/**
 * The period a rate is taken over: the window when bounded, else the data's own first and last
 * anchor (so an unbounded window does not divide by an infinite number of days).
 */
export function effectivePeriod(
  fromMs: number,
  toMs: number,
  anchors: readonly number[],
): [number, number] | undefined {
  let lo = fromMs;
  let hi = toMs;
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) {
    if (anchors.length === 0) return undefined;
    let min = Number.POSITIVE_INFINITY;
    let max = Number.NEGATIVE_INFINITY;
    for (const anchor of anchors) {
      if (anchor < min) min = anchor;
      if (anchor > max) max = anchor;
    }
    if (!Number.isFinite(lo)) lo = Math.floor(min / DAY_MS) * DAY_MS;
    if (!Number.isFinite(hi)) hi = (Math.floor(max / DAY_MS) + 1) * DAY_MS;
  }
  return hi > lo ? [lo, hi] : undefined;
}

/** Whole UTC days touched by [fromMs, toMs). */
export function daysIn(fromMs: number, toMs: number): number {
  return Math.ceil(toMs / DAY_MS) - Math.floor(fromMs / DAY_MS);
}

/** ISO weeks touched by [fromMs, toMs). */
export function weeksIn(fromMs: number, toMs: number): number {
  const first = Math.floor((fromMs - FIRST_MONDAY_MS) / WEEK_MS);
  const last = Math.floor((toMs - 1 - FIRST_MONDAY_MS) / WEEK_MS);
  return last - first + 1;
}

/** [start, end) of the ISO week holding `ms`. */
export function weekBounds(ms: number): [number, number] {
  const start = Math.floor((ms - FIRST_MONDAY_MS) / WEEK_MS) * WEEK_MS + FIRST_MONDAY_MS;
  return [start, start + WEEK_MS];
}
