import type { Queryable } from "@uplift/core";

/** A stored answer with the votes it received through `uplift kb feedback`. */
export interface VotedAnswerRow {
  answer_id: string;
  question: string;
  answer: string;
  up: number;
  down: number;
}

/**
 * Every answer that received at least one vote, with its up/down counts, oldest first: what a
 * training-data builder turns into chosen/rejected preference pairs (`uplift tune dataset --feedback`).
 */
export async function readVotedAnswers(db: Queryable): Promise<VotedAnswerRow[]> {
  const { rows } = await db.query<VotedAnswerRow>(
    `SELECT a.id AS answer_id, a.question, a.answer,
            count(*) FILTER (WHERE f.vote = 'up')::int AS up,
            count(*) FILTER (WHERE f.vote = 'down')::int AS down
       FROM kb_answers a JOIN kb_feedback f ON f.answer_id = a.id
      GROUP BY a.id, a.question, a.answer, a.created_at
      ORDER BY a.created_at, a.id`,
  );
  return rows;
}
