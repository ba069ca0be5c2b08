import { InputError, type Queryable } from "@uplift/core";
import { clusterQuestions } from "./question-clusters.js";

/** An answer whose best passage holds less than this share of the question's terms is weak. */
export const LOW_COVERAGE = 0.5;

/** Why an answer counts as weak (an answer may have several reasons). */
export type WeakReason = "not_found" | "not_grounded" | "low_coverage" | "thumbs_down";

export interface CoverageGapOptions {
  /** Only answers from this instant on (default: all). */
  since?: Date | undefined;
  /** Report a cluster when it has at least this many weak answers (default 2). */
  minCount?: number;
  /** At most this many gaps, most frequent first (default 50). */
  limit?: number;
}

/** One missing or weak piece of documentation: a cluster of questions that got weak answers. */
export interface CoverageGap {
  /** The cluster's most frequent question, as a user typed it. */
  question: string;
  /** Weak answers in the cluster. */
  count: number;
  /** Every answer in the cluster (weak or not). */
  asked: number;
  /** Distinct users who asked (anonymous askers count as one). */
  users: number;
  reasons: Record<WeakReason, number>;
  /** Normalised terms the cluster is about. */
  terms: string[];
  /** Up to three other wordings of the question. */
  examples: string[];
  last_asked_at: string;
}

export interface CoverageGapReport {
  since: string | null;
  min_count: number;
  answers: number;
  weak_answers: number;
  gaps: CoverageGap[];
}

interface AnswerRow {
  question: string;
  user_login: string | null;
  grounded: boolean;
  citations: number;
  top_coverage: number | null;
  up: number;
  down: number;
  created_at: Date;
}

/**
 * `uplift kb gaps`: frequent questions whose answers were weak — nothing found, not grounded,
 * little of the question in the best passage, or more thumbs down than up — clustered by term
 * overlap, so writers see which documentation is missing. Only questions are reported, never
 * answers or passages (those may come from documents the report's reader cannot see).
 */
export async function coverageGaps(
  db: Queryable,
  options: CoverageGapOptions = {},
): Promise<CoverageGapReport> {
  const minCount = options.minCount ?? 2;
  const limit = options.limit ?? 50;
  if (!Number.isInteger(minCount) || minCount < 1)
    throw new InputError(`--min-count ${minCount}: expected a whole number of at least 1`);
  const { rows } = await db.query<AnswerRow>(
    `SELECT a.question, a.user_login, a.grounded, jsonb_array_length(a.citations)::int AS citations,
            a.top_coverage, coalesce(f.up, 0)::int AS up, coalesce(f.down, 0)::int AS down, a.created_at
       FROM kb_answers a
       LEFT JOIN (SELECT answer_id, count(*) FILTER (WHERE vote = 'up') AS up,
                         count(*) FILTER (WHERE vote = 'down') AS down
                    FROM kb_feedback GROUP BY answer_id) f ON f.answer_id = a.id
      WHERE $1::timestamptz IS NULL OR a.created_at >= $1::timestamptz
      ORDER BY a.created_at, a.id`,
    [options.since?.toISOString() ?? null],
  );
  const answers = rows.map((row) => ({ ...row, reasons: weakReasons(row) }));
  const gaps: CoverageGap[] = [];
  for (const cluster of clusterQuestions(answers, (a) => a.question)) {
    const weak = cluster.members.filter((a) => a.reasons.length > 0);
    if (weak.length < minCount) continue;
    const reasons: Record<WeakReason, number> = {
      not_found: 0,
      not_grounded: 0,
      low_coverage: 0,
      thumbs_down: 0,
    };
    for (const answer of weak) for (const reason of answer.reasons) reasons[reason]++;
    const wordings = byFrequency(weak.map((a) => a.question.trim()));
    gaps.push({
      question: wordings[0] as string,
      count: weak.length,
      asked: cluster.members.length,
      users: new Set(weak.map((a) => a.user_login ?? "")).size,
      reasons,
      terms: cluster.terms,
      examples: wordings.slice(1, 4),
      last_asked_at: new Date(Math.max(...weak.map((a) => a.created_at.getTime()))).toISOString(),
    });
  }
  gaps.sort((a, b) => b.count - a.count || (a.last_asked_at < b.last_asked_at ? 1 : -1));
  return {
    since: options.since?.toISOString() ?? null,
    min_count: minCount,
    answers: answers.length,
    weak_answers: answers.filter((a) => a.reasons.length > 0).length,
    gaps: gaps.slice(0, limit),
  };
}

function weakReasons(row: AnswerRow): WeakReason[] {
  const reasons: WeakReason[] = [];
  if (row.citations === 0) reasons.push("not_found");
  else if (!row.grounded) reasons.push("not_grounded");
  if (row.top_coverage !== null && row.top_coverage < LOW_COVERAGE) reasons.push("low_coverage");
  if (row.down > row.up) reasons.push("thumbs_down");
  return reasons;
}

/** Distinct texts (ignoring case and punctuation), most frequent first, ties in first-seen order. */
function byFrequency(texts: string[]): string[] {
  const counts = new Map<string, { text: string; n: number }>();
  for (const text of texts) {
    const key = text
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, " ")
      .trim();
    const entry = counts.get(key) ?? { text, n: 0 };
    entry.n++;
    counts.set(key, entry);
  }
  return [...counts.values()].sort((a, b) => b.n - a.n).map((e) => e.text);
}
