const LISTED_LINES = 10;

/** "lines 3, 8, 12 and 4 more" (at most ten line numbers), for messages about many rows. */
export function lineList(lines: readonly number[]): string {
  const shown = lines.slice(0, LISTED_LINES).join(", ");
  const rest = lines.length - LISTED_LINES;
  return `line${lines.length === 1 ? "" : "s"} ${shown}${rest > 0 ? ` and ${rest} more` : ""}`;
}
