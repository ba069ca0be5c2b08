type Json = Record<string, unknown>;

/** One pull request of a fake repository: its detail and sub-resources, as GitHub returns them. */
export interface FakePull {
  /** `GET /pulls/{n}` (see `githubPull`). Its issue view is derived for `GET /issues`. */
  pull: Json;
  commits: Json[];
  reviews: Json[];
  /** `GET /issues/{n}/timeline` items. */
  timeline: Json[];
}

export interface FakeDeployment {
  deployment: Json;
  /** Oldest first here; served newest first, as GitHub does. */
  statuses: Json[];
}

/** A fake repository: change it between imports to test incremental syncs. */
export interface FakeGitHubRepo {
  pulls: FakePull[];
  /** Plain issues (incidents and others); pull requests are listed from `pulls`. */
  issues: Json[];
  /** `GET /issues/{n}/timeline` of plain issues, by number (empty when absent). */
  issueTimelines?: Record<number, Json[]>;
  deployments: FakeDeployment[];
  releases: Json[];
  /** `GET /commits/{ref}`: tag or branch → commit payload. */
  refs: Record<string, Json>;
}

/** Everything the fake serves; mutable while it runs. */
export interface FakeGitHubData {
  repos: Record<string, FakeGitHubRepo>;
  /** Copilot per-user daily reports: org → day (YYYY-MM-DD) → NDJSON records. */
  copilot: Record<string, Record<string, Json[]>>;
  /** Projects v2 boards (GraphQL `projectV2`): owner login → project number → board. */
  projects?: Record<string, Record<number, FakeProject>>;
  /** Discussions (GraphQL `repository.discussions`) by repository full name. */
  discussions?: Record<string, FakeDiscussion[]>;
}

/** An item of a Projects v2 board: an issue (or a pull request, a draft) and its "Status" value. */
export interface FakeProjectItem {
  /** Node id, e.g. "PVTI_1". */
  id: string;
  /** Default "Issue"; a draft issue has no repository or number. */
  kind?: "Issue" | "PullRequest" | "DraftIssue";
  /** The issue's repository ("acme/web") and number (not for drafts). */
  repo?: string;
  number?: number;
  /** The single-select "Status" value; absent when unset. */
  status?: string;
  /** When the Status value was last set (default `updatedAt`). */
  statusUpdatedAt?: string;
  updatedAt: string;
}

export interface FakeProject {
  title: string;
  items: FakeProjectItem[];
}

/** A comment (or the answer) of a discussion. */
export interface FakeDiscussionComment {
  author: string;
  body: string;
  createdAt: string;
}

export interface FakeDiscussion {
  number: number;
  title: string;
  body: string;
  author: string;
  category: string;
  createdAt: string;
  updatedAt: string;
  comments: FakeDiscussionComment[];
  /** Index in `comments` of the comment marked as the answer. */
  answer?: number;
}

export interface FakeGitHubOptions {
  data: FakeGitHubData;
  /** When set, requests must carry `Authorization: token <t>` or `Bearer <t>`, else 401 Bad credentials. */
  token?: string;
  /** Serve under a path prefix, like GitHub Enterprise's `/api/v3`. */
  pathPrefix?: string;
  /** Largest page served whatever `per_page` asks (default 100), to exercise pagination with little data. */
  maxPerPage?: number;
}

/**
 * A scripted answer for the next request whose path matches (any when unset), used `times`
 * times (default 1) before normal answers resume.
 */
export interface GitHubScript {
  path?: string | RegExp;
  /**
   * `primary-rate-limit`: 403 "API rate limit exceeded", `x-ratelimit-remaining: 0`,
   * `x-ratelimit-reset` one second ahead. `secondary-rate-limit`: 403 "You have exceeded a
   * secondary rate limit", `retry-after: 1`. `graphql-rate-limit` (for `/graphql`): 200 with
   * `errors: [{ type: "RATE_LIMITED" }]`, `x-ratelimit-remaining: 0`, reset one second ahead.
   * Otherwise `status` with a GitHub error body.
   */
  kind?: "primary-rate-limit" | "secondary-rate-limit" | "graphql-rate-limit";
  status?: number;
  message?: string;
  headers?: Record<string, string>;
  times?: number;
}

/** A request as the fake received it. */
export interface RecordedGitHubRequest {
  method: string;
  /** Path without the prefix and query, e.g. `/repos/acme/web/pulls/1`. */
  path: string;
  query: Record<string, string>;
  /** Lower-case header names. */
  headers: Record<string, string>;
  /** Status answered. */
  status: number;
  /** The JSON body of a write request. */
  body?: unknown;
}

export interface FakeGitHub {
  /** API base URL (with the prefix), for `--api-url` / `GITHUB_API_URL`. */
  url: string;
  data: FakeGitHubData;
  requests: RecordedGitHubRequest[];
  script(...scripts: GitHubScript[]): void;
  close(): Promise<void>;
}
