/**
 * Metrics of one completion against the expected code, as code-completion benchmarks define
 * them (CodeXGLUE line completion, RepoBench, CrossCodeEval — Ding et al. 2023):
 * exact match and edit similarity on whitespace-normalised text, identifier exact match and F1.
 */

/** Trailing spaces of each line and blank lines at both ends removed; CRLF as LF. */
export function normaliseCode(text: string): string {
  return text
    .replace(/\r\n/g, "\n")
    .split("\n")
    .map((line) => line.trimEnd())
    .join("\n")
    .replace(/^\n+|\n+$/g, "")
    .trim();
}

/** 1 when the normalised texts are equal, else 0. */
export function exactMatch(completion: string, expected: string): number {
  return normaliseCode(completion) === normaliseCode(expected) ? 1 : 0;
}

/** Levenshtein distance between two strings (two-row dynamic programme over UTF-16 units). */
export function levenshtein(a: string, b: string): number {
  if (a === b) return 0;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  let previous = new Uint32Array(b.length + 1);
  let current = new Uint32Array(b.length + 1);
  for (let j = 0; j <= b.length; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const cost = ca === b.charCodeAt(j - 1) ? 0 : 1;
      current[j] = Math.min(
        (previous[j] as number) + 1,
        (current[j - 1] as number) + 1,
        (previous[j - 1] as number) + cost,
      );
    }
    [previous, current] = [current, previous];
  }
  return previous[b.length] as number;
}

/** 1 − Levenshtein / max length, on normalised texts (1 for two empty texts). */
export function editSimilarity(completion: string, expected: string): number {
  const a = normaliseCode(completion);
  const b = normaliseCode(expected);
  const longest = Math.max(a.length, b.length);
  return longest === 0 ? 1 : 1 - levenshtein(a, b) / longest;
}

const IDENTIFIER = /[A-Za-z_$][\w$]*/g;

/** Identifiers of a piece of code in order (keywords included: they are tokens the model chose). */
export function identifiersOf(code: string): string[] {
  return normaliseCode(code).match(IDENTIFIER) ?? [];
}

/** 1 when the completion uses exactly the expected identifiers in the same order, else 0. */
export function identifierMatch(completion: string, expected: string): number {
  const a = identifiersOf(completion);
  const b = identifiersOf(expected);
  return a.length === b.length && a.every((id, i) => id === b[i]) ? 1 : 0;
}

/** F1 of the identifier multisets (precision over the completion's, recall over the expected's). */
export function identifierF1(completion: string, expected: string): number {
  const a = identifiersOf(completion);
  const b = identifiersOf(expected);
  if (a.length === 0 && b.length === 0) return 1;
  if (a.length === 0 || b.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const id of b) counts.set(id, (counts.get(id) ?? 0) + 1);
  let common = 0;
  for (const id of a) {
    const left = counts.get(id) ?? 0;
    if (left > 0) {
      common++;
      counts.set(id, left - 1);
    }
  }
  if (common === 0) return 0;
  const precision = common / a.length;
  const recall = common / b.length;
  return (2 * precision * recall) / (precision + recall);
}
