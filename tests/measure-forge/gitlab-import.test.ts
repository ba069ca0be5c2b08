import { ConfigError, NotFoundError, type Store } from "@uplift/core";
import { type FakeGitLab, gitlabNote, sampleGitLabData, startFakeGitLab } from "@uplift/test-support";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type ImportGitLabOptions, importGitLab } from "../../packages/measure/src/gitlab/import-gitlab.js";
import { openRecordsStore } from "./records-store.js";

const TOKEN = "glpat-test000";
let db: Awaited<ReturnType<typeof openRecordsStore>>;
let store: Store;
let fake: FakeGitLab;

beforeAll(async () => {
  db = await openRecordsStore();
  store = db.store;
});
afterAll(async () => db.close());
beforeEach(async () => db.reset());
afterEach(async () => fake?.close());

async function start(maxPerPage?: number) {
  fake = await startFakeGitLab({
    data: sampleGitLabData(),
    token: TOKEN,
    ...(maxPerPage ? { maxPerPage } : {}),
  });
  return fake;
}

const run = (options: Partial<ImportGitLabOptions> = {}) =>
  importGitLab(store, { project: "grp/api", apiUrl: fake.url, token: TOKEN, retryBaseMs: 10, ...options });

async function row(table: string, id: string) {
  const { rows } = await store.query<Record<string, unknown>>(`SELECT * FROM ${table} WHERE id = $1`, [id]);
  const found = rows[0];
  return found
    ? Object.fromEntries(Object.entries(found).map(([k, v]) => [k, v instanceof Date ? v.toISOString() : v]))
    : undefined;
}

describe("importGitLab", () => {
  it("imports merge requests and deployments with hand-checked fields", async () => {
    await start();
    const result = await run();
    expect(result).toMatchObject({ project: "grp/api", prs: 3, deployments: 4, rate_limited_waits: 0 });
    expect(await row("prs", "gitlab:grp/api!7")).toMatchObject({
      source: "gitlab",
      repo: "grp/api",
      number: 7,
      author: "ann",
      created_at: "2026-03-02T09:00:00.000Z",
      first_commit_at: "2026-03-01T17:00:00.000Z", // 18:00+01:00
      first_review_at: "2026-03-02T10:15:00.000Z", // bob's diff note; ann's reply does not count
      approved_at: "2026-03-02T12:00:00.000Z", // carol's "approved this merge request"
      merged_at: "2026-03-02T15:00:00.000Z",
      closed_at: "2026-03-02T15:00:00.000Z",
      additions: 5,
      deletions: 1,
      changed_files: 2,
      commits: 2,
      review_comments: 1,
      draft: false,
      author_is_bot: false,
      base_branch: "main",
      attributes: expect.objectContaining({
        approved_by: ["carol"],
        first_review_requested_at: "2026-03-02T09:01:00.000Z",
        diff_stats_complete: true,
      }),
    });
    expect(await row("prs", "gitlab:grp/api!8")).toMatchObject({
      author_is_bot: true,
      merged_at: null,
      closed_at: "2026-03-03T11:00:00.000Z",
      additions: 1,
      deletions: 1,
    });
    expect(await row("prs", "gitlab:grp/api!9")).toMatchObject({
      draft: true,
      first_review_at: null,
      approved_at: null,
    });
    expect(await row("deployments", "gitlab:grp/api/deployment/71")).toMatchObject({
      environment: "production",
      status: "success",
      finished_at: "2026-03-02T16:00:00.000Z",
      service: "api",
    });
    expect(await row("deployments", "gitlab:grp/api/deployment/72")).toMatchObject({
      environment: "staging",
      status: "failure",
    });
    expect(await row("deployments", "gitlab:grp/api/deployment/73")).toMatchObject({
      status: "in_progress",
      finished_at: "2026-03-04T12:00:00.000Z",
    });
    expect(await row("deployments", "gitlab:grp/api/deployment/74")).toMatchObject({ status: "cancelled" });
  });

  it("imports only what changed on the next run", async () => {
    const server = await start();
    await run();
    expect(await run()).toMatchObject({ prs: 0, deployments: 0 });
    const mr = server.data.projects["grp/api"]?.merge_requests[2];
    if (!mr) throw new Error("sample MR missing");
    mr.mr.updated_at = "2026-03-05T10:00:00.000Z";
    mr.notes.push(
      gitlabNote(9, { id: 901, author: "ann", body: "Nice", created_at: "2026-03-05T10:00:00.000Z" }),
    );
    const before = server.requests.length;
    expect(await run()).toMatchObject({ prs: 1, deployments: 0 });
    const reads = server.requests.slice(before).filter((r) => r.path.endsWith("/notes"));
    expect(reads.map((r) => r.path)).toEqual(["/projects/grp/api/merge_requests/9/notes"]);
    expect(await row("prs", "gitlab:grp/api!9")).toMatchObject({
      first_review_at: "2026-03-05T10:00:00.000Z",
    });
  });

  it("pages through notes one at a time and waits out a 429", async () => {
    const server = await start(1);
    server.script({ status: 429, path: "/projects/grp/api/deployments" });
    const result = await run();
    expect(result).toMatchObject({ prs: 3, deployments: 4, rate_limited_waits: 1 });
    const notePages = server.requests.filter((r) => r.path === "/projects/grp/api/merge_requests/7/notes");
    expect(notePages.map((r) => r.query.page ?? "1")).toEqual(["1", "2", "3", "4"]);
  });

  it("names a missing project and a rejected token", async () => {
    await start();
    const missing = await run({ project: "grp/nope" }).catch((e) => e);
    expect(missing).toBeInstanceOf(NotFoundError);
    expect(missing.message).toBe(`GitLab project grp/nope not found or no access (at ${fake.url}/api/v4)`);
    const rejected = await run({ token: "glpat-wrong" }).catch((e) => e);
    expect(rejected).toBeInstanceOf(ConfigError);
    expect(rejected.message).toContain("GITLAB_TOKEN");
    await expect(run({ project: "api" })).rejects.toThrow(
      '--project: expected GROUP/NAME (e.g. platform/api), got "api"',
    );
  });
});
