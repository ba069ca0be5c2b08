/** `[1]`, `[2, 3]`, `[4][5]`: citation markers as a model writes them. */
export const CITATION_MARKER = /\[(\d+(?:\s*,\s*\d+)*)\]/g;

/**
 * Splits an answer into sentences, keeping citation markers with the sentence they follow:
 * "Watch the canary. [1] Then promote [2]." → ["Watch the canary. [1]", "Then promote [2]."].
 */
export function splitAnswerSentences(text: string): string[] {
  const sentences: string[] = [];
  const pattern = /[.!?]+(?:["')\]]*)(?:[ \t]*\[\d+(?:\s*,\s*\d+)*\])*(?=\s+|$)|\n+/g;
  let start = 0;
  for (const match of text.matchAll(pattern)) {
    const end = (match.index ?? 0) + match[0].length;
    const sentence = text.slice(start, end).trim();
    if (sentence) sentences.push(sentence);
    start = end;
  }
  const rest = text.slice(start).trim();
  if (rest) sentences.push(rest);
  // a line holding only markers belongs to the sentence before it
  const merged: string[] = [];
  for (const sentence of sentences) {
    if (/^(\s*\[\d+(?:\s*,\s*\d+)*\])+\s*[.!?]?$/.test(sentence) && merged.length)
      merged[merged.length - 1] = `${merged[merged.length - 1]} ${sentence}`;
    else merged.push(sentence);
  }
  return merged;
}

/** Citation numbers in a text, in order of appearance (repeats kept). */
export function citationNumbers(text: string): number[] {
  const numbers: number[] = [];
  for (const match of text.matchAll(CITATION_MARKER))
    for (const part of (match[1] ?? "").split(",")) numbers.push(Number(part.trim()));
  return numbers;
}

/** The sentence without its citation markers. */
export function stripCitations(text: string): string {
  return text
    .replace(CITATION_MARKER, "")
    .replace(/\s+([.,;:!?])/g, "$1")
    .replace(/\s{2,}/g, " ")
    .trim();
}
