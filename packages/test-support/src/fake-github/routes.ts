import { githubIssueOfPull, githubRepository } from "./shapes.js";
import type { FakeGitHubData, FakeGitHubRepo } from "./types.js";

type Json = Record<string, unknown>;

/** What a route answers: a JSON list (paginated by the server), one JSON value, NDJSON text, or 404. */
export type RouteAnswer =
  | { kind: "list"; items: Json[] }
  | { kind: "one"; body: unknown }
  | { kind: "text"; body: string; contentType: string }
  | { kind: "missing"; documentation: string };

const DOCS = "https://docs.github.com/rest";

/** Finds the answer of `GET path` in `data`; `downloadBase` prefixes the report links it hands out. */
export function route(
  data: FakeGitHubData,
  path: string,
  query: Record<string, string>,
  downloadBase: string,
): RouteAnswer {
  const missing: RouteAnswer = { kind: "missing", documentation: DOCS };
  const report = /^\/orgs\/([^/]+)\/copilot\/metrics\/reports\/users-1-day$/.exec(path);
  if (report) {
    const org = decodeURIComponent(report[1] ?? "");
    const day = query.day ?? "";
    if (!data.copilot[org]?.[day]) return missing;
    return {
      kind: "one",
      body: {
        download_links: [`${downloadBase}/_downloads/copilot/${org}/${day}.ndjson?sig=fake`],
        report_day: day,
      },
    };
  }
  const download = /^\/_downloads\/copilot\/([^/]+)\/(\d{4}-\d{2}-\d{2})\.ndjson$/.exec(path);
  if (download) {
    const records = data.copilot[decodeURIComponent(download[1] ?? "")]?.[download[2] ?? ""];
    if (!records) return missing;
    return {
      kind: "text",
      body: `${records.map((r) => JSON.stringify(r)).join("\n")}\n`,
      contentType: "application/x-ndjson",
    };
  }
  const repoMatch = /^\/repos\/([^/]+)\/([^/]+)(\/.*)?$/.exec(path);
  if (!repoMatch) return missing;
  const fullName = `${decodeURIComponent(repoMatch[1] ?? "")}/${decodeURIComponent(repoMatch[2] ?? "")}`;
  const repo = data.repos[fullName];
  if (!repo) return missing;
  return repoRoute(fullName, repo, repoMatch[3] ?? "", query) ?? missing;
}

function repoRoute(
  fullName: string,
  repo: FakeGitHubRepo,
  rest: string,
  query: Record<string, string>,
): RouteAnswer | undefined {
  if (rest === "") return { kind: "one", body: githubRepository(fullName) };
  if (rest === "/issues") return { kind: "list", items: listIssues(fullName, repo, query) };
  if (rest === "/pulls") {
    // `state` (open default, closed, all) and `head` (`owner:branch`)
    const state = query.state ?? "open";
    const head = query.head?.split(":").pop();
    const items = repo.pulls
      .map((p) => p.pull)
      .filter((p) => state === "all" || p.state === state)
      .filter((p) => !head || (p.head as Json).ref === head);
    return { kind: "list", items };
  }
  if (rest === "/deployments") {
    const items = repo.deployments.map((d) => d.deployment).sort((a, b) => Number(b.id) - Number(a.id));
    const env = query.environment;
    return { kind: "list", items: env ? items.filter((d) => d.environment === env) : items };
  }
  if (rest === "/releases") {
    const items = [...repo.releases].sort((a, b) => String(b.created_at).localeCompare(String(a.created_at)));
    return { kind: "list", items };
  }
  let m = /^\/deployments\/(\d+)$/.exec(rest);
  if (m) {
    const found = repo.deployments.find((d) => String(d.deployment.id) === m?.[1]);
    return found ? { kind: "one", body: found.deployment } : undefined;
  }
  m = /^\/deployments\/(\d+)\/statuses$/.exec(rest);
  if (m) {
    const found = repo.deployments.find((d) => String(d.deployment.id) === m?.[1]);
    return found ? { kind: "list", items: [...found.statuses].reverse() } : undefined;
  }
  m = /^\/pulls\/(\d+)(\/commits|\/reviews)?$/.exec(rest);
  if (m) {
    const pull = repo.pulls.find((p) => String(p.pull.number) === m?.[1]);
    if (!pull) return undefined;
    if (m[2] === "/commits") return { kind: "list", items: pull.commits };
    if (m[2] === "/reviews") return { kind: "list", items: pull.reviews };
    return { kind: "one", body: pull.pull };
  }
  m = /^\/issues\/(\d+)$/.exec(rest);
  if (m) {
    const pull = repo.pulls.find((p) => String(p.pull.number) === m?.[1]);
    if (pull) return { kind: "one", body: githubIssueOfPull(fullName, pull.pull) };
    const issue = repo.issues.find((i) => String(i.number) === m?.[1]);
    return issue ? { kind: "one", body: issue } : undefined;
  }
  m = /^\/issues\/(\d+)\/timeline$/.exec(rest);
  if (m) {
    const pull = repo.pulls.find((p) => String(p.pull.number) === m?.[1]);
    if (pull) return { kind: "list", items: pull.timeline };
    const issue = repo.issues.find((i) => String(i.number) === m?.[1]);
    return issue ? { kind: "list", items: repo.issueTimelines?.[Number(m[1])] ?? [] } : undefined;
  }
  m = /^\/commits\/(.+)$/.exec(rest);
  if (m) {
    const commit = repo.refs[decodeURIComponent(m[1] ?? "")];
    return commit ? { kind: "one", body: commit } : undefined;
  }
  return undefined;
}

/** `GET /issues`: state, labels (all must match), since (updated at or after), sort, direction. */
function listIssues(fullName: string, repo: FakeGitHubRepo, query: Record<string, string>): Json[] {
  const all = [...repo.pulls.map((p) => githubIssueOfPull(fullName, p.pull)), ...repo.issues];
  const state = query.state ?? "open";
  const labels = query.labels ? query.labels.split(",").map((l) => l.trim()) : [];
  const since = query.since ? Date.parse(query.since) : undefined;
  const sortKey = query.sort === "updated" ? "updated_at" : "created_at";
  const direction = query.direction === "asc" ? 1 : -1;
  return all
    .filter((issue) => state === "all" || issue.state === state)
    .filter((issue) => {
      const names = (issue.labels as { name: string }[]).map((l) => l.name);
      return labels.every((l) => names.includes(l));
    })
    .filter((issue) => since === undefined || Date.parse(String(issue.updated_at)) >= since)
    .sort(
      (a, b) =>
        direction * (Date.parse(String(a[sortKey])) - Date.parse(String(b[sortKey]))) ||
        direction * (Number(a.number) - Number(b.number)),
    );
}
