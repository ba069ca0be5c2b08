/**
 * Builders of GitLab REST v4 payloads in the shapes the API returns, with the fields a
 * connector ignores, written from the API reference (no recorded data is shipped).
 */
import { stableId } from "../fake-github/shapes.js";

type Json = Record<string, unknown>;
const WEB = "https://gitlab.example.com";

export function gitlabUser(username: string, options: { bot?: boolean } = {}): Json {
  const id = stableId(username, 20_000);
  return {
    id,
    username,
    name: username.replace(/[-_]/g, " "),
    state: "active",
    locked: false,
    avatar_url: `${WEB}/uploads/-/system/user/avatar/${id}/avatar.png`,
    web_url: `${WEB}/${username}`,
    ...(options.bot !== undefined ? { bot: options.bot } : {}),
  };
}

export function gitlabProject(path: string): Json {
  const id = stableId(path, 700);
  const name = path.split("/").at(-1) ?? path;
  return {
    id,
    description: `${name} service`,
    name,
    name_with_namespace: path.replace(/\//g, " / "),
    path: name,
    path_with_namespace: path,
    created_at: "2024-02-01T08:00:00.000Z",
    default_branch: "main",
    web_url: `${WEB}/${path}`,
    last_activity_at: "2026-03-04T13:00:00.000Z",
    visibility: "private",
  };
}

export interface MergeRequestInput {
  iid: number;
  title: string;
  author: string;
  author_bot?: boolean;
  created_at: string;
  updated_at: string;
  merged_at?: string | null;
  closed_at?: string | null;
  draft?: boolean;
  target_branch?: string;
  source_branch?: string;
  changes_count?: string;
  user_notes_count?: number;
  merge_commit_sha?: string | null;
  squash_commit_sha?: string | null;
  reviewers?: string[];
}

/** `GET /projects/:id/merge_requests` item and `GET …/merge_requests/:iid` (with `changes_count`). */
export function gitlabMergeRequest(projectPath: string, input: MergeRequestInput): Json {
  const projectId = stableId(projectPath, 700);
  const state = input.merged_at ? "merged" : input.closed_at ? "closed" : "opened";
  return {
    id: stableId(`${projectPath}!${input.iid}`, 4_000_000),
    iid: input.iid,
    project_id: projectId,
    title: input.draft ? `Draft: ${input.title}` : input.title,
    description: "",
    state,
    created_at: input.created_at,
    updated_at: input.updated_at,
    merged_by: input.merged_at ? gitlabUser("maintainer") : null,
    merge_user: input.merged_at ? gitlabUser("maintainer") : null,
    merged_at: input.merged_at ?? null,
    closed_by: input.closed_at ? gitlabUser(input.author) : null,
    closed_at: input.closed_at ?? null,
    target_branch: input.target_branch ?? "main",
    source_branch: input.source_branch ?? `feature-${input.iid}`,
    user_notes_count: input.user_notes_count ?? 0,
    upvotes: 0,
    downvotes: 0,
    author: gitlabUser(input.author, input.author_bot ? { bot: true } : {}),
    assignees: [],
    assignee: null,
    reviewers: (input.reviewers ?? []).map((r) => gitlabUser(r)),
    source_project_id: projectId,
    target_project_id: projectId,
    labels: [],
    draft: input.draft ?? false,
    work_in_progress: input.draft ?? false,
    milestone: null,
    merge_when_pipeline_succeeds: false,
    merge_status: "can_be_merged",
    detailed_merge_status: input.merged_at ? "not_open" : "mergeable",
    sha: stableId(`${projectPath}!${input.iid}:sha`).toString(16).padStart(40, "a"),
    merge_commit_sha: input.merge_commit_sha ?? null,
    squash_commit_sha: input.squash_commit_sha ?? null,
    discussion_locked: null,
    should_remove_source_branch: null,
    force_remove_source_branch: true,
    reference: `!${input.iid}`,
    references: { short: `!${input.iid}`, relative: `!${input.iid}`, full: `${projectPath}!${input.iid}` },
    web_url: `${WEB}/${projectPath}/-/merge_requests/${input.iid}`,
    time_stats: { time_estimate: 0, total_time_spent: 0 },
    squash: false,
    task_completion_status: { count: 0, completed_count: 0 },
    has_conflicts: false,
    blocking_discussions_resolved: true,
    changes_count: input.changes_count ?? null,
  };
}

export interface MrCommitInput {
  id: string;
  author_name: string;
  author_email?: string;
  authored_date: string;
  committed_date?: string;
  title?: string;
}

/** `GET …/merge_requests/:iid/commits` item. */
export function gitlabCommit(projectPath: string, input: MrCommitInput): Json {
  return {
    id: input.id,
    short_id: input.id.slice(0, 8),
    created_at: input.committed_date ?? input.authored_date,
    parent_ids: [],
    title: input.title ?? "Work in progress",
    message: `${input.title ?? "Work in progress"}\n`,
    author_name: input.author_name,
    author_email: input.author_email ?? `${input.author_name}@example.com`,
    authored_date: input.authored_date,
    committer_name: input.author_name,
    committer_email: input.author_email ?? `${input.author_name}@example.com`,
    committed_date: input.committed_date ?? input.authored_date,
    trailers: {},
    web_url: `${WEB}/${projectPath}/-/commit/${input.id}`,
  };
}

export interface NoteInput {
  id: number;
  author: string;
  body: string;
  created_at: string;
  system?: boolean;
  /** `DiffNote` for a comment on a line of the diff, `DiscussionNote` for a thread reply. */
  type?: "DiffNote" | "DiscussionNote" | null;
}

/** `GET …/merge_requests/:iid/notes` item (system notes record approvals and review requests). */
export function gitlabNote(iid: number, input: NoteInput): Json {
  return {
    id: input.id,
    type: input.type ?? null,
    body: input.body,
    attachment: null,
    author: gitlabUser(input.author),
    created_at: input.created_at,
    updated_at: input.created_at,
    system: input.system ?? false,
    noteable_id: iid * 1000,
    noteable_type: "MergeRequest",
    project_id: 1,
    resolvable: input.type === "DiffNote",
    confidential: false,
    internal: false,
    noteable_iid: iid,
    commands_changes: {},
  };
}

/** `GET …/merge_requests/:iid/approvals` (no timestamps: those come from system notes). */
export function gitlabApprovals(iid: number, approvedBy: string[]): Json {
  return {
    id: iid * 1000,
    iid,
    project_id: 1,
    title: "",
    state: "opened",
    approved: approvedBy.length > 0,
    approvals_required: 1,
    approvals_left: approvedBy.length > 0 ? 0 : 1,
    require_password_to_approve: false,
    approved_by: approvedBy.map((username) => ({ user: gitlabUser(username) })),
    suggested_approvers: [],
    approvers: [],
    approver_groups: [],
    user_has_approved: false,
    user_can_approve: true,
    approval_rules_left: [],
    has_approval_rules: false,
    merge_request_approvers_available: false,
    multiple_approval_rules_available: false,
  };
}

/** `GET …/merge_requests/:iid/diffs` item with a unified diff of `added` and `removed` lines. */
export function gitlabDiff(path: string, added: number, removed: number): Json {
  const lines = [`@@ -1,${removed + 1} +1,${added + 1} @@`, " context"];
  for (let i = 0; i < removed; i++) lines.push(`-old line ${i}`);
  for (let i = 0; i < added; i++) lines.push(`+new line ${i}`);
  return {
    old_path: path,
    new_path: path,
    a_mode: "100644",
    b_mode: "100644",
    diff: `${lines.join("\n")}\n`,
    new_file: false,
    renamed_file: false,
    deleted_file: false,
    generated_file: false,
  };
}

export interface EnvironmentInput {
  id: number;
  name: string;
  tier?: "production" | "staging" | "testing" | "development" | "other";
}

export function gitlabEnvironment(projectPath: string, input: EnvironmentInput): Json {
  return {
    id: input.id,
    name: input.name,
    slug: input.name.toLowerCase().replace(/[^a-z0-9]+/g, "-"),
    external_url: `https://${input.name}.example.com`,
    state: "available",
    tier: input.tier ?? "other",
    created_at: "2024-02-01T08:00:00.000Z",
    updated_at: "2026-03-04T13:00:00.000Z",
    enable_advanced_logs_querying: false,
    logs_api_path: `/${projectPath}/-/logs/k8s.json?environment_name=${input.name}`,
    auto_stop_at: null,
  };
}

export interface GitLabDeploymentInput {
  id: number;
  iid: number;
  sha: string;
  ref?: string;
  status: "created" | "running" | "success" | "failed" | "canceled" | "skipped" | "blocked";
  created_at: string;
  updated_at: string;
  finished_at?: string | null;
  environment: Json;
  user?: string;
}

/** `GET /projects/:id/deployments` item. */
export function gitlabDeployment(projectPath: string, input: GitLabDeploymentInput): Json {
  const env = input.environment;
  return {
    id: input.id,
    iid: input.iid,
    ref: input.ref ?? "main",
    sha: input.sha,
    created_at: input.created_at,
    updated_at: input.updated_at,
    finished_at: input.finished_at ?? null,
    status: input.status,
    user: gitlabUser(input.user ?? "deployer"),
    environment: {
      id: env.id,
      name: env.name,
      slug: env.slug,
      external_url: env.external_url,
      tier: env.tier,
    },
    deployable: {
      id: input.id * 10,
      status: input.status === "created" ? "created" : input.status,
      stage: "deploy",
      name: `deploy-${String(env.name)}`,
      ref: input.ref ?? "main",
      tag: false,
      created_at: input.created_at,
      started_at: input.created_at,
      finished_at: input.finished_at ?? null,
      duration: null,
      commit: {
        id: input.sha,
        short_id: input.sha.slice(0, 8),
        title: "Deploy",
        created_at: input.created_at,
      },
      pipeline: {
        id: input.id * 100,
        sha: input.sha,
        ref: input.ref ?? "main",
        status: input.status,
        web_url: `${WEB}/${projectPath}/-/pipelines/${input.id * 100}`,
      },
      web_url: `${WEB}/${projectPath}/-/jobs/${input.id * 10}`,
    },
  };
}

export interface GitLabIssueInput {
  iid: number;
  title: string;
  author: string;
  assignee?: string;
  labels?: string[];
  created_at: string;
  updated_at: string;
  closed_at?: string | null;
  /** Resource events, oldest first: state changes and label additions/removals. */
  events?: (
    | { at: string; state: "closed" | "reopened" }
    | { at: string; action: "add" | "remove"; label: string }
  )[];
}

/** An issue with its resource state and label events, in GitLab REST v4's shapes. */
export function gitlabIssue(projectPath: string, projectId: number, input: GitLabIssueInput) {
  const id = stableId(`${projectPath}#${input.iid}`, 700_000);
  const author = gitlabUser(input.author);
  const assignee = input.assignee ? gitlabUser(input.assignee) : null;
  const issue: Json = {
    id,
    iid: input.iid,
    project_id: projectId,
    title: input.title,
    description: null,
    state: input.closed_at ? "closed" : "opened",
    created_at: input.created_at,
    updated_at: input.updated_at,
    closed_at: input.closed_at ?? null,
    closed_by: input.closed_at ? author : null,
    labels: input.labels ?? [],
    milestone: null,
    assignees: assignee ? [assignee] : [],
    author,
    type: "ISSUE",
    assignee,
    user_notes_count: 0,
    issue_type: "issue",
    web_url: `${WEB}/${projectPath}/-/issues/${input.iid}`,
    references: { short: `#${input.iid}`, relative: `#${input.iid}`, full: `${projectPath}#${input.iid}` },
  };
  const events = input.events ?? [];
  return {
    issue,
    state_events: events
      .filter((e): e is { at: string; state: "closed" | "reopened" } => "state" in e)
      .map((e, i) => ({
        id: id * 10 + i,
        user: author,
        created_at: e.at,
        resource_type: "Issue",
        resource_id: id,
        state: e.state,
      })),
    label_events: events
      .filter((e): e is { at: string; action: "add" | "remove"; label: string } => "action" in e)
      .map((e, i) => ({
        id: id * 10 + 5 + i,
        user: author,
        created_at: e.at,
        resource_type: "Issue",
        resource_id: id,
        label: { id: stableId(e.label, 90_000), name: e.label, color: "#428BCA", description: null },
        action: e.action,
      })),
  };
}
