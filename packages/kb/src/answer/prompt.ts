import type { ChatMessage } from "@uplift/core";
import { NOT_FOUND_ANSWER } from "./extractive.js";
import type { Passage } from "./passage.js";

/** Characters of a passage put in the prompt (a 512-token chunk is ~2,000). */
const MAX_PASSAGE_CHARS = 2400;

/**
 * The answering prompt: numbered passages and the rule to cite each sentence with [n]. The
 * numbers are checked afterwards (`checkCitations`), so a model that invents one cannot make
 * a citation point at the wrong source.
 */
export function answerPrompt(question: string, passages: readonly Passage[]): ChatMessage[] {
  const context = passages
    .map((p) => {
      const heading = [p.title, p.heading_path].filter(Boolean).join(" > ");
      const text = p.text.length > MAX_PASSAGE_CHARS ? `${p.text.slice(0, MAX_PASSAGE_CHARS)}…` : p.text;
      return `[${p.n}] ${heading}${p.url ? ` (${p.url})` : ""}\n${text}`;
    })
    .join("\n\n");
  return [
    {
      role: "system",
      content: [
        "You answer questions from engineers using only the numbered passages from the organisation's documentation.",
        "After every sentence, cite the passage(s) that support it with their numbers in brackets, like [1] or [2][3].",
        `Use only the numbers 1 to ${passages.length}. Do not use outside knowledge.`,
        `If the passages do not answer the question, reply exactly: ${NOT_FOUND_ANSWER}`,
        "Be brief: at most five sentences.",
      ].join("\n"),
    },
    { role: "user", content: `Passages:\n\n${context}\n\nQuestion: ${question}` },
  ];
}
