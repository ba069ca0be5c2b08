import {
  type FakeGitLab,
  SAMPLE_GITLAB_PROJECT,
  sampleGitLabData,
  startFakeGitLab,
} from "@uplift/test-support";
import { afterEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { ConfigError, NotFoundError } from "../errors.js";
import { GitLabClient } from "./gitlab-client.js";
import type { RateLimitWait } from "./rate-limit.js";

const TOKEN = "glpat-fakeToken123";
const mr = z.object({ iid: z.number() });
const project = `/projects/${encodeURIComponent(SAMPLE_GITLAB_PROJECT)}`;

let fake: FakeGitLab | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

async function iids(client: GitLabClient) {
  const pages: number[][] = [];
  for await (const page of client.pages(
    `${project}/merge_requests`,
    { state: "all", order_by: "created_at", sort: "asc" },
    mr,
  ))
    pages.push(page.data.map((m) => m.iid));
  return pages;
}

describe("GitLabClient", () => {
  it("pages through Link headers with PRIVATE-TOKEN, appending /api/v4 to an instance URL", async () => {
    fake = await startFakeGitLab({ data: sampleGitLabData(), token: TOKEN, maxPerPage: 1 });
    const client = new GitLabClient({ token: TOKEN, baseUrl: fake.url });
    expect(client.baseUrl).toBe(`${fake.url}/api/v4`);
    expect(await iids(client)).toEqual([[7], [8], [9]]);
    expect(fake.requests.every((r) => r.headers["private-token"] === TOKEN)).toBe(true);
    expect(fake.requests.map((r) => r.path)).toEqual(Array(3).fill("/projects/grp/api/merge_requests"));
  });

  it("pages through x-next-page when there is no Link header", async () => {
    fake = await startFakeGitLab({
      data: sampleGitLabData(),
      token: TOKEN,
      maxPerPage: 2,
      linkHeader: false,
    });
    const client = new GitLabClient({ env: { GITLAB_TOKEN: TOKEN, GITLAB_API_URL: `${fake.url}/api/v4` } });
    expect(await iids(client)).toEqual([[7, 8], [9]]);
    expect(fake.requests.map((r) => r.query.page ?? "1")).toEqual(["1", "2"]);
  });

  it("waits for Retry-After on 429 and resumes", async () => {
    fake = await startFakeGitLab({ data: sampleGitLabData(), token: TOKEN });
    fake.script({ status: 429 });
    const waits: RateLimitWait[] = [];
    const client = new GitLabClient({ token: TOKEN, baseUrl: fake.url, onRateLimit: (w) => waits.push(w) });
    expect(await iids(client)).toEqual([[7, 8, 9]]);
    expect(waits).toMatchObject([{ forge: "gitlab", waitMs: 1000 }]);
    expect(client.stats).toMatchObject({ requests: 2, rate_limited_waits: 1 });
  });

  it("retries a 500 and succeeds", async () => {
    fake = await startFakeGitLab({ data: sampleGitLabData(), token: TOKEN });
    fake.script({ status: 500 });
    const client = new GitLabClient({ token: TOKEN, baseUrl: fake.url, retryBaseMs: 10 });
    expect(await iids(client)).toEqual([[7, 8, 9]]);
    expect(fake.requests.map((r) => r.status)).toEqual([500, 200]);
  });

  it("turns 401 into a ConfigError about GITLAB_TOKEN and 404 into 'not found or no access'", async () => {
    fake = await startFakeGitLab({ data: sampleGitLabData(), token: TOKEN });
    const bad = new GitLabClient({ token: "glpat-wrong", baseUrl: fake.url });
    const unauthorised = await bad.get(project, {}, z.object({ id: z.number() })).catch((e) => e);
    expect(unauthorised).toBeInstanceOf(ConfigError);
    expect(unauthorised.message).toContain("rejected the token in GITLAB_TOKEN (401: 401 Unauthorized)");
    expect(unauthorised.message).not.toContain("glpat-wrong");
    const good = new GitLabClient({ token: TOKEN, baseUrl: fake.url });
    const missing = await good
      .get("/projects/grp%2Fnope", {}, z.object({ id: z.number() }), {
        notFound: "project grp/nope not found or no access",
      })
      .catch((e) => e);
    expect(missing).toBeInstanceOf(NotFoundError);
    expect(missing.message).toBe("project grp/nope not found or no access");
  });
});
