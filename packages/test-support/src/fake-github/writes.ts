import { githubPull, sha } from "./shapes.js";
import type { FakeGitHubData } from "./types.js";

type Json = Record<string, unknown>;

/** What a write route answers: a status and a JSON body; undefined when no route matches. */
export interface WriteAnswer {
  status: number;
  body: unknown;
}

/**
 * The write endpoints campaigns use, applied to `data` as GitHub would: `POST …/pulls` (422
 * when an open pull request already has that head), `POST …/issues/{n}/labels`,
 * `PUT …/pulls/{n}/merge`. A created pull request's head sha is `refs[head].sha` when the test
 * set it, else derived from the branch name.
 */
export function writeRoute(
  data: FakeGitHubData,
  method: string,
  path: string,
  body: Json,
): WriteAnswer | undefined {
  const m = /^\/repos\/([^/]+)\/([^/]+)(\/.*)$/.exec(path);
  if (!m) return undefined;
  const fullName = `${decodeURIComponent(m[1] ?? "")}/${decodeURIComponent(m[2] ?? "")}`;
  const repo = data.repos[fullName];
  if (!repo) return undefined;
  const rest = m[3] ?? "";
  if (method === "POST" && rest === "/pulls") {
    const head = String(body.head ?? "");
    const base = String(body.base ?? "");
    if (!head || !base || !body.title) return invalid("head, base and title are required");
    if (head === base) return invalid(`No commits between ${base} and ${head}`);
    const branch = head.includes(":") ? (head.split(":")[1] ?? head) : head;
    const open = repo.pulls.find((p) => (p.pull.head as Json).ref === branch && p.pull.state === "open");
    if (open) return invalid(`A pull request already exists for ${fullName.split("/")[0]}:${branch}.`);
    const now = new Date().toISOString();
    const number =
      Math.max(
        0,
        ...repo.pulls.map((p) => Number(p.pull.number)),
        ...repo.issues.map((i) => Number(i.number)),
      ) + 1;
    const pull = githubPull(fullName, {
      number,
      title: String(body.title),
      author: "uplift-bot",
      created_at: now,
      updated_at: now,
      head: branch,
      base,
      head_sha: String((repo.refs[branch] as Json | undefined)?.sha ?? sha(`${fullName}:${branch}`)),
      draft: Boolean(body.draft),
    });
    pull.body = body.body ?? null;
    repo.pulls.push({ pull, commits: [], reviews: [], timeline: [] });
    return { status: 201, body: pull };
  }
  const labels = /^\/issues\/(\d+)\/labels$/.exec(rest);
  if (method === "POST" && labels) {
    const target =
      repo.pulls.find((p) => String(p.pull.number) === labels[1])?.pull ??
      repo.issues.find((i) => String(i.number) === labels[1]);
    if (!target) return undefined;
    const names = Array.isArray(body.labels) ? body.labels.map(String) : [];
    const current = (target.labels as Json[]) ?? [];
    for (const name of names)
      if (!current.some((l) => l.name === name))
        current.push({ id: current.length + 1, name, color: "ededed", default: false });
    target.labels = current;
    return { status: 200, body: current };
  }
  const merge = /^\/pulls\/(\d+)\/merge$/.exec(rest);
  if (method === "PUT" && merge) {
    const found = repo.pulls.find((p) => String(p.pull.number) === merge[1]);
    if (!found) return undefined;
    if (found.pull.state !== "open")
      return { status: 405, body: { message: "Pull Request is not mergeable" } };
    const now = new Date().toISOString();
    Object.assign(found.pull, {
      state: "closed",
      merged: true,
      merged_at: now,
      closed_at: now,
      updated_at: now,
    });
    return {
      status: 200,
      body: { sha: found.pull.merge_commit_sha, merged: true, message: "Pull Request successfully merged" },
    };
  }
  return undefined;
}

function invalid(message: string): WriteAnswer {
  return {
    status: 422,
    body: {
      message: "Validation Failed",
      errors: [{ message }],
      documentation_url: "https://docs.github.com/rest",
    },
  };
}
