type Json = Record<string, unknown>;

export interface FakeMergeRequest {
  /** The detail (`GET …/merge_requests/:iid`); the list shows the same object. */
  mr: Json;
  commits: Json[];
  notes: Json[];
  approvals: Json;
  diffs: Json[];
}

/** One issue: the detail (`GET …/issues/:iid`, also listed) and its resource events. */
export interface FakeGitLabIssue {
  issue: Json;
  /** `GET …/issues/:iid/resource_state_events`. */
  state_events: Json[];
  /** `GET …/issues/:iid/resource_label_events`. */
  label_events: Json[];
}

export interface FakeGitLabProject {
  project: Json;
  merge_requests: FakeMergeRequest[];
  deployments: Json[];
  environments: Json[];
  /** Issues (work items); absent: none. */
  issues?: FakeGitLabIssue[];
}

/** Everything the fake serves, by project path (`group/name`); mutable while it runs. */
export interface FakeGitLabData {
  projects: Record<string, FakeGitLabProject>;
}

export interface FakeGitLabOptions {
  data: FakeGitLabData;
  /** When set, requests must carry `PRIVATE-TOKEN: <t>` (or `Authorization: Bearer <t>`), else 401. */
  token?: string;
  /** Largest page served whatever `per_page` asks (default 100). */
  maxPerPage?: number;
  /** Send `Link` headers (default true); false leaves only `x-next-page` (older instances, some endpoints). */
  linkHeader?: boolean;
}

/** A scripted answer for the next request whose path matches, `times` times (default 1). */
export interface GitLabScript {
  path?: string | RegExp;
  /** 429 sends `Retry-After: 1` and `RateLimit-*` headers unless `headers` says otherwise. */
  status: number;
  message?: string;
  headers?: Record<string, string>;
  times?: number;
}

export interface RecordedGitLabRequest {
  method: string;
  /** Decoded path below `/api/v4`, e.g. `/projects/grp/api/merge_requests`. */
  path: string;
  query: Record<string, string>;
  headers: Record<string, string>;
  status: number;
  /** The JSON body of a write request. */
  body?: unknown;
}

export interface FakeGitLab {
  /** Instance URL (the client appends `/api/v4`). */
  url: string;
  data: FakeGitLabData;
  requests: RecordedGitLabRequest[];
  script(...scripts: GitLabScript[]): void;
  close(): Promise<void>;
}
