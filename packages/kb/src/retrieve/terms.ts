/** English stop words: too common to say whether a passage is about a question. */
const STOP_WORDS = new Set(
  (
    "a about above after again against all am an and any are as at be because been before being below between both but by " +
    "can could did do does doing down during each few for from further had has have having he her here hers herself him " +
    "himself his how i if in into is it its itself just me more most my myself no nor not now of off on once only or other " +
    "our ours ourselves out over own same she should so some such than that the their theirs them themselves then there " +
    "these they this those through to too under until up very was we were what when where which while who whom why will " +
    "with would you your yours yourself yourselves shall may might must also us"
  ).split(" "),
);

/** A light English stemmer (plural and verb endings), enough to match "deploys" with "deploying". */
export function stem(word: string): string {
  if (word.length <= 3) return word;
  for (const [suffix, replacement] of [
    ["ies", "y"],
    ["ing", ""],
    ["ed", ""],
    ["es", ""],
    ["s", ""],
  ] as const) {
    if (word.endsWith(suffix) && word.length - suffix.length >= 3 && !(suffix === "s" && word.endsWith("ss")))
      return word.slice(0, word.length - suffix.length) + replacement;
  }
  return word;
}

/** Content terms of a text: lower-case words and numbers, stop words dropped, stemmed. */
export function contentTerms(text: string): string[] {
  const words = text.toLowerCase().match(/[\p{L}\p{N}][\p{L}\p{N}_-]*/gu) ?? [];
  return words.filter((word) => !STOP_WORDS.has(word)).map(stem);
}

/** Share of the distinct `query` terms that occur in `terms` (0 when the query has none). */
export function termCoverage(query: ReadonlySet<string>, terms: ReadonlySet<string>): number {
  if (query.size === 0) return 0;
  let matched = 0;
  for (const term of query) if (terms.has(term)) matched++;
  return matched / query.size;
}
