const IDENTIFIER = /[A-Za-z_$][\w$]*/g;

/**
 * Splits an identifier into lowercase words at camelCase humps, acronym ends, digits,
 * `_`, `-` and `$`: `formatAmount` → [format, amount], `HTTPServer2` → [http, server, 2],
 * `snake_case` → [snake, case].
 */
export function splitIdentifier(identifier: string): string[] {
  return identifier
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1 $2")
    .replace(/([A-Za-z])([0-9])/g, "$1 $2")
    .split(/[\s_$-]+/)
    .filter(Boolean)
    .map((word) => word.toLowerCase());
}

/** Distinct identifiers of a text, in first-seen order. */
export function identifiersOf(text: string): string[] {
  return [...new Set(text.match(IDENTIFIER) ?? [])];
}

/**
 * The words of every compound identifier in `text` (one line of space-separated words per
 * identifier), so that BM25 matches "format amount" against `formatAmount` and `format_amount`.
 */
export function identifierWordsText(text: string): string {
  const lines: string[] = [];
  for (const identifier of identifiersOf(text)) {
    const words = splitIdentifier(identifier);
    if (words.length > 1) lines.push(words.join(" "));
  }
  return lines.join("\n");
}

/** A query with each compound identifier also given as its words: "formatAmount" → "formatAmount format amount". */
export function expandQuery(query: string): string {
  const extra = identifiersOf(query)
    .map(splitIdentifier)
    .filter((words) => words.length > 1)
    .flat();
  return extra.length ? `${query} ${extra.join(" ")}` : query;
}
