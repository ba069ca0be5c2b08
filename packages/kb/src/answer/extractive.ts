import { splitSentences } from "../chunk/chunker.js";
import { plainInline } from "../chunk/plain-text.js";
import { contentTerms, termCoverage } from "../retrieve/terms.js";
import type { Passage } from "./passage.js";

export interface DraftAnswer {
  /** Answer text with [n] markers numbering `passages` (1-based indexes into the passages given). */
  text: string;
}

/** Said when the passages do not answer the question. */
export const NOT_FOUND_ANSWER = "I could not find this in the knowledge base.";

/**
 * An answer without a language model: the passage sentences that cover most of the question's
 * terms (ties: the better-ranked passage), at most `maxSentences`, each followed by the [n] of
 * its passage. Every sentence is the passage's own, as plain text (links keep their words, Markdown
 * escapes and inline HTML go).
 */
export function extractiveAnswer(
  question: string,
  passages: readonly Passage[],
  maxSentences = 3,
): DraftAnswer {
  const questionTerms = new Set(contentTerms(question));
  const candidates: { sentence: string; n: number; score: number }[] = [];
  for (const passage of passages) {
    for (const sentence of splitSentences(passage.text)) {
      // headings, code and table rows make poor answer sentences
      if (sentence.split(/\s+/).length < 4 || /^[#|`>]|^[-*+]\s*$/.test(sentence)) continue;
      const coverage = termCoverage(questionTerms, new Set(contentTerms(sentence)));
      if (coverage > 0) candidates.push({ sentence, n: passage.n, score: coverage - passage.n * 1e-3 });
    }
  }
  candidates.sort((a, b) => b.score - a.score);
  const chosen: typeof candidates = [];
  for (const candidate of candidates) {
    if (chosen.length >= maxSentences) break;
    if (chosen.some((c) => c.sentence === candidate.sentence)) continue;
    if (chosen.filter((c) => c.n === candidate.n).length >= 2) continue;
    chosen.push(candidate);
  }
  if (chosen.length === 0) return { text: NOT_FOUND_ANSWER };
  return {
    text: chosen
      .map((c) => `${withStop(plainInline(c.sentence.replace(/^[-*+]\s+/, "")))} [${c.n}]`)
      .join(" "),
  };
}

function withStop(sentence: string): string {
  return /[.!?]["')\]]*$/.test(sentence) ? sentence : `${sentence}.`;
}
