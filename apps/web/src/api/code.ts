import { postJson } from "./client.js";

/** Mirrors CodeSearchHit / CodeSimilarResponse of apps/server/src/api/code-schemas.ts. */
export interface CodeHit {
  repo: string;
  path: string;
  start_line: number;
  end_line: number;
  symbol: string;
  kind: string;
  score: number;
  text: string;
}

export interface CodeSearchResponse {
  results: CodeHit[];
}

export interface CodeSimilarHit extends CodeHit {
  /** MinHash estimate of the Jaccard similarity. */
  jaccard: number;
}

export interface CodeSimilarResponse {
  results: CodeSimilarHit[];
  threshold: number;
  note?: string;
}

export const searchCode = (token: string, query: string, signal?: AbortSignal) =>
  postJson<CodeSearchResponse>("/api/code/search", token, { query, k: 20 }, signal);

/** Near-duplicates of an indexed hit's lines (`file` = `repo/path`). */
export const findSimilarCode = (token: string, hit: CodeHit, signal?: AbortSignal) =>
  postJson<CodeSimilarResponse>(
    "/api/code/similar",
    token,
    { file: `${hit.repo}/${hit.path}`, lines: `${hit.start_line}-${hit.end_line}`, k: 10 },
    signal,
  );
