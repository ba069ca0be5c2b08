import type { PreferencePair } from "./dataset-types.js";

/** An answer with the votes it received (kb feedback). */
export interface VotedAnswer {
  question: string;
  answer: string;
  up: number;
  down: number;
}

/**
 * DPO pairs from kb feedback: answers are grouped by question (case and whitespace
 * normalised); an answer with more up- than down-votes is liked, the reverse disliked; each
 * question yields pairs of (liked, disliked) answers — every liked one with every disliked one,
 * capped at 4 pairs per question so popular questions do not dominate. Questions with only
 * liked or only disliked answers are counted as `unpaired`.
 */
export function preferencePairs(answers: readonly VotedAnswer[]): {
  pairs: PreferencePair[];
  unpaired: number;
} {
  const byQuestion = new Map<string, { prompt: string; liked: string[]; disliked: string[] }>();
  for (const a of answers) {
    if (a.up === a.down) continue;
    const key = a.question.toLowerCase().replace(/\s+/g, " ").trim();
    const group = byQuestion.get(key) ?? { prompt: a.question.trim(), liked: [], disliked: [] };
    (a.up > a.down ? group.liked : group.disliked).push(a.answer);
    byQuestion.set(key, group);
  }
  const pairs: PreferencePair[] = [];
  let unpaired = 0;
  for (const group of byQuestion.values()) {
    if (group.liked.length === 0 || group.disliked.length === 0) {
      unpaired++;
      continue;
    }
    let n = 0;
    for (const chosen of group.liked)
      for (const rejected of group.disliked)
        if (n++ < 4 && chosen !== rejected) pairs.push({ prompt: group.prompt, chosen, rejected });
  }
  return { pairs, unpaired };
}
