import { contentTerms, termCoverage } from "../retrieve/terms.js";
import { CITATION_MARKER, citationNumbers, splitAnswerSentences, stripCitations } from "./sentences.js";

/** Share of a sentence's content terms a passage must contain to support it (docs/kb.md). */
export const SUPPORT_THRESHOLD = 0.5;

export interface CheckedAnswer {
  /** The answer with citation markers renumbered 1..m in order of first use; invalid ones removed. */
  text: string;
  /** `passages[i]` is the (1-based) number of the passage that citation i+1 points to. */
  passages: number[];
  /** Citation numbers the answer used that named no passage given to the model. */
  dropped: number[];
  /** Sentences (renumbered) with no valid citation, or whose cited passages do not support them. */
  unsupported: string[];
  /** Every sentence cites a passage that supports it. */
  grounded: boolean;
}

/**
 * Checks a generated answer against the numbered passages it was given: a marker that names
 * no passage is removed (never left pointing at the wrong source), the valid ones are
 * renumbered in order of first use so citation n is the n-th entry of `passages`, and each
 * sentence must cite at least one passage that lexically supports it (≥ SUPPORT_THRESHOLD of
 * its content terms occur in the passage).
 */
export function checkCitations(answer: string, passageTexts: readonly string[]): CheckedAnswer {
  const dropped: number[] = [];
  const order: number[] = [];
  for (const n of citationNumbers(answer)) {
    if (n < 1 || n > passageTexts.length || !Number.isInteger(n)) dropped.push(n);
    else if (!order.includes(n)) order.push(n);
  }
  const renumber = new Map(order.map((n, i) => [n, i + 1]));
  const text = answer
    .replace(CITATION_MARKER, (_marker, list: string) => {
      const kept = [
        ...new Set(
          list
            .split(",")
            .map((part) => renumber.get(Number(part.trim())))
            .filter((n): n is number => n !== undefined),
        ),
      ];
      return kept.map((n) => `[${n}]`).join("");
    })
    .replace(/[ \t]+([.,;:!?])/g, "$1")
    .replace(/[ \t]{2,}/g, " ")
    .trim();
  const passageTerms = order.map((n) => new Set(contentTerms(passageTexts[n - 1] ?? "")));
  const unsupported: string[] = [];
  const sentences = splitAnswerSentences(text);
  for (const sentence of sentences) {
    const cited = citationNumbers(sentence);
    const terms = new Set(contentTerms(stripCitations(sentence)));
    const supported = cited.some((n) => {
      const passage = passageTerms[n - 1];
      return passage !== undefined && (terms.size === 0 || termCoverage(terms, passage) >= SUPPORT_THRESHOLD);
    });
    if (!supported) unsupported.push(sentence);
  }
  return {
    text,
    passages: order,
    dropped,
    unsupported,
    grounded: sentences.length > 0 && unsupported.length === 0,
  };
}
