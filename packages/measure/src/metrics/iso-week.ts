const DAY_MS = 86_400_000;

/**
 * The ISO 8601 week of an instant, in UTC, as "YYYY-Www" (weeks start on Monday; week 1 holds
 * the year's first Thursday), e.g. 2025-03-03T09:00Z → "2025-W10".
 */
export function isoWeek(ms: number): string {
  const day = Math.floor(ms / DAY_MS);
  let label = labels.get(day);
  if (label === undefined) {
    label = isoWeekOfDay(day);
    labels.set(day, label);
  }
  return label;
}

/** Labels by epoch day: a report asks for the same few hundred days millions of times. */
const labels = new Map<number, string>();

function isoWeekOfDay(day: number): string {
  // 1970-01-01 was a Thursday; ISO weekday Monday=1 … Sunday=7
  const weekday = ((((day + 3) % 7) + 7) % 7) + 1;
  const thursday = day + 4 - weekday;
  const year = new Date(thursday * DAY_MS).getUTCFullYear();
  const firstDay = Math.floor(Date.UTC(year, 0, 1) / DAY_MS);
  const week = Math.floor((thursday - firstDay) / 7) + 1;
  return `${year}-W${String(week).padStart(2, "0")}`;
}

/** The UTC day ("YYYY-MM-DD") of an instant. */
export function utcDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}
