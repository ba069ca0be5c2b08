import { Writable } from "node:stream";
import { type FakeGitHub, sampleGitHubData, startFakeGitHub } from "@uplift/test-support";
import { afterEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { ConfigError, NotFoundError } from "../errors.js";
import { createLogger } from "../logger.js";
import { GitHubClient } from "./github-client.js";
import { MemoryHttpCache } from "./http-cache.js";
import type { RateLimitWait } from "./rate-limit.js";

const TOKEN = "ghp_fakeToken1234567890";
const issue = z.object({ number: z.number(), updated_at: z.string() });
const repo = z.object({ full_name: z.string() });

let fake: FakeGitHub | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

async function start(options: { maxPerPage?: number; pathPrefix?: string } = {}) {
  fake = await startFakeGitHub({ data: sampleGitHubData(), token: TOKEN, ...options });
  return fake;
}

async function allIssues(client: GitHubClient) {
  const pages = [];
  for await (const page of client.pages(
    "GET /repos/{owner}/{repo}/issues",
    { owner: "acme", repo: "web", state: "all" },
    issue,
  ))
    pages.push(page);
  return pages;
}

describe("GitHubClient", () => {
  it("follows Link headers across three pages under a GitHub Enterprise /api/v3 base URL", async () => {
    const server = await start({ maxPerPage: 2, pathPrefix: "/api/v3" });
    const client = new GitHubClient({ token: TOKEN, baseUrl: server.url });
    const pages = await allIssues(client);
    expect(pages.map((p) => p.data.length)).toEqual([2, 2, 2]);
    expect(pages.flatMap((p) => p.data.map((i) => i.number)).sort()).toEqual([1, 2, 3, 4, 5, 6]);
    expect(server.requests.map((r) => r.query.page ?? "1")).toEqual(["1", "2", "3"]);
    expect(server.requests.every((r) => r.headers.authorization === `token ${TOKEN}`)).toBe(true);
    expect(server.requests.every((r) => r.headers["x-github-api-version"] === "2022-11-28")).toBe(true);
    expect(client.stats.requests).toBe(3);
  });

  it("reads the token and base URL from GITHUB_TOKEN and GITHUB_API_URL", async () => {
    const server = await start();
    const client = new GitHubClient({ env: { GITHUB_TOKEN: TOKEN, GITHUB_API_URL: `${server.url}/` } });
    const page = await client.get("GET /repos/{owner}/{repo}", { owner: "acme", repo: "web" }, repo);
    expect(page.data.full_name).toBe("acme/web");
    expect(client.baseUrl).toBe(server.url);
  });

  it("sends If-None-Match on a re-sync and reuses cached pages on 304", async () => {
    const server = await start({ maxPerPage: 2 });
    const cache = new MemoryHttpCache();
    const first = await allIssues(new GitHubClient({ token: TOKEN, baseUrl: server.url, cache }));
    const again = new GitHubClient({ token: TOKEN, baseUrl: server.url, cache });
    const second = await allIssues(again);
    expect(second.map((p) => p.data)).toEqual(first.map((p) => p.data));
    expect(second.every((p) => p.notModified)).toBe(true);
    expect(again.stats).toMatchObject({ requests: 3, not_modified: 3 });
    expect(
      server.requests.slice(3).map((r) => [r.status, r.headers["if-none-match"]?.startsWith('W/"')]),
    ).toEqual([
      [304, true],
      [304, true],
      [304, true],
    ]);
  });

  it("waits for a primary rate limit until x-ratelimit-reset and resumes", async () => {
    const server = await start();
    server.script({ kind: "primary-rate-limit" });
    const waits: RateLimitWait[] = [];
    const client = new GitHubClient({ token: TOKEN, baseUrl: server.url, onRateLimit: (w) => waits.push(w) });
    const page = await client.get("GET /repos/{owner}/{repo}", { owner: "acme", repo: "web" }, repo);
    expect(page.data.full_name).toBe("acme/web");
    expect(waits).toMatchObject([{ kind: "primary", forge: "github" }]);
    expect(waits[0]?.waitMs).toBeLessThanOrEqual(2000);
    expect(server.requests.map((r) => r.status)).toEqual([403, 200]);
    expect(client.stats).toMatchObject({ requests: 2, rate_limited_waits: 1 });
  });

  it("waits retry-after seconds for a secondary rate limit and resumes", async () => {
    const server = await start();
    server.script({ kind: "secondary-rate-limit" });
    const waits: RateLimitWait[] = [];
    const client = new GitHubClient({ token: TOKEN, baseUrl: server.url, onRateLimit: (w) => waits.push(w) });
    await client.get("GET /repos/{owner}/{repo}", { owner: "acme", repo: "web" }, repo);
    expect(waits).toMatchObject([{ kind: "secondary", waitMs: 1000 }]);
    expect(server.requests.map((r) => r.status)).toEqual([403, 200]);
  });

  it("retries a 500 and succeeds", async () => {
    const server = await start();
    server.script({ status: 500 });
    const client = new GitHubClient({ token: TOKEN, baseUrl: server.url });
    const page = await client.get("GET /repos/{owner}/{repo}", { owner: "acme", repo: "web" }, repo);
    expect(page.data.full_name).toBe("acme/web");
    expect(server.requests.map((r) => r.status)).toEqual([500, 200]);
  });

  it("turns 401 into a ConfigError about GITHUB_TOKEN that never shows the token or logs it", async () => {
    const server = await start();
    const lines: string[] = [];
    const destination = new Writable({
      write(chunk, _enc, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const wrong = "ghp_wrongSecret999";
    const client = new GitHubClient({
      token: wrong,
      baseUrl: server.url,
      logger: createLogger({ level: "trace", destination }),
    });
    const error = await client
      .get("GET /repos/{owner}/{repo}", { owner: "acme", repo: "web" }, repo)
      .catch((e) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect(error.message).toContain("rejected the token in GITHUB_TOKEN (401: Bad credentials)");
    expect(`${error.message} ${error.hint}`).not.toContain(wrong);
    expect(lines.join("")).not.toContain(wrong);
    expect(server.requests).toHaveLength(1);
  });

  it("turns 404 into NotFoundError with the caller's message", async () => {
    const server = await start();
    const client = new GitHubClient({ token: TOKEN, baseUrl: server.url });
    const error = await client
      .get("GET /repos/{owner}/{repo}", { owner: "acme", repo: "nope" }, repo, {
        notFound: "repository acme/nope not found or no access",
      })
      .catch((e) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error.message).toBe("repository acme/nope not found or no access");
  });

  it("names the URL and field when a payload does not have the expected shape", async () => {
    const server = await start();
    const client = new GitHubClient({ token: TOKEN, baseUrl: server.url });
    const error = await client
      .get("GET /repos/{owner}/{repo}", { owner: "acme", repo: "web" }, z.object({ stars: z.number() }))
      .catch((e) => e);
    expect(error.message).toMatch(/unexpected payload: stars: /);
    expect(error.message).toContain("/repos/acme/web");
  });

  it("downloads signed report links without sending the token", async () => {
    const server = await start();
    const client = new GitHubClient({ token: TOKEN, baseUrl: server.url });
    const links = await client.get(
      "GET /orgs/{org}/copilot/metrics/reports/users-1-day",
      { org: "acme", day: "2026-03-03" },
      z.object({ download_links: z.array(z.string()), report_day: z.string() }),
    );
    const text = await client.download(links.data.download_links[0] ?? "");
    expect(text.trim().split("\n")).toHaveLength(2);
    expect(server.requests.at(-1)?.headers.authorization).toBeUndefined();
  });
});
