import { getJson, postJson } from "./client.js";

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

/** Mirrors CodeRepositoriesResponse of apps/server/src/api/code-schemas.ts (`uplift code repos --json`). */
export interface CodeRepository {
  repo: string;
  root: string;
  listing: string;
  indexed_at: string;
  files: number;
  lines: number;
  unparsed_files: number;
  files_with_syntax_errors: number;
  symbols: number;
  languages: Record<string, number>;
  packages: string[];
}

export const listCodeRepositories = (token: string, signal?: AbortSignal) =>
  getJson<{ repositories: CodeRepository[] }>("/api/code/repos", token, signal);
