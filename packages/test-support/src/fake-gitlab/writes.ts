import { gitlabMergeRequest } from "./shapes.js";
import type { FakeGitLabData } from "./types.js";

type Json = Record<string, unknown>;

/**
 * The write endpoints campaigns use: `POST /projects/:id/merge_requests` (409 when an open merge
 * request has that source branch; `labels` as a comma-separated string) and
 * `PUT /projects/:id/merge_requests/:iid/merge`. `raw` is the path below `/api/v4`.
 */
export function gitlabWriteRoute(
  data: FakeGitLabData,
  method: string,
  raw: string,
  body: Json,
): { status: number; body: unknown } | undefined {
  const m = /^\/projects\/([^/]+)(\/.*)$/.exec(raw);
  if (!m) return undefined;
  const id = decodeURIComponent(m[1] ?? "");
  const entry = Object.entries(data.projects).find(([p, x]) => p === id || String(x.project.id) === id);
  if (!entry) return { status: 404, body: { message: "404 Project Not Found" } };
  const [projectPath, project] = entry;
  const rest = m[2] ?? "";
  if (method === "POST" && rest === "/merge_requests") {
    const source = String(body.source_branch ?? "");
    const target = String(body.target_branch ?? "");
    if (!source || !target || !body.title)
      return { status: 400, body: { message: "source_branch, target_branch and title are required" } };
    if (project.merge_requests.some((x) => x.mr.source_branch === source && x.mr.state === "opened"))
      return {
        status: 409,
        body: { message: [`Another open merge request already exists for this source branch`] },
      };
    const now = new Date().toISOString();
    const iid = Math.max(0, ...project.merge_requests.map((x) => Number(x.mr.iid))) + 1;
    const mr = gitlabMergeRequest(projectPath, {
      iid,
      title: String(body.title),
      author: "uplift-bot",
      created_at: now,
      updated_at: now,
      source_branch: source,
      target_branch: target,
    });
    mr.description = body.description ?? "";
    mr.labels = String(body.labels ?? "")
      .split(",")
      .map((l) => l.trim())
      .filter(Boolean);
    project.merge_requests.push({ mr, commits: [], notes: [], approvals: {}, diffs: [] });
    return { status: 201, body: mr };
  }
  const merge = /^\/merge_requests\/(\d+)\/merge$/.exec(rest);
  if (method === "PUT" && merge) {
    const found = project.merge_requests.find((x) => String(x.mr.iid) === merge[1]);
    if (!found) return { status: 404, body: { message: "404 Not found" } };
    const now = new Date().toISOString();
    Object.assign(found.mr, { state: "merged", merged_at: now, updated_at: now });
    return { status: 200, body: found.mr };
  }
  return undefined;
}
