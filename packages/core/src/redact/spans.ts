/** A stretch of text to replace: [start, end) in UTF-16 code units, its type and its placeholder. */
export interface RedactionSpan {
  start: number;
  end: number;
  /** Counted type: `EMAIL`, `IP_ADDRESS`, `PHONE`, `SECRET:<rule-id>`. */
  type: string;
  placeholder: string;
}

/**
 * Replaces spans in `text`. Spans are taken in the order given (earlier ones win: pass secrets
 * before PII); a span overlapping one already taken is dropped, and not counted. A span over
 * several lines (a PEM private key) keeps its line breaks after the placeholder, so every line
 * after it keeps its number (code search results, citations and diffs point at real lines).
 */
export function applySpans(
  text: string,
  spans: readonly RedactionSpan[],
): { text: string; counts: Record<string, number> } {
  const taken: RedactionSpan[] = [];
  for (const span of spans) {
    if (taken.some((t) => span.start < t.end && t.start < span.end)) continue;
    taken.push(span);
  }
  if (taken.length === 0) return { text, counts: {} };
  taken.sort((a, b) => a.start - b.start);
  const counts: Record<string, number> = {};
  const parts: string[] = [];
  let at = 0;
  for (const span of taken) {
    parts.push(text.slice(at, span.start), span.placeholder, lineBreaksIn(text, span.start, span.end));
    at = span.end;
    counts[span.type] = (counts[span.type] ?? 0) + 1;
  }
  parts.push(text.slice(at));
  return { text: parts.join(""), counts };
}

/** Adds `more` into `total` (redaction counts by type). */
export function addCounts(total: Record<string, number>, more: Readonly<Record<string, number>>): void {
  for (const [type, n] of Object.entries(more)) total[type] = (total[type] ?? 0) + n;
}

/** The "\n"s in text[start, end), as a string of that many. */
function lineBreaksIn(text: string, start: number, end: number): string {
  let breaks = "";
  for (let i = text.indexOf("\n", start); i !== -1 && i < end; i = text.indexOf("\n", i + 1)) breaks += "\n";
  return breaks;
}
