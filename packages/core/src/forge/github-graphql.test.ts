import { type FakeGitHub, sampleGitHubData, startFakeGitHub } from "@uplift/test-support";
import { afterEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { ConfigError, NotFoundError, UnavailableError } from "../errors.js";
import { GitHubClient } from "./github-client.js";
import { graphqlUrl } from "./github-graphql-errors.js";
import type { RateLimitWait } from "./rate-limit.js";

const TOKEN = "ghp_fakeToken1234567890";
const QUERY = `query($owner: String!, $number: Int!, $first: Int!, $after: String) {
  repositoryOwner(login: $owner) { ... on ProjectV2Owner { projectV2(number: $number) {
    title items(first: $first, after: $after) { pageInfo { hasNextPage endCursor } nodes { updatedAt } } } } }
}`;
const board = z.object({
  repositoryOwner: z.object({
    projectV2: z.object({
      title: z.string(),
      items: z.object({
        pageInfo: z.object({ hasNextPage: z.boolean(), endCursor: z.string().nullable() }),
        nodes: z.array(z.object({ updatedAt: z.string() })),
      }),
    }),
  }),
});

let fake: FakeGitHub | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

async function start(options: { pathPrefix?: string } = {}) {
  const data = sampleGitHubData();
  data.projects = {
    acme: {
      2: {
        title: "Roadmap",
        items: [1, 2, 3].map((n) => ({
          id: `PVTI_${n}`,
          repo: "acme/web",
          number: n,
          updatedAt: "2025-03-03T09:00:00Z",
        })),
      },
    },
  };
  fake = await startFakeGitHub({ data, token: TOKEN, maxPerPage: 2, ...options });
  return fake;
}

describe("GitHubClient.graphql", () => {
  it("posts to /api/graphql beside a GitHub Enterprise /api/v3 base URL and pages by cursor", async () => {
    const server = await start({ pathPrefix: "/api/v3" });
    const client = new GitHubClient({ token: TOKEN, baseUrl: server.url });
    const first = await client.graphql(QUERY, { owner: "acme", number: 2, first: 100 }, board);
    const { pageInfo } = first.repositoryOwner.projectV2.items;
    expect(pageInfo.hasNextPage).toBe(true);
    const second = await client.graphql(
      QUERY,
      { owner: "acme", number: 2, first: 100, after: pageInfo.endCursor },
      board,
    );
    expect(second.repositoryOwner.projectV2.items.nodes).toHaveLength(1);
    expect(server.requests.map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual([
      "POST /graphql 200",
      "POST /graphql 200",
    ]);
    expect(server.requests[0]?.headers.authorization).toBe(`token ${TOKEN}`);
    expect(graphqlUrl("https://ghe.acme.test/api/v3")).toBe("https://ghe.acme.test/api/graphql");
    expect(graphqlUrl("https://api.github.com")).toBe("https://api.github.com/graphql");
  });

  it("waits out a RATE_LIMITED answer (HTTP 200 with errors) and a secondary limit, then answers", async () => {
    const server = await start();
    const waits: RateLimitWait[] = [];
    const client = new GitHubClient({ token: TOKEN, baseUrl: server.url, onRateLimit: (w) => waits.push(w) });
    server.script(
      { kind: "graphql-rate-limit", path: "/graphql" },
      { kind: "secondary-rate-limit", path: "/graphql" },
    );
    const data = await client.graphql(QUERY, { owner: "acme", number: 2, first: 100 }, board);
    expect(data.repositoryOwner.projectV2.title).toBe("Roadmap");
    expect(waits.map((w) => w.kind)).toEqual(["primary", "secondary"]);
    expect(client.stats.rate_limited_waits).toBe(2);
  });

  it("fails with the reset time when the rate limit outlasts the retries", async () => {
    const server = await start();
    const client = new GitHubClient({ token: TOKEN, baseUrl: server.url, rateLimitRetries: 0 });
    server.script({ kind: "graphql-rate-limit", path: "/graphql" });
    const failure = client.graphql(QUERY, { owner: "acme", number: 2, first: 100 }, board);
    await expect(failure).rejects.toThrow(UnavailableError);
    await expect(failure).rejects.toMatchObject({ code: "UPLIFT_GITHUB_RATE_LIMITED" });
  });

  it("maps NOT_FOUND errors to NotFoundError with the caller's message, and a bad token to ConfigError", async () => {
    const server = await start();
    const client = new GitHubClient({ token: TOKEN, baseUrl: server.url });
    await expect(
      client.graphql(QUERY, { owner: "acme", number: 9, first: 100 }, board, {
        notFound: "project 9 of acme not found",
      }),
    ).rejects.toThrow(
      /^project 9 of acme not found \(Could not resolve to a ProjectV2 with the number 9\.\)$/,
    );
    await expect(client.graphql(QUERY, { owner: "acme", number: 9, first: 100 }, board)).rejects.toThrow(
      NotFoundError,
    );
    const anonymous = new GitHubClient({ token: "wrong", baseUrl: server.url });
    await expect(anonymous.graphql(QUERY, { owner: "acme", number: 2, first: 100 }, board)).rejects.toThrow(
      ConfigError,
    );
  });
});
