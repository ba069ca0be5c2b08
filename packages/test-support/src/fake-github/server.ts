import { createHash } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { listenOnLoopback } from "../listen-loopback.js";
import { graphqlRateLimited, graphqlRoute } from "./graphql.js";
import { type RouteAnswer, route } from "./routes.js";
import type { FakeGitHub, FakeGitHubOptions, GitHubScript, RecordedGitHubRequest } from "./types.js";
import { writeRoute } from "./writes.js";

const LIMIT = 5000;

/**
 * Starts a local HTTP server on 127.0.0.1 that answers like the GitHub REST API for the data
 * given: repositories, issues (with `since`/`labels`/`sort`/`direction`), pull requests with
 * commits, reviews and timelines, deployments with statuses, releases, commits by ref, and the
 * Copilot usage metrics reports (`users-1-day` → signed download link → NDJSON). Lists are
 * paginated with `Link` headers; every JSON answer has an `ETag` and a matching
 * `If-None-Match` gets `304 Not Modified`; rate-limit headers are sent on every answer.
 * `POST /graphql` answers Projects v2 board and Discussions queries (graphql.ts), cursor-paged.
 * `script()` queues rate-limit answers (primary and secondary), 401s, 404s and 5xx. Writes
 * (`POST …/pulls`, `POST …/issues/{n}/labels`, `PUT …/pulls/{n}/merge`) change `data`.
 *
 * @example
 * const fake = await startFakeGitHub({ data: sampleGitHubData(), token: "ghp_test" });
 * fake.script({ kind: "secondary-rate-limit", path: /\/reviews$/ });
 * // … GITHUB_API_URL=fake.url GITHUB_TOKEN=ghp_test, import, then inspect fake.requests
 * await fake.close();
 */
export async function startFakeGitHub(options: FakeGitHubOptions): Promise<FakeGitHub> {
  const prefix = (options.pathPrefix ?? "").replace(/\/+$/, "");
  const requests: RecordedGitHubRequest[] = [];
  const scripts: (GitHubScript & { left: number })[] = [];
  let remaining = LIMIT;
  let origin = "";

  const takeScript = (path: string) => {
    const found = scripts.find((s) => matches(s.path, path));
    if (!found) return undefined;
    found.left -= 1;
    if (found.left <= 0) scripts.splice(scripts.indexOf(found), 1);
    return found;
  };

  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? "/", "http://fake");
    const headers = Object.fromEntries(
      Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(", ") : (v ?? "")]),
    );
    const query = Object.fromEntries(url.searchParams);
    const path = url.pathname.startsWith(`${prefix}/`) ? url.pathname.slice(prefix.length) : url.pathname;
    const record: RecordedGitHubRequest = { method: req.method ?? "GET", path, query, headers, status: 0 };
    requests.push(record);
    const reply = (status: number, body: string | undefined, extra: Record<string, string> = {}) => {
      record.status = status;
      res.writeHead(status, { ...rateHeaders(remaining), ...extra });
      res.end(body);
    };
    const fail = (status: number, message: string, extra: Record<string, string> = {}) =>
      reply(
        status,
        JSON.stringify({
          message,
          documentation_url: "https://docs.github.com/rest",
          status: String(status),
        }),
        { "content-type": "application/json; charset=utf-8", ...extra },
      );

    // GitHub Enterprise serves GraphQL at /api/graphql beside the REST prefix /api/v3
    const graphqlPath = `${prefix.replace(/\/v3$/, "")}/graphql`;
    if (url.pathname === graphqlPath && record.method === "POST") {
      record.path = "/graphql";
      return answerGraphql(req, record, reply, fail);
    }
    if (!url.pathname.startsWith(`${prefix}/`) && prefix) return fail(404, "Not Found");
    const isDownload = path.startsWith("/_downloads/");
    if (!isDownload && options.token !== undefined) {
      const auth = headers.authorization ?? "";
      if (auth !== `token ${options.token}` && auth !== `Bearer ${options.token}`)
        return fail(401, "Bad credentials");
    }
    if (record.method !== "GET") {
      readJsonBody(req).then(
        (body) => {
          record.body = body;
          const answer = writeRoute(options.data, record.method, path, body);
          if (!answer) return fail(404, "Not Found");
          reply(answer.status, JSON.stringify(answer.body), {
            "content-type": "application/json; charset=utf-8",
          });
        },
        () => fail(400, "Problems parsing JSON"),
      );
      return;
    }
    const script = takeScript(path);
    if (script?.kind === "primary-rate-limit") {
      return fail(403, script.message ?? "API rate limit exceeded for user ID 10001.", {
        "x-ratelimit-remaining": "0",
        "x-ratelimit-used": String(LIMIT),
        "x-ratelimit-reset": String(Math.floor(Date.now() / 1000) + 1),
        ...script.headers,
      });
    }
    if (script?.kind === "secondary-rate-limit") {
      return fail(
        403,
        script.message ??
          "You have exceeded a secondary rate limit. Please wait a few minutes before you try again. If you reach out to GitHub Support for help, please include the request ID 0000:0000.",
        { "retry-after": "1", ...script.headers },
      );
    }
    if (script?.status !== undefined)
      return fail(script.status, script.message ?? defaultMessage(script.status), script.headers);

    const answer = route(options.data, path, query, `${origin}${prefix}`);
    if (answer.kind === "missing") return fail(404, "Not Found");
    const { body, link, contentType } = render(answer, url, query, options.maxPerPage ?? 100, `${origin}`);
    const etag = `W/"${createHash("sha1").update(body).digest("hex")}"`;
    if (headers["if-none-match"] === etag) return reply(304, undefined, { etag });
    remaining = Math.max(0, remaining - 1);
    reply(200, body, { "content-type": contentType, etag, ...(link ? { link } : {}) });
  };

  const answerGraphql = (
    req: IncomingMessage,
    record: RecordedGitHubRequest,
    reply: (status: number, body: string | undefined, extra?: Record<string, string>) => void,
    fail: (status: number, message: string, extra?: Record<string, string>) => void,
  ) => {
    if (options.token !== undefined) {
      const auth = record.headers.authorization ?? "";
      if (auth !== `token ${options.token}` && auth !== `Bearer ${options.token}`)
        return fail(401, "Bad credentials");
    }
    readJsonBody(req).then(
      (body) => {
        record.body = body;
        const json = { "content-type": "application/json; charset=utf-8" };
        const script = takeScript("/graphql");
        if (script?.kind === "graphql-rate-limit") {
          return reply(200, JSON.stringify(graphqlRateLimited()), {
            ...json,
            "x-ratelimit-remaining": "0",
            "x-ratelimit-used": String(LIMIT),
            "x-ratelimit-reset": String(Math.floor(Date.now() / 1000) + 1),
            "x-ratelimit-resource": "graphql",
            ...script.headers,
          });
        }
        if (script?.kind === "secondary-rate-limit")
          return fail(403, script.message ?? "You have exceeded a secondary rate limit.", {
            "retry-after": "1",
            ...script.headers,
          });
        if (script?.status !== undefined)
          return fail(script.status, script.message ?? defaultMessage(script.status), script.headers);
        remaining = Math.max(0, remaining - 1);
        reply(200, JSON.stringify(graphqlRoute(options.data, body, options.maxPerPage ?? 100)), json);
      },
      () => fail(400, "Problems parsing JSON"),
    );
  };

  const server = createServer((req, res) => {
    try {
      handle(req, res);
    } catch (error) {
      res.writeHead(500, { "content-type": "application/json" });
      res.end(JSON.stringify({ message: `fake GitHub failed: ${String(error)}` }));
    }
  });
  const listening = await listenOnLoopback(server);
  origin = listening.origin;
  return {
    url: `${origin}${prefix}`,
    data: options.data,
    requests,
    script: (...added) => {
      for (const s of added) scripts.push({ ...s, left: s.times ?? 1 });
    },
    close: listening.close,
  };
}

function render(
  answer: Exclude<RouteAnswer, { kind: "missing" }>,
  url: URL,
  query: Record<string, string>,
  maxPerPage: number,
  origin: string,
): { body: string; link?: string; contentType: string } {
  if (answer.kind === "text") return { body: answer.body, contentType: answer.contentType };
  if (answer.kind === "one")
    return { body: JSON.stringify(answer.body), contentType: "application/json; charset=utf-8" };
  const perPage = Math.max(1, Math.min(Number(query.per_page ?? 30) || 30, maxPerPage, 100));
  const page = Math.max(1, Number(query.page ?? 1) || 1);
  const last = Math.max(1, Math.ceil(answer.items.length / perPage));
  const items = answer.items.slice((page - 1) * perPage, page * perPage);
  const pageUrl = (n: number) => {
    const next = new URL(url.pathname + url.search, origin);
    next.searchParams.set("page", String(n));
    return next.toString();
  };
  const links: string[] = [];
  if (page > 1) links.push(`<${pageUrl(page - 1)}>; rel="prev"`);
  if (page < last) links.push(`<${pageUrl(page + 1)}>; rel="next"`, `<${pageUrl(last)}>; rel="last"`);
  if (page > 1) links.push(`<${pageUrl(1)}>; rel="first"`);
  return {
    body: JSON.stringify(items),
    contentType: "application/json; charset=utf-8",
    ...(links.length ? { link: links.join(", ") } : {}),
  };
}

function rateHeaders(remaining: number): Record<string, string> {
  return {
    "x-github-api-version-selected": "2022-11-28",
    "x-ratelimit-limit": String(LIMIT),
    "x-ratelimit-remaining": String(remaining),
    "x-ratelimit-reset": String(Math.floor(Date.now() / 1000) + 3600),
    "x-ratelimit-used": String(LIMIT - remaining),
    "x-ratelimit-resource": "core",
    "x-github-request-id": "0000:0000:0000000:0000000:00000000",
  };
}

function matches(pattern: string | RegExp | undefined, path: string): boolean {
  if (pattern === undefined) return true;
  return typeof pattern === "string" ? pattern === path : pattern.test(path);
}

function defaultMessage(status: number): string {
  if (status === 401) return "Bad credentials";
  if (status === 404) return "Not Found";
  if (status >= 500) return "Server Error";
  return "Error";
}

/** The JSON body of a write request (`{}` when empty). */
export function readJsonBody(req: IncomingMessage): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("error", reject);
    req.on("end", () => {
      const text = Buffer.concat(chunks).toString("utf8");
      try {
        resolve(text ? (JSON.parse(text) as Record<string, unknown>) : {});
      } catch (error) {
        reject(error);
      }
    });
  });
}
