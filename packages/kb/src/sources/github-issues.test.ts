import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { scanAll } from "../test/scan.js";
import { githubIssuesSource, parseRepo } from "./github-issues.js";

/** A local server speaking the two GitHub REST routes the source reads, paginated with Link headers. */
let server: Server;
let base: string;
const requests: string[] = [];
beforeAll(async () => {
  server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", base);
    requests.push(`${url.pathname}${url.search}`);
    const send = (body: unknown, next?: string) => {
      res.writeHead(200, {
        "content-type": "application/json",
        ...(next ? { link: `<${next}>; rel="next"` } : {}),
      });
      res.end(JSON.stringify(body));
    };
    const issue = (number: number, title: string, body: string, extra: object = {}) => ({
      number,
      title,
      body,
      state: "open",
      html_url: `https://github.com/acme/handbook/issues/${number}`,
      updated_at: `2025-03-0${number}T10:00:00Z`,
      user: { login: "ann" },
      ...extra,
    });
    if (url.pathname === "/repos/acme/handbook/issues/comments")
      return send([
        {
          issue_url: `${base}/repos/acme/handbook/issues/1`,
          body: "Use `runway rollback`.",
          created_at: "2025-03-02T09:00:00Z",
          user: { login: "bob" },
        },
      ]);
    if (url.pathname === "/repos/acme/handbook/issues" && url.searchParams.get("page") !== "2")
      return send(
        [
          issue(1, "How do I roll back?", "The deploy broke checkout."),
          issue(2, "Add retries", "PR body", { pull_request: { url: "x" } }),
        ],
        `${base}/repos/acme/handbook/issues?state=all&page=2`,
      );
    if (url.pathname === "/repos/acme/handbook/issues")
      return send([issue(3, "Canary docs", "Document the canary.", { state: "closed" })]);
    res.writeHead(404, { "content-type": "application/json" });
    res.end(JSON.stringify({ message: "Not Found" }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  process.env.GITHUB_API_URL = base;
  process.env.GITHUB_TOKEN = "ghp_test";
});
afterAll(async () => {
  delete process.env.GITHUB_API_URL;
  delete process.env.GITHUB_TOKEN;
  await new Promise((resolve) => server.close(resolve));
});

describe("github-issues source", () => {
  it("reads every issue page (not pull requests) with its comments attached", async () => {
    const { docs } = await scanAll(githubIssuesSource, {
      name: "gh",
      type: "github-issues",
      path: "acme/handbook",
      acl: [],
    });
    expect(docs).toEqual([
      {
        id: "acme/handbook#1",
        title: "#1 How do I roll back?",
        text: "The deploy broke checkout.\n\n## Comments\n\n### bob (2025-03-02T09:00:00Z)\n\nUse `runway rollback`.",
        url: "https://github.com/acme/handbook/issues/1",
        updated_at: "2025-03-01T10:00:00Z",
        source: "gh",
        format: "markdown",
      },
      {
        id: "acme/handbook#3",
        title: "#3 Canary docs (closed)",
        text: "Document the canary.",
        url: "https://github.com/acme/handbook/issues/3",
        updated_at: "2025-03-03T10:00:00Z",
        source: "gh",
        format: "markdown",
      },
    ]);
    expect(requests.some((r) => r.includes("page=2"))).toBe(true);
  });

  it("names a repository the token cannot read", async () => {
    await expect(
      scanAll(githubIssuesSource, { name: "gh", type: "github-issues", path: "acme/secret", acl: [] }),
    ).rejects.toThrow("acme/secret");
  });

  it("refuses a --path that is not OWNER/NAME", () => {
    expect(() => parseRepo("https://github.com/acme/handbook")).toThrow("OWNER/NAME");
    expect(parseRepo("acme/handbook.docs")).toEqual({ owner: "acme", repo: "handbook.docs" });
  });
});
