import { ConfigError, NotFoundError, type Store } from "@uplift/core";
import {
  type FakeGitHub,
  githubDeploymentStatus,
  githubPull,
  SAMPLE_SHAS,
  sampleGitHubData,
  startFakeGitHub,
} from "@uplift/test-support";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { ImportProgress } from "../../packages/measure/src/github/context.js";
import { type ImportGitHubOptions, importGitHub } from "../../packages/measure/src/github/import-github.js";
import { openRecordsStore } from "./records-store.js";

const TOKEN = "ghp_testToken000";
let db: Awaited<ReturnType<typeof openRecordsStore>>;
let store: Store;
let fake: FakeGitHub;

beforeAll(async () => {
  db = await openRecordsStore();
  store = db.store;
});
afterAll(async () => db.close());
beforeEach(async () => db.reset());
afterEach(async () => fake?.close());

async function start(maxPerPage?: number) {
  fake = await startFakeGitHub({
    data: sampleGitHubData(),
    token: TOKEN,
    ...(maxPerPage ? { maxPerPage } : {}),
  });
  return fake;
}

function run(options: Partial<ImportGitHubOptions> = {}) {
  return importGitHub(store, {
    repo: "acme/web",
    since: "2026-03-01",
    apiUrl: fake.url,
    token: TOKEN,
    copilotOrg: "acme",
    copilotUntil: "2026-03-05",
    now: new Date("2026-03-07T12:00:00Z"),
    ...options,
  });
}

const iso = (value: unknown) => (value instanceof Date ? value.toISOString() : value);
async function row(table: string, id: string) {
  const { rows } = await store.query<Record<string, unknown>>(`SELECT * FROM ${table} WHERE id = $1`, [id]);
  const found = rows[0];
  return found ? Object.fromEntries(Object.entries(found).map(([k, v]) => [k, iso(v)])) : undefined;
}

describe("importGitHub", () => {
  it("imports pull requests, deployments, releases, incidents and Copilot days with hand-checked fields", async () => {
    await start();
    const result = await run();
    expect(result).toMatchObject({
      repo: "acme/web",
      prs: 3,
      deployments: 4,
      releases: 1,
      incidents: 2,
      telemetry_days: 3,
    });
    expect(result.rate_limited_waits).toBe(0);

    expect(await row("prs", "github:acme/web#1")).toMatchObject({
      source: "github",
      repo: "acme/web",
      number: 1,
      author: "ann",
      created_at: "2026-03-03T09:00:00.000Z",
      first_commit_at: "2026-03-02T14:30:00.000Z", // 15:30+01:00
      first_review_at: "2026-03-03T11:00:00.000Z", // bob; ann's own review at 10:00 does not count
      approved_at: "2026-03-03T13:30:00.000Z",
      merged_at: "2026-03-03T17:00:00.000Z",
      closed_at: "2026-03-03T17:00:00.000Z",
      additions: 120,
      deletions: 30,
      changed_files: 4,
      commits: 2,
      review_comments: 3,
      draft: false,
      author_is_bot: false,
      base_branch: "main",
      attributes: expect.objectContaining({
        first_review_requested_at: "2026-03-03T09:05:00.000Z",
        review_requests: 1,
        requested_reviewers: ["bob"],
        reviewers: ["bob", "carol"],
        approvals: 1,
        commit_author_emails: ["ann@acme.dev"],
      }),
    });
    expect((await row("prs", "github:acme/web#1"))?.merge_sha).toMatch(/^[0-9a-f]{40}$/);
    // GitHub ties commit emails to logins: kept as observed identities for the Git connector
    const { rows: identities } = await store.query<{ alias: string; login: string; source: string }>(
      "SELECT alias, login, source FROM identities ORDER BY alias",
    );
    expect(identities).toEqual(
      expect.arrayContaining([
        { alias: "ann@acme.dev", login: "ann", source: "github:acme/web" },
        { alias: "bob@acme.dev", login: "bob", source: "github:acme/web" },
      ]),
    );
    expect(await row("prs", "github:acme/web#2")).toMatchObject({
      author: "dependabot[bot]",
      author_is_bot: true,
      first_review_at: "2026-03-04T08:20:00.000Z",
      approved_at: "2026-03-04T08:20:00.000Z",
      merged_at: "2026-03-04T08:30:00.000Z",
    });
    expect(await row("prs", "github:acme/web#3")).toMatchObject({
      author: "bob",
      first_commit_at: "2026-03-05T14:30:00.000Z", // 09:30-05:00, after the PR was opened: kept as is
      first_review_at: "2026-03-06T09:00:00.000Z", // the bot's review at 15:02 and carol's pending one do not count
      approved_at: null,
      merged_at: null,
      closed_at: null, // reopened
      merge_sha: null,
      attributes: expect.objectContaining({
        ready_for_review_at: "2026-03-05T15:00:00.000Z",
        was_draft: true,
        review_requests: 2,
        reopened: 1,
        first_bot_review_at: "2026-03-05T15:02:00.000Z",
        changes_requested: 1,
      }),
    });

    expect(await row("deployments", "github:acme/web/deployment/1001")).toMatchObject({
      environment: "production",
      status: "success",
      sha: SAMPLE_SHAS[1001],
      finished_at: "2026-03-03T17:20:00.000Z",
      service: "web",
    });
    expect(await row("deployments", "github:acme/web/deployment/1002")).toMatchObject({
      status: "success",
      finished_at: "2026-03-04T09:10:00.000Z", // later "inactive" (superseded) does not undo it
    });
    expect(await row("deployments", "github:acme/web/deployment/1003")).toMatchObject({
      environment: "staging",
      status: "failure",
      finished_at: "2026-03-05T12:05:00.000Z",
    });
    expect(await row("deployments", "github:acme/web/deployment/1004")).toMatchObject({
      environment: "production", // "prod-eu" marked production_environment
      status: "in_progress",
      attributes: expect.objectContaining({ environment_name: "prod-eu" }),
    });
    expect(await row("deployments", "github:acme/web/release/501")).toMatchObject({
      environment: "release",
      status: "success",
      sha: SAMPLE_SHAS[1001],
      finished_at: "2026-03-03T18:05:00.000Z",
    });

    expect(await row("incidents", "github:acme/web#4")).toMatchObject({
      service: "payments",
      started_at: "2026-03-04T10:00:00.000Z",
      resolved_at: "2026-03-04T12:30:00.000Z",
      deployment_id: "github:acme/web/deployment/1002",
    });
    expect(await row("incidents", "github:acme/web#6")).toMatchObject({ service: "web", resolved_at: null });

    const { rows: telemetry } = await store.query<Record<string, unknown>>(
      `SELECT "user", to_char(date, 'YYYY-MM-DD') AS day, source, shown, accepted, lines_suggested, lines_accepted
       FROM telemetry_days ORDER BY date, "user"`,
    );
    expect(telemetry).toEqual([
      {
        user: "ann",
        day: "2026-03-03",
        source: "github-copilot",
        shown: 40,
        accepted: 12,
        lines_suggested: 60,
        lines_accepted: 20,
      },
      {
        user: "bob",
        day: "2026-03-03",
        source: "github-copilot",
        shown: 10,
        accepted: 5,
        lines_suggested: 12,
        lines_accepted: 6,
      },
      {
        user: "ann",
        day: "2026-03-04",
        source: "github-copilot",
        shown: 30,
        accepted: 9,
        lines_suggested: 45,
        lines_accepted: 14,
      },
    ]);
    const reportDownloads = fake.requests.filter((r) => r.path.startsWith("/_downloads/"));
    expect(reportDownloads).toHaveLength(2);
    expect(reportDownloads.every((r) => r.headers.authorization === undefined)).toBe(true);
  });

  it("re-syncs with If-None-Match: unchanged data costs 304s, then only new items are read", async () => {
    const server = await start();
    await run();
    const firstRun = server.requests.length;

    const second = await run();
    expect(second).toMatchObject({ prs: 0, incidents: 0, releases: 0, telemetry_days: 0 });
    expect(second.deployments).toBe(1); // the pending deployment 1004 is read again
    const secondRequests = server.requests.slice(firstRun);
    const listings = secondRequests.filter((r) => /\/(issues|deployments|releases)$/.test(r.path));
    expect(listings.length).toBeGreaterThan(0);
    expect(listings.every((r) => r.headers["if-none-match"] && r.status === 304)).toBe(true);
    expect(second.not_modified).toBeGreaterThanOrEqual(listings.length);
    expect(secondRequests.some((r) => /\/pulls\/\d+$/.test(r.path))).toBe(false);

    // a new pull request and the pending deployment's success arrive
    const repo = server.data.repos["acme/web"];
    if (!repo) throw new Error("sample repo missing");
    repo.pulls.push({
      pull: githubPull("acme/web", {
        number: 7,
        title: "Dark mode",
        author: "carol",
        created_at: "2026-03-07T08:00:00Z",
        updated_at: "2026-03-07T09:00:00Z",
      }),
      commits: [],
      reviews: [],
      timeline: [],
    });
    repo.deployments[3]?.statuses.push(
      githubDeploymentStatus("acme/web", 1004, {
        id: 8,
        state: "success",
        created_at: "2026-03-07T10:00:00Z",
      }),
    );
    const beforeThird = server.requests.length;
    const third = await run();
    expect(third).toMatchObject({ prs: 1, deployments: 1 });
    const detailReads = server.requests.slice(beforeThird).filter((r) => /\/pulls\/\d+$/.test(r.path));
    expect(detailReads.map((r) => r.path)).toEqual(["/repos/acme/web/pulls/7"]);
    expect(await row("deployments", "github:acme/web/deployment/1004")).toMatchObject({
      status: "success",
      finished_at: "2026-03-07T10:00:00.000Z",
    });
    const fourth = await run();
    expect(fourth.deployments).toBe(0); // nothing pending any more
  });

  it("waits out a secondary rate limit mid-import, reports it, and finishes", async () => {
    const server = await start();
    server.script({ kind: "secondary-rate-limit", path: "/repos/acme/web/pulls/2/reviews" });
    const events: ImportProgress[] = [];
    const result = await run({ copilotOrg: undefined, onProgress: (e) => events.push(e) });
    expect(result).toMatchObject({ prs: 3, rate_limited_waits: 1 });
    expect(events.filter((e) => e.kind === "rate_limit")).toMatchObject([
      { wait: { kind: "secondary", forge: "github" } },
    ]);
    expect(events.some((e) => e.kind === "page" && e.resource === "pulls")).toBe(true);
  });

  it("resumes after a failure from the last committed page, without reading stored pull requests again", async () => {
    const server = await start(1);
    server.script({ status: 401, path: "/repos/acme/web/pulls/3" });
    const error = await run({ copilotOrg: undefined }).catch((e) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect(error.message).toContain("rejected the token in GITHUB_TOKEN (401: Bad credentials)");
    const { rows } = await store.query<{ id: string }>("SELECT id FROM prs ORDER BY id");
    expect(rows.map((r) => r.id)).toEqual(["github:acme/web#1", "github:acme/web#2"]);

    const before = server.requests.length;
    const resumed = await run({ copilotOrg: undefined });
    expect(resumed.prs).toBe(1);
    const reads = server.requests.slice(before).filter((r) => /\/pulls\/\d+$/.test(r.path));
    expect(reads.map((r) => r.path)).toEqual(["/repos/acme/web/pulls/3"]);
  });

  it("walks deployments across several pages of one item each", async () => {
    const server = await start(1);
    const result = await run({ copilotOrg: undefined });
    expect(result).toMatchObject({ prs: 3, deployments: 4, incidents: 2 });
    const pages = server.requests
      .filter((r) => r.path === "/repos/acme/web/deployments")
      .map((r) => r.query.page ?? "1");
    expect(pages).toEqual(["1", "2", "3", "4"]);
  });

  it("says the repository is not found or not accessible, and validates --repo and --since", async () => {
    await start();
    const missing = await run({ repo: "acme/nope" }).catch((e) => e);
    expect(missing).toBeInstanceOf(NotFoundError);
    expect(missing.message).toBe(`GitHub repository acme/nope not found or no access (at ${fake.url})`);
    await expect(run({ repo: "acme" })).rejects.toThrow(
      '--repo: expected OWNER/NAME (e.g. acme/web), got "acme"',
    );
    await expect(run({ since: "last tuesday" })).rejects.toThrow('--since: "last tuesday" is not a date');
  });

  it("fails with the Copilot policy hint when the organisation has no report on any day", async () => {
    await start();
    const error = await run({ copilotOrg: "other-org" }).catch((e) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error.message).toContain(
      "no Copilot usage report for organisation other-org on any of 5 days up to 2026-03-05",
    );
  });
});
