import { splitSentences } from "../chunk/chunker.js";
import { plainInline } from "../chunk/plain-text.js";
import { contentTerms, termCoverage } from "../retrieve/terms.js";

const MAX_QUOTE_CHARS = 300;

/**
 * The passage's sentence that best covers `claim` (the answer sentences citing it), as plain text
 * (`plainInline`), cut to 300 characters: what a reader checks the citation against.
 */
export function bestQuote(passage: string, claim: string): string {
  const claimTerms = new Set(contentTerms(claim));
  let best = "";
  let bestScore = -1;
  for (const sentence of splitSentences(passage)) {
    if (!/\p{L}/u.test(sentence)) continue;
    const score = termCoverage(claimTerms, new Set(contentTerms(sentence)));
    if (score > bestScore) {
      best = sentence;
      bestScore = score;
    }
  }
  best = plainInline(best);
  return best.length > MAX_QUOTE_CHARS ? `${best.slice(0, MAX_QUOTE_CHARS - 1).trimEnd()}…` : best;
}
