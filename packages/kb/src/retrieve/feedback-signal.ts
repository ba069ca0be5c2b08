import type { Queryable } from "@uplift/core";
import { contentTerms } from "./terms.js";

/** How much feedback may move a hit: its score is multiplied by 1 ± up to this (docs/kb.md). */
export const FEEDBACK_WEIGHT = 0.15;
/** A vote counts half after this many days, a quarter after twice as many. */
export const FEEDBACK_HALF_LIFE_DAYS = 30;
/** Feedback on a question sharing less than this share of terms with the query is ignored. */
export const FEEDBACK_MIN_SIMILARITY = 0.2;

/** One vote on an answer, with the chunks the answer cited. */
export interface FeedbackVote {
  questionTerms: ReadonlySet<string>;
  vote: 1 | -1;
  ageDays: number;
  chunkIds: readonly string[];
}

/**
 * Reads every vote with its question and the chunks its answer cited (the cited ones: those are
 * what the user judged). Few rows (one per thumbs), read once per searcher and cached.
 */
export async function loadFeedbackVotes(db: Queryable, now = new Date()): Promise<FeedbackVote[]> {
  const { rows } = await db.query<{ question: string; vote: string; created_at: Date; citations: unknown }>(
    `SELECT a.question, f.vote, f.created_at, a.citations
     FROM kb_feedback f JOIN kb_answers a ON a.id = f.answer_id`,
  );
  return rows.flatMap((row) => {
    const cited = Array.isArray(row.citations) ? row.citations : [];
    const chunkIds = cited.flatMap((c) =>
      c && typeof c === "object" && typeof (c as { chunk_id?: unknown }).chunk_id === "string"
        ? [(c as { chunk_id: string }).chunk_id]
        : [],
    );
    if (chunkIds.length === 0) return [];
    return [
      {
        questionTerms: new Set(contentTerms(row.question)),
        vote: row.vote === "up" ? (1 as const) : (-1 as const),
        ageDays: Math.max(0, (now.getTime() - new Date(row.created_at).getTime()) / 86_400_000),
        chunkIds,
      },
    ];
  });
}

/**
 * Feedback as a ranking signal: for each chunk, the sum over votes on answers that cited it of
 * vote × similarity(query, that question) × 0.5^(age / half-life), squashed by tanh into a
 * multiplier in [1 − w, 1 + w]. A like on an answer to a similar question lifts the chunks it
 * cited; a dislike lowers them; votes on unrelated questions and old votes count little. The
 * multiplier is applied to the candidates before the top-k cut, like the field boosts.
 */
export function feedbackMultipliers(
  queryTerms: ReadonlySet<string>,
  votes: readonly FeedbackVote[],
  options: { weight?: number; halfLifeDays?: number; minSimilarity?: number } = {},
): Map<string, number> {
  const weight = options.weight ?? FEEDBACK_WEIGHT;
  const halfLife = options.halfLifeDays ?? FEEDBACK_HALF_LIFE_DAYS;
  const minSimilarity = options.minSimilarity ?? FEEDBACK_MIN_SIMILARITY;
  const sums = new Map<string, number>();
  if (weight === 0 || queryTerms.size === 0) return sums;
  for (const vote of votes) {
    const similarity = jaccard(queryTerms, vote.questionTerms);
    if (similarity < minSimilarity) continue;
    const contribution = vote.vote * similarity * 0.5 ** (vote.ageDays / halfLife);
    for (const id of new Set(vote.chunkIds)) sums.set(id, (sums.get(id) ?? 0) + contribution);
  }
  const multipliers = new Map<string, number>();
  for (const [id, sum] of sums) multipliers.set(id, 1 + weight * Math.tanh(sum));
  return multipliers;
}

function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let shared = 0;
  for (const term of a) if (b.has(term)) shared++;
  return shared === 0 ? 0 : shared / (a.size + b.size - shared);
}
