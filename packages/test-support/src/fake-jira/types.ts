type Json = Record<string, unknown>;

/** One issue of the fake: its fields, its full changelog and its development-information PR URLs. */
export interface FakeJiraIssue {
  id: string;
  key: string;
  /** `fields` as Jira returns them (see `jiraIssue`). */
  fields: Json;
  /** Every changelog history, oldest first (`{ id, created, author, items: [...] }`). */
  histories: Json[];
  /** Pull request URLs `/rest/dev-status/latest/issue/detail` lists. */
  pullRequests: string[];
}

/** Everything the fake serves; mutable while it runs (change an issue to test incremental syncs). */
export interface FakeJiraData {
  issues: FakeJiraIssue[];
  /** `/rest/api/{2,3}/field`. */
  fields: Json[];
  /** `/rest/api/{2,3}/status` (with `statusCategory`). */
  statuses: Json[];
}

export interface FakeJiraOptions {
  data: FakeJiraData;
  /** When set: `Authorization: Bearer <token>` or Basic `<email>:<token>`, else 401. */
  token?: string;
  email?: string;
  /** Largest search page whatever `maxResults` asks (default 100). */
  maxResults?: number;
  /** Histories embedded with `expand=changelog` before it is truncated (Jira: 100). */
  maxEmbeddedHistories?: number;
}

/** A scripted answer for the next request whose path matches, `times` times (default 1). */
export interface JiraScript {
  path?: string | RegExp;
  /** 429 sends `Retry-After: 1` (or `retryAfter`) and Jira's `X-RateLimit-*` headers. */
  status: number;
  retryAfter?: string;
  times?: number;
}

export interface RecordedJiraRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  headers: Record<string, string>;
  status: number;
}

export interface FakeJira {
  /** Site URL, e.g. http://127.0.0.1:PORT. */
  url: string;
  data: FakeJiraData;
  requests: RecordedJiraRequest[];
  script(...scripts: JiraScript[]): void;
  close(): Promise<void>;
}
