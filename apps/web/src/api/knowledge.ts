import { getJson, postJson } from "./client.js";

/** Mirrors DocsSearchResponse / DocsAnswer of apps/server/src/api/docs-schemas.ts. */
export interface DocsSearchHit {
  doc_id: string;
  chunk_id: string;
  title: string;
  url: string | null;
  score: number;
  text: string;
}

export interface DocsSearchResponse {
  results: DocsSearchHit[];
  retrieval?: "bm25" | "hybrid";
  note?: string;
}

export interface DocsCitation {
  n: number;
  doc_id: string;
  title?: string;
  url: string | null;
  quote: string;
}

export interface DocsAnswer {
  answer: string;
  citations: DocsCitation[];
  grounded: boolean;
  generator: string;
  answer_id?: string;
  retrieval?: "bm25" | "hybrid";
  note?: string;
}

export interface DocsFeedbackReceipt {
  feedback_id: string;
  answer_id: string;
  vote: "up" | "down";
  user: string | null;
}

export const searchDocs = (token: string, query: string, signal?: AbortSignal) =>
  postJson<DocsSearchResponse>("/api/kb/search", token, { query, k: 10 }, signal);

export const askDocs = (token: string, question: string, signal?: AbortSignal) =>
  postJson<DocsAnswer>("/api/kb/ask", token, { question }, signal);

export const sendDocsFeedback = (
  token: string,
  feedback: { answer_id: string; vote: "up" | "down"; comment?: string },
) => postJson<DocsFeedbackReceipt>("/api/kb/feedback", token, feedback);

/** Mirrors DocsSourcesResponse of apps/server/src/api/docs-schemas.ts. */
export interface DocsSourceStatus {
  name: string;
  type: string;
  documents: number;
  chunks: number;
  acl: string[];
  last_sync: { status: string; started_at: string; finished_at: string | null; errors: number } | null;
  last_success_at: string | null;
}

export function listDocsSources(
  token: string,
  signal?: AbortSignal,
): Promise<{ sources: DocsSourceStatus[] }> {
  return getJson("/api/kb/sources", token, signal);
}
