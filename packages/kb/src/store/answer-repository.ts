import { randomUUID } from "node:crypto";
import { NotFoundError, type Queryable } from "@uplift/core";
import type { Citation, Passage } from "../answer/passage.js";

/** An answer as stored for feedback and evaluation. */
export interface StoredAnswer {
  question: string;
  userLogin: string | null;
  answer: string;
  citations: readonly Citation[];
  /** The passages the answer was made from (ids only: texts stay in the index, under their ACL). */
  passages: readonly Pick<Passage, "n" | "doc_id" | "chunk_id" | "source">[];
  generator: string;
  grounded: boolean;
  retrieval: string;
  /** Share of the question's content terms in the best retrieved passage (0–1). */
  topCoverage?: number | undefined;
}

export type Vote = "up" | "down";

/** `kb_answers` and `kb_feedback`. */
export class AnswerRepository {
  constructor(private readonly db: Queryable) {}

  /** Stores an answer; returns its id (what `uplift kb feedback` takes). */
  async save(answer: StoredAnswer): Promise<string> {
    const id = randomUUID();
    await this.db.query(
      `INSERT INTO kb_answers (id, question, user_login, answer, citations, passages, generator, grounded, retrieval, top_coverage)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [
        id,
        answer.question,
        answer.userLogin,
        answer.answer,
        JSON.stringify(answer.citations),
        JSON.stringify(answer.passages),
        answer.generator,
        answer.grounded,
        answer.retrieval,
        answer.topCoverage ?? null,
      ],
    );
    return id;
  }

  /** Records a vote on an answer; NotFoundError (exit 2) for an unknown answer id. Returns the feedback id. */
  async addFeedback(
    answerId: string,
    vote: Vote,
    userLogin: string | null,
    comment?: string,
  ): Promise<string> {
    const { rows } = await this.db.query<{ id: string }>("SELECT id FROM kb_answers WHERE id = $1", [
      answerId,
    ]);
    if (rows.length === 0)
      throw new NotFoundError(`answer "${answerId}" does not exist`, {
        hint: "use the answer_id printed by uplift kb ask --json",
      });
    const id = randomUUID();
    await this.db.query(
      "INSERT INTO kb_feedback (id, answer_id, user_login, vote, comment) VALUES ($1, $2, $3, $4, $5)",
      [id, answerId, userLogin, vote, comment ?? null],
    );
    return id;
  }
}
