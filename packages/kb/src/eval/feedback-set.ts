import { createHash } from "node:crypto";
import type { Queryable } from "@uplift/core";
import type { EvalQuery } from "./eval-files.js";

/** One judgment of the evaluation set built from feedback. */
export interface FeedbackJudgment {
  query_id: string;
  doc_id: string;
  /** 1: liked more than disliked in answers to this question; 0: judged not relevant. */
  relevance: 0 | 1;
}

export interface FeedbackEvalSet {
  queries: EvalQuery[];
  qrels: FeedbackJudgment[];
  /** Votes read, and (question, document) pairs left out because their likes and dislikes cancel. */
  votes: number;
  tied: number;
}

/**
 * Turns thumbs up/down into a judged evaluation set for `uplift kb eval`: one query per distinct
 * question (case and spacing folded), and for each document an answer to it cited, relevance 1
 * when its answers got more likes than dislikes, 0 (judged, not relevant) when more dislikes.
 * A vote judges the cited documents, not the passages the answer merely had.
 */
export async function buildFeedbackEvalSet(db: Queryable): Promise<FeedbackEvalSet> {
  const { rows } = await db.query<{ question: string; vote: string; citations: unknown }>(
    `SELECT a.question, f.vote, a.citations
     FROM kb_feedback f JOIN kb_answers a ON a.id = f.answer_id
     ORDER BY a.created_at, f.created_at`,
  );
  const queries = new Map<string, EvalQuery>();
  const net = new Map<string, Map<string, number>>();
  for (const row of rows) {
    const text = row.question.trim().replace(/\s+/g, " ");
    const key = text.toLowerCase();
    const id = `fb-${createHash("sha256").update(key).digest("hex").slice(0, 12)}`;
    if (!queries.has(id)) queries.set(id, { id, text });
    const perDoc = net.get(id) ?? new Map<string, number>();
    net.set(id, perDoc);
    const docs = new Set(
      (Array.isArray(row.citations) ? row.citations : []).flatMap((c) =>
        c && typeof c === "object" && typeof (c as { doc_id?: unknown }).doc_id === "string"
          ? [(c as { doc_id: string }).doc_id]
          : [],
      ),
    );
    for (const doc of docs) perDoc.set(doc, (perDoc.get(doc) ?? 0) + (row.vote === "up" ? 1 : -1));
  }
  const qrels: FeedbackJudgment[] = [];
  let tied = 0;
  for (const [queryId, perDoc] of net)
    for (const [docId, score] of perDoc) {
      if (score === 0) tied++;
      else qrels.push({ query_id: queryId, doc_id: docId, relevance: score > 0 ? 1 : 0 });
    }
  const judged = new Set(qrels.map((q) => q.query_id));
  return {
    queries: [...queries.values()].filter((q) => judged.has(q.id)),
    qrels,
    votes: rows.length,
    tied,
  };
}
