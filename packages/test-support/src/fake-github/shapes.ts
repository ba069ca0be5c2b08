/**
 * Builders of GitHub REST payloads in the shapes the API returns (API version 2022-11-28), with
 * the many fields a connector ignores (URLs, node ids, permissions) so that parsers are tested
 * against realistic bodies. Written from the REST reference; no recorded data is shipped.
 */
type Json = Record<string, unknown>;

const WEB = "https://github.com";
const API = "https://api.github.com";

/** A stable positive id from a string (users and objects keep their id across calls). */
export function stableId(text: string, base = 1_000): number {
  let hash = 7;
  for (const char of text) hash = (hash * 31 + char.charCodeAt(0)) % 9_000_000;
  return base + hash;
}

export function githubUser(login: string, options: { type?: "User" | "Bot" | "Organization" } = {}): Json {
  const id = stableId(login, 10_000);
  return {
    login,
    id,
    node_id: `MDQ6VXNlcj${id}`,
    avatar_url: `https://avatars.githubusercontent.com/u/${id}?v=4`,
    gravatar_id: "",
    url: `${API}/users/${login}`,
    html_url: `${WEB}/${login}`,
    followers_url: `${API}/users/${login}/followers`,
    following_url: `${API}/users/${login}/following{/other_user}`,
    gists_url: `${API}/users/${login}/gists{/gist_id}`,
    starred_url: `${API}/users/${login}/starred{/owner}{/repo}`,
    subscriptions_url: `${API}/users/${login}/subscriptions`,
    organizations_url: `${API}/users/${login}/orgs`,
    repos_url: `${API}/users/${login}/repos`,
    events_url: `${API}/users/${login}/events{/privacy}`,
    received_events_url: `${API}/users/${login}/received_events`,
    type: options.type ?? (login.endsWith("[bot]") ? "Bot" : "User"),
    user_view_type: "public",
    site_admin: false,
  };
}

export function githubRepository(fullName: string): Json {
  const [owner = "", name = ""] = fullName.split("/");
  const id = stableId(fullName, 100_000);
  return {
    id,
    node_id: `R_kgDO${id}`,
    name,
    full_name: fullName,
    private: true,
    owner: githubUser(owner, { type: "Organization" }),
    html_url: `${WEB}/${fullName}`,
    description: `${name} service`,
    fork: false,
    url: `${API}/repos/${fullName}`,
    created_at: "2024-01-10T08:00:00Z",
    updated_at: "2025-03-01T08:00:00Z",
    pushed_at: "2025-03-06T08:00:00Z",
    default_branch: "main",
    visibility: "private",
    archived: false,
    disabled: false,
    permissions: { admin: false, maintain: false, push: true, triage: true, pull: true },
  };
}

function label(name: string): Json {
  return {
    id: stableId(name, 500_000),
    node_id: `LA_${stableId(name)}`,
    url: `${API}/labels/${encodeURIComponent(name)}`,
    name,
    color: "d73a4a",
    default: false,
    description: null,
  };
}

export interface PullInput {
  number: number;
  title: string;
  author: string;
  created_at: string;
  updated_at: string;
  closed_at?: string | null;
  merged_at?: string | null;
  draft?: boolean;
  additions?: number;
  deletions?: number;
  changed_files?: number;
  commits?: number;
  comments?: number;
  review_comments?: number;
  base?: string;
  head?: string;
  head_sha?: string;
  merge_commit_sha?: string | null;
  labels?: string[];
  requested_reviewers?: string[];
}

/** `GET /repos/{owner}/{repo}/pulls/{pull_number}`. */
export function githubPull(repo: string, input: PullInput): Json {
  const id = stableId(`${repo}#${input.number}`, 2_000_000);
  const url = `${API}/repos/${repo}/pulls/${input.number}`;
  const merged = Boolean(input.merged_at);
  const headSha = input.head_sha ?? sha(`${repo}#${input.number}:head`);
  const branch = (ref: string, sha: string) => ({
    label: `${repo.split("/")[0]}:${ref}`,
    ref,
    sha,
    user: githubUser(repo.split("/")[0] ?? "", { type: "Organization" }),
    repo: githubRepository(repo),
  });
  return {
    url,
    id,
    node_id: `PR_kwDO${id}`,
    html_url: `${WEB}/${repo}/pull/${input.number}`,
    diff_url: `${WEB}/${repo}/pull/${input.number}.diff`,
    patch_url: `${WEB}/${repo}/pull/${input.number}.patch`,
    issue_url: `${API}/repos/${repo}/issues/${input.number}`,
    commits_url: `${url}/commits`,
    review_comments_url: `${url}/comments`,
    review_comment_url: `${API}/repos/${repo}/pulls/comments{/number}`,
    comments_url: `${API}/repos/${repo}/issues/${input.number}/comments`,
    statuses_url: `${API}/repos/${repo}/statuses/${headSha}`,
    number: input.number,
    state: input.closed_at || merged ? "closed" : "open",
    locked: false,
    title: input.title,
    user: githubUser(input.author),
    body: `Changes for #${input.number}.`,
    labels: (input.labels ?? []).map(label),
    milestone: null,
    active_lock_reason: null,
    created_at: input.created_at,
    updated_at: input.updated_at,
    closed_at: input.closed_at ?? (merged ? input.merged_at : null),
    merged_at: input.merged_at ?? null,
    merge_commit_sha: input.merge_commit_sha ?? sha(`${repo}#${input.number}:merge`),
    assignee: null,
    assignees: [],
    requested_reviewers: (input.requested_reviewers ?? []).map((login) => githubUser(login)),
    requested_teams: [],
    head: branch(input.head ?? `feature/${input.number}`, headSha),
    base: branch(input.base ?? "main", sha(`${repo}:base`)),
    _links: {
      self: { href: url },
      html: { href: `${WEB}/${repo}/pull/${input.number}` },
      issue: { href: `${API}/repos/${repo}/issues/${input.number}` },
    },
    author_association: "MEMBER",
    auto_merge: null,
    draft: input.draft ?? false,
    merged,
    mergeable: merged ? null : true,
    rebaseable: merged ? null : true,
    mergeable_state: merged ? "unknown" : "clean",
    merged_by: merged ? githubUser("merge-bot[bot]") : null,
    comments: input.comments ?? 0,
    review_comments: input.review_comments ?? 0,
    maintainer_can_modify: false,
    commits: input.commits ?? 1,
    additions: input.additions ?? 0,
    deletions: input.deletions ?? 0,
    changed_files: input.changed_files ?? 0,
  };
}

/** The issue view of a pull request, as `GET /repos/{owner}/{repo}/issues` lists it. */
export function githubIssueOfPull(repo: string, pull: Json): Json {
  const number = pull.number as number;
  return {
    ...issueBase(repo, number, {
      title: pull.title as string,
      author: (pull.user as Json).login as string,
      labels: ((pull.labels as Json[]) ?? []).map((l) => l.name as string),
      created_at: pull.created_at as string,
      updated_at: pull.updated_at as string,
      closed_at: (pull.closed_at as string | null) ?? null,
    }),
    draft: pull.draft,
    pull_request: {
      url: `${API}/repos/${repo}/pulls/${number}`,
      html_url: `${WEB}/${repo}/pull/${number}`,
      diff_url: `${WEB}/${repo}/pull/${number}.diff`,
      patch_url: `${WEB}/${repo}/pull/${number}.patch`,
      merged_at: pull.merged_at ?? null,
    },
  };
}

export interface IssueInput {
  number: number;
  title: string;
  author: string;
  labels?: string[];
  created_at: string;
  updated_at: string;
  closed_at?: string | null;
  state_reason?: "completed" | "not_planned" | "reopened" | null;
  body?: string;
}

/** `GET /repos/{owner}/{repo}/issues` item for a plain issue. */
export function githubIssue(repo: string, input: IssueInput): Json {
  return issueBase(repo, input.number, input);
}

function issueBase(repo: string, number: number, input: Omit<IssueInput, "number">): Json {
  const id = stableId(`${repo}/issues/${number}`, 3_000_000);
  const url = `${API}/repos/${repo}/issues/${number}`;
  return {
    url,
    repository_url: `${API}/repos/${repo}`,
    labels_url: `${url}/labels{/name}`,
    comments_url: `${url}/comments`,
    events_url: `${url}/events`,
    html_url: `${WEB}/${repo}/issues/${number}`,
    id,
    node_id: `I_kwDO${id}`,
    number,
    title: input.title,
    user: githubUser(input.author),
    labels: (input.labels ?? []).map(label),
    state: input.closed_at ? "closed" : "open",
    locked: false,
    assignee: null,
    assignees: [],
    milestone: null,
    comments: 0,
    created_at: input.created_at,
    updated_at: input.updated_at,
    closed_at: input.closed_at ?? null,
    author_association: "MEMBER",
    type: null,
    active_lock_reason: null,
    sub_issues_summary: { total: 0, completed: 0, percent_completed: 0 },
    body: input.body ?? null,
    closed_by: input.closed_at ? githubUser(input.author) : null,
    reactions: { url: `${url}/reactions`, total_count: 0, "+1": 0, "-1": 0 },
    timeline_url: `${url}/timeline`,
    performed_via_github_app: null,
    state_reason: input.state_reason ?? (input.closed_at ? "completed" : null),
  };
}

export interface CommitInput {
  sha?: string;
  author: string;
  email?: string;
  /** ISO 8601 with the author's offset, as Git records it. */
  authored_at: string;
  committed_at?: string;
  message?: string;
}

/** `GET /repos/{owner}/{repo}/pulls/{pull_number}/commits` item. */
export function githubPrCommit(repo: string, input: CommitInput): Json {
  const commitSha = input.sha ?? sha(`${repo}:${input.author}:${input.authored_at}`);
  const email = input.email ?? `${input.author}@example.com`;
  const person = (date: string) => ({ name: input.author, email, date });
  return {
    sha: commitSha,
    node_id: `C_kwDO${stableId(commitSha)}`,
    commit: {
      author: person(input.authored_at),
      committer: person(input.committed_at ?? input.authored_at),
      message: input.message ?? "Work in progress",
      tree: {
        sha: sha(`${commitSha}:tree`),
        url: `${API}/repos/${repo}/git/trees/${sha(`${commitSha}:tree`)}`,
      },
      url: `${API}/repos/${repo}/git/commits/${commitSha}`,
      comment_count: 0,
      verification: {
        verified: false,
        reason: "unsigned",
        signature: null,
        payload: null,
        verified_at: null,
      },
    },
    url: `${API}/repos/${repo}/commits/${commitSha}`,
    html_url: `${WEB}/${repo}/commit/${commitSha}`,
    comments_url: `${API}/repos/${repo}/commits/${commitSha}/comments`,
    author: githubUser(input.author),
    committer: githubUser(input.author),
    parents: [
      { sha: sha(`${commitSha}:parent`), url: `${API}/repos/${repo}/commits/${sha(`${commitSha}:parent`)}` },
    ],
  };
}

export interface ReviewInput {
  id: number;
  user: string;
  state: "APPROVED" | "CHANGES_REQUESTED" | "COMMENTED" | "DISMISSED" | "PENDING";
  submitted_at?: string;
  body?: string;
}

/** `GET /repos/{owner}/{repo}/pulls/{pull_number}/reviews` item. */
export function githubReview(repo: string, pullNumber: number, input: ReviewInput): Json {
  return {
    id: input.id,
    node_id: `PRR_kwDO${input.id}`,
    user: githubUser(input.user),
    body: input.body ?? "",
    state: input.state,
    html_url: `${WEB}/${repo}/pull/${pullNumber}#pullrequestreview-${input.id}`,
    pull_request_url: `${API}/repos/${repo}/pulls/${pullNumber}`,
    author_association: "MEMBER",
    _links: {
      html: { href: `${WEB}/${repo}/pull/${pullNumber}#pullrequestreview-${input.id}` },
      pull_request: { href: `${API}/repos/${repo}/pulls/${pullNumber}` },
    },
    ...(input.state === "PENDING" ? {} : { submitted_at: input.submitted_at }),
    commit_id: sha(`${repo}#${pullNumber}:head`),
  };
}

export type TimelineInput =
  | {
      event: "review_requested" | "review_request_removed";
      actor: string;
      reviewer: string;
      created_at: string;
    }
  | {
      event:
        | "ready_for_review"
        | "convert_to_draft"
        | "closed"
        | "reopened"
        | "merged"
        | "head_ref_force_pushed";
      actor: string;
      created_at: string;
    }
  | { event: "labeled" | "unlabeled"; actor: string; label: string; created_at: string }
  | { event: "commented"; actor: string; created_at: string; body?: string };

/** `GET /repos/{owner}/{repo}/issues/{issue_number}/timeline` item (issue events and comments). */
export function githubTimelineEvent(repo: string, number: number, input: TimelineInput): Json {
  const id = stableId(`${repo}#${number}:${input.event}:${input.created_at}`, 9_000_000);
  if (input.event === "commented") {
    return {
      url: `${API}/repos/${repo}/issues/comments/${id}`,
      html_url: `${WEB}/${repo}/pull/${number}#issuecomment-${id}`,
      issue_url: `${API}/repos/${repo}/issues/${number}`,
      id,
      node_id: `IC_kwDO${id}`,
      user: githubUser(input.actor),
      created_at: input.created_at,
      updated_at: input.created_at,
      author_association: "MEMBER",
      body: input.body ?? "Looks good",
      reactions: { total_count: 0 },
      performed_via_github_app: null,
      event: "commented",
      actor: githubUser(input.actor),
    };
  }
  const base: Json = {
    id,
    node_id: `E_kwDO${id}`,
    url: `${API}/repos/${repo}/issues/events/${id}`,
    actor: githubUser(input.actor),
    event: input.event,
    commit_id: input.event === "merged" ? sha(`${repo}#${number}:merge`) : null,
    commit_url:
      input.event === "merged" ? `${API}/repos/${repo}/commits/${sha(`${repo}#${number}:merge`)}` : null,
    created_at: input.created_at,
    performed_via_github_app: null,
  };
  if (input.event === "review_requested" || input.event === "review_request_removed") {
    return {
      ...base,
      review_requester: githubUser(input.actor),
      requested_reviewer: githubUser(input.reviewer),
    };
  }
  if (input.event === "labeled" || input.event === "unlabeled")
    return { ...base, label: { name: input.label, color: "d73a4a" } };
  if (input.event === "closed") return { ...base, state_reason: null };
  return base;
}

/** Timeline items for commits and reviews have their own shapes (no `created_at`). */
export function githubTimelineCommitted(repo: string, commit: Json): Json {
  const inner = commit.commit as Json;
  return {
    sha: commit.sha,
    node_id: commit.node_id,
    url: `${API}/repos/${repo}/git/commits/${commit.sha as string}`,
    html_url: commit.html_url,
    author: inner.author,
    committer: inner.committer,
    tree: inner.tree,
    message: inner.message,
    parents: commit.parents,
    verification: inner.verification,
    event: "committed",
  };
}

export function githubTimelineReviewed(review: Json): Json {
  return {
    id: review.id,
    node_id: review.node_id,
    user: review.user,
    body: review.body,
    commit_id: review.commit_id,
    submitted_at: review.submitted_at,
    state: String(review.state).toLowerCase(),
    html_url: review.html_url,
    pull_request_url: review.pull_request_url,
    author_association: "MEMBER",
    _links: review._links,
    event: "reviewed",
  };
}

export interface DeploymentInput {
  id: number;
  sha: string;
  ref?: string;
  environment: string;
  created_at: string;
  creator?: string;
  production_environment?: boolean;
  transient_environment?: boolean;
  description?: string;
}

/** `GET /repos/{owner}/{repo}/deployments` item. */
export function githubDeployment(repo: string, input: DeploymentInput): Json {
  const url = `${API}/repos/${repo}/deployments/${input.id}`;
  return {
    url,
    id: input.id,
    node_id: `DE_kwDO${input.id}`,
    task: "deploy",
    original_environment: input.environment,
    environment: input.environment,
    description: input.description ?? null,
    created_at: input.created_at,
    updated_at: input.created_at,
    statuses_url: `${url}/statuses`,
    repository_url: `${API}/repos/${repo}`,
    creator: githubUser(input.creator ?? "deploy-bot[bot]"),
    sha: input.sha,
    ref: input.ref ?? "main",
    payload: {},
    transient_environment: input.transient_environment ?? false,
    production_environment: input.production_environment ?? input.environment === "production",
    performed_via_github_app: null,
  };
}

export interface DeploymentStatusInput {
  id: number;
  state: "error" | "failure" | "inactive" | "in_progress" | "queued" | "pending" | "success";
  created_at: string;
  environment?: string;
}

/** `GET /repos/{owner}/{repo}/deployments/{deployment_id}/statuses` item. */
export function githubDeploymentStatus(
  repo: string,
  deploymentId: number,
  input: DeploymentStatusInput,
): Json {
  return {
    url: `${API}/repos/${repo}/deployments/${deploymentId}/statuses/${input.id}`,
    id: input.id,
    node_id: `DES_kwDO${input.id}`,
    state: input.state,
    creator: githubUser("deploy-bot[bot]"),
    description: `Deployment ${input.state}`,
    environment: input.environment ?? "production",
    target_url: "",
    created_at: input.created_at,
    updated_at: input.created_at,
    deployment_url: `${API}/repos/${repo}/deployments/${deploymentId}`,
    repository_url: `${API}/repos/${repo}`,
    environment_url: "",
    log_url: "",
    performed_via_github_app: null,
  };
}

export interface ReleaseInput {
  id: number;
  tag_name: string;
  name?: string;
  created_at: string;
  published_at?: string | null;
  draft?: boolean;
  prerelease?: boolean;
  author?: string;
  target_commitish?: string;
}

/** `GET /repos/{owner}/{repo}/releases` item. */
export function githubRelease(repo: string, input: ReleaseInput): Json {
  const url = `${API}/repos/${repo}/releases/${input.id}`;
  return {
    url,
    html_url: `${WEB}/${repo}/releases/tag/${input.tag_name}`,
    assets_url: `${url}/assets`,
    upload_url: `https://uploads.github.com/repos/${repo}/releases/${input.id}/assets{?name,label}`,
    tarball_url: `${API}/repos/${repo}/tarball/${input.tag_name}`,
    zipball_url: `${API}/repos/${repo}/zipball/${input.tag_name}`,
    id: input.id,
    node_id: `RE_kwDO${input.id}`,
    tag_name: input.tag_name,
    target_commitish: input.target_commitish ?? "main",
    name: input.name ?? input.tag_name,
    body: "Release notes",
    draft: input.draft ?? false,
    prerelease: input.prerelease ?? false,
    immutable: false,
    created_at: input.created_at,
    published_at: input.draft ? null : (input.published_at ?? input.created_at),
    updated_at: input.published_at ?? input.created_at,
    author: githubUser(input.author ?? "release-bot[bot]"),
    assets: [],
  };
}

/** `GET /repos/{owner}/{repo}/commits/{ref}` (only the fields around the sha matter here). */
export function githubCommitOfRef(repo: string, commitSha: string, date: string): Json {
  return githubPrCommit(repo, { sha: commitSha, author: "release-bot", authored_at: date });
}

export interface CopilotUserDayInput {
  day: string;
  login: string;
  /** Inline code completion: suggestions shown/accepted and lines suggested/added. */
  completion: { shown: number; accepted: number; lines_suggested: number; lines_accepted: number };
  chat?: { interactions: number; generated: number; accepted: number; lines_added: number };
  ide?: string;
}

/** One line of the per-user daily report (`users-1-day`, NDJSON) of the Copilot usage metrics API. */
export function copilotUserDay(input: CopilotUserDayInput): Json {
  const chat = input.chat ?? { interactions: 0, generated: 0, accepted: 0, lines_added: 0 };
  const c = input.completion;
  const completion = {
    feature: "code_completion",
    user_initiated_interaction_count: 0,
    code_generation_activity_count: c.shown,
    code_acceptance_activity_count: c.accepted,
    loc_suggested_to_add_sum: c.lines_suggested,
    loc_suggested_to_delete_sum: 0,
    loc_added_sum: c.lines_accepted,
    loc_deleted_sum: 0,
  };
  const chatFeature = {
    feature: "chat_panel_agent_mode",
    user_initiated_interaction_count: chat.interactions,
    code_generation_activity_count: chat.generated,
    code_acceptance_activity_count: chat.accepted,
    loc_suggested_to_add_sum: 0,
    loc_suggested_to_delete_sum: 0,
    loc_added_sum: chat.lines_added,
    loc_deleted_sum: 0,
  };
  const total = (key: keyof typeof completion) => Number(completion[key]) + Number(chatFeature[key]);
  const totals = {
    user_initiated_interaction_count: total("user_initiated_interaction_count"),
    code_generation_activity_count: total("code_generation_activity_count"),
    code_acceptance_activity_count: total("code_acceptance_activity_count"),
    loc_suggested_to_add_sum: total("loc_suggested_to_add_sum"),
    loc_suggested_to_delete_sum: 0,
    loc_added_sum: total("loc_added_sum"),
    loc_deleted_sum: 0,
  };
  return {
    day: input.day,
    enterprise_id: "4242",
    organization_id: "4711",
    user_id: stableId(input.login, 10_000),
    user_login: input.login,
    ...totals,
    used_agent: chat.interactions > 0,
    used_chat: chat.interactions > 0,
    totals_by_ide: [
      {
        ide: input.ide ?? "vscode",
        ...totals,
        last_known_ide_version: { ide_version: "1.98.0", sampled_at: `${input.day}T09:00:00.000Z` },
        last_known_plugin_version: {
          plugin: "copilot-chat",
          plugin_version: "0.26.0",
          sampled_at: `${input.day}T09:00:00.000Z`,
        },
      },
    ],
    totals_by_feature: [completion, chatFeature],
    totals_by_language_feature: [{ language: "typescript", ...completion }],
    totals_by_language_model: [],
    totals_by_model_feature: [],
  };
}

/** A 40-hex-digit sha derived from a text (stable across runs). */
export function sha(text: string): string {
  let out = "";
  let state = stableId(text, 0) || 1;
  while (out.length < 40) {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    out += state.toString(16).padStart(8, "0");
  }
  return out.slice(0, 40);
}
