import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { listenOnLoopback } from "../listen-loopback.js";
import type {
  FakeJira,
  FakeJiraData,
  FakeJiraIssue,
  FakeJiraOptions,
  JiraScript,
  RecordedJiraRequest,
} from "./types.js";

/** "yyyy/MM/dd HH:mm" (JQL, read as UTC here) → epoch ms. */
function jqlTimeMs(text: string): number {
  const [date, time] = text.split(" ");
  return Date.parse(`${(date ?? "").replace(/\//g, "-")}T${time ?? "00:00"}:00Z`);
}

/** The JQL subset the connector sends: `project = KEY`, `updated >= "…"`, `ORDER BY updated ASC, key ASC`. */
function select(data: FakeJiraData, jql: string): FakeJiraIssue[] {
  const project = /project\s*=\s*"?([A-Z][A-Z0-9_]*)"?/i.exec(jql)?.[1];
  const updated = /updated\s*>=\s*"([^"]+)"/i.exec(jql)?.[1];
  const since = updated === undefined ? undefined : jqlTimeMs(updated);
  const updatedOf = (issue: FakeJiraIssue) =>
    Date.parse(String(issue.fields.updated).replace(/([+-]\d{2})(\d{2})$/, "$1:$2"));
  return data.issues
    .filter((issue) => !project || issue.key.startsWith(`${project}-`))
    .filter((issue) => since === undefined || updatedOf(issue) >= since)
    .sort((a, b) => updatedOf(a) - updatedOf(b) || (a.key < b.key ? -1 : 1));
}

/**
 * Starts a local HTTP server on 127.0.0.1 answering like Jira's REST API for the data given:
 * Cloud v3 `/rest/api/3/search/jql` (nextPageToken, isLast), v2/v3 `/search` (startAt, total),
 * `expand=changelog` with the embedded changelog truncated after `maxEmbeddedHistories`,
 * `/issue/{key}/changelog` (startAt), `/field`, `/status` and development information
 * (`/rest/dev-status/latest/issue/detail`). `script()` queues 401/429/5xx answers; 429 carries
 * `Retry-After` like Jira Cloud's rate limiting.
 *
 * @example
 * const jira = await startFakeJira({ data: sampleJiraData(), token: "t", email: "me@example.com" });
 * jira.script({ status: 429, path: /search/ });
 */
export async function startFakeJira(options: FakeJiraOptions): Promise<FakeJira> {
  const requests: RecordedJiraRequest[] = [];
  const scripts: (JiraScript & { left: number })[] = [];
  const maxResults = options.maxResults ?? 100;
  const embedded = options.maxEmbeddedHistories ?? 100;

  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? "/", "http://fake");
    const headers = Object.fromEntries(
      Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(", ") : (v ?? "")]),
    );
    const query = Object.fromEntries(url.searchParams);
    const record: RecordedJiraRequest = {
      method: req.method ?? "GET",
      path: url.pathname,
      query,
      headers,
      status: 0,
    };
    requests.push(record);
    const reply = (status: number, body: unknown, extra: Record<string, string> = {}) => {
      record.status = status;
      res.writeHead(status, { "content-type": "application/json;charset=UTF-8", ...extra });
      res.end(JSON.stringify(body));
    };
    if (options.token !== undefined) {
      const basic = `Basic ${Buffer.from(`${options.email ?? ""}:${options.token}`).toString("base64")}`;
      const ok = headers.authorization === `Bearer ${options.token}` || headers.authorization === basic;
      if (!ok)
        return reply(401, {
          errorMessages: ["You are not authenticated. Authentication required to perform this operation."],
          errors: {},
        });
    }
    const script = scripts.find(
      (s) =>
        s.path === undefined ||
        (typeof s.path === "string" ? s.path === url.pathname : s.path.test(url.pathname)),
    );
    if (script) {
      script.left--;
      if (script.left <= 0) scripts.splice(scripts.indexOf(script), 1);
      if (script.status === 429)
        return reply(
          429,
          { errorMessages: ["Rate limit exceeded."] },
          {
            "retry-after": script.retryAfter ?? "1",
            "x-ratelimit-limit": "100",
            "x-ratelimit-remaining": "0",
            "x-ratelimit-nearlimit": "true",
          },
        );
      return reply(script.status, { errorMessages: [`scripted ${script.status}`], errors: {} });
    }
    const path = url.pathname;
    const api = /^\/rest\/api\/(2|3)(\/.*)$/.exec(path);
    const issueView = (issue: FakeJiraIssue, withChangelog: boolean) => ({
      expand: "renderedFields,names,schema,operations,editmeta,changelog",
      id: issue.id,
      self: `${origin}/rest/api/2/issue/${issue.id}`,
      key: issue.key,
      fields: issue.fields,
      ...(withChangelog
        ? {
            changelog: {
              startAt: 0,
              maxResults: Math.min(embedded, issue.histories.length),
              total: issue.histories.length,
              histories: issue.histories.slice(0, embedded),
            },
          }
        : {}),
    });
    if (path === "/rest/dev-status/latest/issue/detail") {
      const issue = options.data.issues.find((i) => i.id === query.issueId);
      if (!issue) return reply(404, { errorMessages: ["Issue does not exist"], errors: {} });
      const urls = issue.pullRequests.filter((u) =>
        (query.applicationType ?? "").toLowerCase() === "github"
          ? u.includes("github")
          : !u.includes("github"),
      );
      return reply(200, {
        errors: [],
        detail: [
          {
            branches: [],
            pullRequests: urls.map((u, i) => ({
              id: `#${i + 1}`,
              name: `PR ${i + 1}`,
              url: u,
              status: "MERGED",
            })),
            repositories: [],
            _instance: { name: query.applicationType ?? "", type: query.applicationType ?? "" },
          },
        ],
      });
    }
    if (!api) return reply(404, { errorMessages: ["Not found"], errors: {} });
    const [, version, rest] = api as unknown as [string, string, string];
    if (rest === "/field") return reply(200, options.data.fields);
    if (rest === "/status") return reply(200, options.data.statuses);
    const changelog = /^\/issue\/([^/]+)\/changelog$/.exec(rest);
    if (changelog) {
      const issue = options.data.issues.find(
        (i) => i.key === decodeURIComponent(changelog[1] ?? "") || i.id === changelog[1],
      );
      if (!issue)
        return reply(404, {
          errorMessages: ["Issue does not exist or you do not have permission to see it."],
          errors: {},
        });
      const startAt = Number(query.startAt ?? 0);
      const size = Math.min(Number(query.maxResults ?? 100), 100);
      const values = issue.histories.slice(startAt, startAt + size);
      return reply(200, {
        self: `${origin}${path}`,
        maxResults: size,
        startAt,
        total: issue.histories.length,
        isLast: startAt + values.length >= issue.histories.length,
        values,
      });
    }
    const withChangelog = (query.expand ?? "").split(",").includes("changelog");
    const size = Math.max(1, Math.min(Number(query.maxResults ?? 50), maxResults));
    if (rest === "/search/jql" && version === "3") {
      const issues = select(options.data, query.jql ?? "");
      const start = query.nextPageToken
        ? Number(Buffer.from(query.nextPageToken, "base64url").toString())
        : 0;
      const page = issues.slice(start, start + size);
      const more = start + size < issues.length;
      return reply(200, {
        issues: page.map((i) => issueView(i, withChangelog)),
        ...(more ? { nextPageToken: Buffer.from(String(start + size)).toString("base64url") } : {}),
        isLast: !more,
      });
    }
    if (rest === "/search") {
      const issues = select(options.data, query.jql ?? "");
      const startAt = Number(query.startAt ?? 0);
      return reply(200, {
        expand: "schema,names",
        startAt,
        maxResults: size,
        total: issues.length,
        issues: issues.slice(startAt, startAt + size).map((i) => issueView(i, withChangelog)),
      });
    }
    return reply(404, { errorMessages: ["Not found"], errors: {} });
  };

  let origin = "";
  const server = createServer((req, res) => {
    try {
      handle(req, res);
    } catch (error) {
      res.writeHead(500, { "content-type": "application/json" });
      res.end(JSON.stringify({ errorMessages: [`fake Jira failed: ${String(error)}`] }));
    }
  });
  const listening = await listenOnLoopback(server);
  origin = listening.origin;
  return {
    url: origin,
    data: options.data,
    requests,
    script: (...added) => {
      for (const s of added) scripts.push({ ...s, left: s.times ?? 1 });
    },
    close: listening.close,
  };
}
