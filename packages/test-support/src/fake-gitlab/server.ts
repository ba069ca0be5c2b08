import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { readJsonBody } from "../fake-github/server.js";
import { listenOnLoopback } from "../listen-loopback.js";
import { type GitLabAnswer, gitlabRoute } from "./routes.js";
import type { FakeGitLab, FakeGitLabOptions, GitLabScript, RecordedGitLabRequest } from "./types.js";
import { gitlabWriteRoute } from "./writes.js";

/**
 * Starts a local HTTP server on 127.0.0.1 that answers like GitLab's REST API v4 for the data
 * given: projects (by id or URL-encoded path), merge requests (`state`, `updated_after`,
 * `order_by`, `sort`) with commits, notes, approvals and diffs, deployments, environments.
 * Lists use offset pagination: `x-page`, `x-per-page`, `x-total`, `x-total-pages`,
 * `x-next-page`, `x-prev-page` and (unless disabled) `Link`. `script()` queues 401/404/429/5xx.
 * Writes (`POST …/merge_requests`, `PUT …/merge_requests/:iid/merge`) change `data`.
 *
 * @example
 * const fake = await startFakeGitLab({ data: sampleGitLabData(), token: "glpat-test" });
 * fake.script({ status: 429, path: /deployments/ });
 */
export async function startFakeGitLab(options: FakeGitLabOptions): Promise<FakeGitLab> {
  const requests: RecordedGitLabRequest[] = [];
  const scripts: (GitLabScript & { left: number })[] = [];
  let origin = "";

  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? "/", "http://fake");
    const raw = url.pathname.startsWith("/api/v4/") ? url.pathname.slice("/api/v4".length) : undefined;
    const headers = Object.fromEntries(
      Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(", ") : (v ?? "")]),
    );
    const query = Object.fromEntries(url.searchParams);
    const record: RecordedGitLabRequest = {
      method: req.method ?? "GET",
      path: decodeURIComponent(raw ?? url.pathname),
      query,
      headers,
      status: 0,
    };
    requests.push(record);
    const reply = (status: number, body: unknown, extra: Record<string, string> = {}) => {
      record.status = status;
      res.writeHead(status, { "content-type": "application/json", ...extra });
      res.end(typeof body === "string" ? body : JSON.stringify(body));
    };
    if (raw === undefined) return reply(404, { message: "404 Not Found" });
    if (options.token !== undefined) {
      const ok =
        headers["private-token"] === options.token || headers.authorization === `Bearer ${options.token}`;
      if (!ok) return reply(401, { message: "401 Unauthorized" });
    }
    if (record.method !== "GET") {
      readJsonBody(req).then(
        (body) => {
          record.body = body;
          const answer = gitlabWriteRoute(options.data, record.method, raw, body);
          if (!answer) return reply(404, { message: "404 Not Found" });
          reply(answer.status, answer.body);
        },
        () => reply(400, { message: "400 Bad request: invalid JSON" }),
      );
      return;
    }
    const script = scripts.find((s) => matches(s.path, record.path));
    if (script) {
      script.left -= 1;
      if (script.left <= 0) scripts.splice(scripts.indexOf(script), 1);
      if (script.status === 429) {
        const reset = Math.floor(Date.now() / 1000) + 1;
        return reply(429, script.message ?? "Retry later", {
          "content-type": "text/plain",
          "retry-after": "1",
          "ratelimit-limit": "2000",
          "ratelimit-observed": "2001",
          "ratelimit-remaining": "0",
          "ratelimit-reset": String(reset),
          "ratelimit-resettime": new Date(reset * 1000).toUTCString(),
          ...script.headers,
        });
      }
      return reply(script.status, { message: script.message ?? `${script.status} Error` }, script.headers);
    }
    const answer = gitlabRoute(options.data, raw, query);
    if (answer.kind === "missing") return reply(404, { message: answer.message });
    if (answer.kind === "one") return reply(200, answer.body);
    const { items, headers: pageHeaders } = paginate(answer, url, query, options, origin);
    reply(200, items, pageHeaders);
  };

  const server = createServer((req, res) => {
    try {
      handle(req, res);
    } catch (error) {
      res.writeHead(500, { "content-type": "application/json" });
      res.end(JSON.stringify({ message: `fake GitLab failed: ${String(error)}` }));
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

function paginate(
  answer: Extract<GitLabAnswer, { kind: "list" }>,
  url: URL,
  query: Record<string, string>,
  options: FakeGitLabOptions,
  origin: string,
) {
  const perPage = Math.max(1, Math.min(Number(query.per_page ?? 20) || 20, options.maxPerPage ?? 100, 100));
  const page = Math.max(1, Number(query.page ?? 1) || 1);
  const total = answer.items.length;
  const pages = Math.max(1, Math.ceil(total / perPage));
  const pageUrl = (n: number) => {
    const next = new URL(url.pathname + url.search, origin);
    next.searchParams.set("page", String(n));
    return next.toString();
  };
  const headers: Record<string, string> = {
    "x-page": String(page),
    "x-per-page": String(perPage),
    "x-total": String(total),
    "x-total-pages": String(pages),
    "x-next-page": page < pages ? String(page + 1) : "",
    "x-prev-page": page > 1 ? String(page - 1) : "",
  };
  if (options.linkHeader !== false) {
    const links = [`<${pageUrl(1)}>; rel="first"`, `<${pageUrl(pages)}>; rel="last"`];
    if (page < pages) links.unshift(`<${pageUrl(page + 1)}>; rel="next"`);
    if (page > 1) links.unshift(`<${pageUrl(page - 1)}>; rel="prev"`);
    headers.link = links.join(", ");
  }
  return { items: answer.items.slice((page - 1) * perPage, page * perPage), headers };
}

function matches(pattern: string | RegExp | undefined, path: string): boolean {
  if (pattern === undefined) return true;
  return typeof pattern === "string" ? pattern === path : pattern.test(path);
}
