import type { FakeGitLabData, FakeGitLabProject } from "./types.js";

type Json = Record<string, unknown>;

export type GitLabAnswer =
  | { kind: "list"; items: Json[] }
  | { kind: "one"; body: unknown }
  | { kind: "missing"; message: string };

/** Finds `GET /api/v4{path}` in `data`; `path` is raw (the project id may be URL-encoded). */
export function gitlabRoute(
  data: FakeGitLabData,
  rawPath: string,
  query: Record<string, string>,
): GitLabAnswer {
  const m = /^\/projects\/([^/]+)(\/.*)?$/.exec(rawPath);
  if (!m) return { kind: "missing", message: "404 Not Found" };
  const id = decodeURIComponent(m[1] ?? "");
  const project = data.projects[id] ?? Object.values(data.projects).find((p) => String(p.project.id) === id);
  if (!project) return { kind: "missing", message: "404 Project Not Found" };
  return projectRoute(project, m[2] ?? "", query) ?? { kind: "missing", message: "404 Not found" };
}

function projectRoute(
  project: FakeGitLabProject,
  rest: string,
  query: Record<string, string>,
): GitLabAnswer | undefined {
  if (rest === "") return { kind: "one", body: project.project };
  if (rest === "/merge_requests") {
    return {
      kind: "list",
      items: filterSort(
        project.merge_requests.map((m) => m.mr),
        query,
      ),
    };
  }
  if (rest === "/deployments") return { kind: "list", items: filterSort(project.deployments, query) };
  if (rest === "/environments") return { kind: "list", items: project.environments };
  if (rest === "/issues")
    return {
      kind: "list",
      items: filterSort(
        (project.issues ?? []).map((i) => i.issue),
        query,
      ),
    };
  const issue = /^\/issues\/(\d+)(\/resource_state_events|\/resource_label_events)?$/.exec(rest);
  if (issue) {
    const found = (project.issues ?? []).find((x) => String(x.issue.iid) === issue[1]);
    if (!found) return { kind: "missing", message: "404 Not found" };
    if (issue[2] === "/resource_state_events") return { kind: "list", items: found.state_events };
    if (issue[2] === "/resource_label_events") return { kind: "list", items: found.label_events };
    return { kind: "one", body: found.issue };
  }
  const m = /^\/merge_requests\/(\d+)(\/commits|\/notes|\/approvals|\/diffs)?$/.exec(rest);
  if (!m) return undefined;
  const mr = project.merge_requests.find((x) => String(x.mr.iid) === m[1]);
  if (!mr) return { kind: "missing", message: "404 Not found" };
  switch (m[2]) {
    case "/commits":
      return { kind: "list", items: mr.commits };
    case "/notes": {
      const direction = query.sort === "asc" ? 1 : -1;
      const notes = [...mr.notes].sort(
        (a, b) => direction * String(a.created_at).localeCompare(String(b.created_at)),
      );
      return { kind: "list", items: notes };
    }
    case "/approvals":
      return { kind: "one", body: mr.approvals };
    case "/diffs":
      return { kind: "list", items: mr.diffs };
    default:
      return { kind: "one", body: mr.mr };
  }
}

/** `state`, `updated_after` (inclusive), `order_by` (`created_at` default, `updated_at`, `id`), `sort` (`desc` default). */
function filterSort(items: Json[], query: Record<string, string>): Json[] {
  const after = query.updated_after ? Date.parse(query.updated_after) : undefined;
  const state = query.state && query.state !== "all" ? query.state : undefined;
  const key = query.order_by ?? "created_at";
  const direction = query.sort === "asc" ? 1 : -1;
  return items
    .filter((item) => !state || item.state === state || (state === "opened" && item.state === "reopened"))
    .filter((item) => !query.source_branch || item.source_branch === query.source_branch)
    .filter((item) => after === undefined || Date.parse(String(item.updated_at)) >= after)
    .sort((a, b) => {
      const byKey =
        key === "id" ? Number(a.id) - Number(b.id) : Date.parse(String(a[key])) - Date.parse(String(b[key]));
      return direction * (byKey || Number(a.id) - Number(b.id));
    });
}
