import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { coreMigrations, forgeMigrations, NotFoundError, openStore, type Store } from "@uplift/core";
import { githubIssuesSource, importWorkItems, measureMigrations, metricsReport } from "@uplift/measure";
import {
  type FakeGitHub,
  type FakeGitHubData,
  githubIssue,
  githubTimelineEvent,
  githubUser,
  SAMPLE_REPO,
  sampleGitHubData,
  startFakeGitHub,
} from "@uplift/test-support";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { tempDir } from "../cli/run-cli.js";
import { runCliAsync } from "../measure-forge/run-cli-async.js";

const dir = mkdtempSync(path.join(tmpdir(), "uplift-flow-project-"));
let store: Store;
let fake: FakeGitHub | undefined;

beforeAll(async () => {
  store = await openStore({ dataDir: dir });
  await store.migrate([...coreMigrations, ...forgeMigrations, ...measureMigrations]);
});
afterEach(async () => {
  await fake?.close();
  fake = undefined;
  await store.query(
    "TRUNCATE work_items, work_item_transitions, flow_mappings, import_cursors, import_runs CASCADE",
  );
});
afterAll(async () => {
  await store?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function transitionsOf(number: number): Promise<string[]> {
  const { rows } = await store.query<{ at: Date; from_status: string; to_status: string }>(
    "SELECT at, from_status, to_status FROM work_item_transitions WHERE item_id = $1 ORDER BY seq",
    [`github:${SAMPLE_REPO}#${number}`],
  );
  return rows.map((t) => `${t.at.toISOString()} ${t.from_status}→${t.to_status}`);
}

/** Issues 5 and 6 (open, assigned to ann) on board 3 of acme, with a draft, a pull request and another repository's issue. */
function boardData(): FakeGitHubData {
  const data = sampleGitHubData();
  const repo = data.repos[SAMPLE_REPO];
  if (!repo) throw new Error("sample repo missing");
  const issue = (number: number, labels: string[]) => ({
    ...githubIssue(SAMPLE_REPO, {
      number,
      title: `Issue ${number}`,
      author: "ann",
      labels,
      created_at: "2025-03-03T09:00:00Z",
      updated_at: "2025-03-03T12:00:00Z",
    }),
    assignee: githubUser("ann"),
  });
  repo.issues = [issue(5, ["enhancement"]), issue(6, ["bug"])];
  data.projects = {
    acme: {
      3: {
        title: "Roadmap",
        items: [
          {
            id: "PVTI_1",
            repo: SAMPLE_REPO,
            number: 5,
            status: "In Progress",
            updatedAt: "2025-03-04T09:00:00Z",
          },
          { id: "PVTI_2", kind: "DraftIssue", status: "Todo", updatedAt: "2025-03-04T09:00:00Z" },
          { id: "PVTI_3", repo: SAMPLE_REPO, number: 6, status: "QA", updatedAt: "2025-03-04T10:00:00Z" },
          {
            id: "PVTI_4",
            kind: "PullRequest",
            repo: SAMPLE_REPO,
            number: 1,
            status: "In Progress",
            updatedAt: "2025-03-04T09:00:00Z",
          },
          { id: "PVTI_5", repo: "acme/api", number: 1, status: "Done", updatedAt: "2025-03-04T09:00:00Z" },
        ],
      },
    },
  };
  return data;
}

const source = (url: string, extra: Partial<Parameters<typeof githubIssuesSource>[0]> = {}) =>
  githubIssuesSource({ repo: SAMPLE_REPO, project: 3, apiUrl: url, token: "ghp_test", ...extra });

describe("GitHub Projects v2 Status", () => {
  it("turns board Status values into transitions over cursor pages and a GraphQL rate limit; unmapped ones are reported", async () => {
    const data = boardData();
    fake = await startFakeGitHub({ data, token: "ghp_test", maxPerPage: 2 });
    fake.script({ kind: "graphql-rate-limit", path: "/graphql" });
    const result = await importWorkItems(store, source(fake.url));
    expect(result.rate_limited_waits).toBe(1);
    expect(result.unmapped).toEqual([{ kind: "status", name: "QA", items: 1 }]);
    expect(await transitionsOf(5)).toEqual(["2025-03-04T09:00:00.000Z open→In Progress"]);
    expect(await transitionsOf(6)).toEqual(["2025-03-04T10:00:00.000Z open→QA"]);
    const graphql = fake.requests.filter((r) => r.path === "/graphql");
    // 5 board items, 2 per page: 3 pages, the first sent twice (rate limited, then answered)
    expect(graphql.map((r) => r.status)).toEqual([200, 200, 200, 200]);
    expect(
      graphql.map((r) => (r.body as { variables: { after?: string } }).variables.after !== undefined),
    ).toEqual([false, false, true, true]);
    // the other repository's issue is not fetched
    expect(fake.requests.some((r) => r.path.startsWith("/repos/acme/api"))).toBe(false);
  });

  it("records a change of the Status since the last import and keeps it when the issue is read again", async () => {
    const data = boardData();
    fake = await startFakeGitHub({ data, token: "ghp_test" });
    await importWorkItems(store, source(fake.url));
    const board = data.projects?.acme?.[3];
    const five = board?.items.find((i) => i.number === 5);
    if (!five) throw new Error("board item missing");
    five.status = "Done";
    five.updatedAt = "2025-03-06T09:00:00Z";
    // issue 6 is closed and updated after the sample's latest issue: the listing reads it again
    const repo = data.repos[SAMPLE_REPO];
    const six = repo?.issues.find((i) => i.number === 6);
    if (!repo || !six) throw new Error("issue missing");
    Object.assign(six, {
      state: "closed",
      closed_at: "2025-03-07T09:00:00Z",
      updated_at: "2026-06-01T09:00:00Z",
    });
    repo.issueTimelines = {
      6: [
        githubTimelineEvent(SAMPLE_REPO, 6, {
          event: "closed",
          actor: "ann",
          created_at: "2025-03-07T09:00:00Z",
        }),
      ],
    };
    await importWorkItems(store, source(fake.url));
    expect(await transitionsOf(5)).toEqual([
      "2025-03-04T09:00:00.000Z open→In Progress",
      "2025-03-06T09:00:00.000Z In Progress→Done",
    ]);
    expect(await transitionsOf(6)).toEqual([
      "2025-03-04T10:00:00.000Z open→QA",
      "2025-03-07T09:00:00.000Z QA→closed",
    ]);
    const { rows } = await store.query<{ status: string; attributes: Record<string, unknown> }>(
      "SELECT status, attributes FROM work_items WHERE id = $1",
      [`github:${SAMPLE_REPO}#5`],
    );
    expect(rows[0]?.status).toBe("Done");
    expect(rows[0]?.attributes.project_status_history).toEqual([
      { at: "2025-03-04T09:00:00.000Z", to: "In Progress" },
      { at: "2025-03-06T09:00:00.000Z", to: "Done" },
    ]);
    // the board made 5 done: In Progress 03-04 09:00 → Done 03-06 09:00 = 48 h
    const flow = await metricsReport(store, { metrics: ["flow_time"], groupBy: "author" });
    // (6 passed through the unmapped "QA": excluded until a mapping names it)
    expect(flow.metrics.find((m) => m.group === "ann")).toMatchObject({ value: 48, n: 1 });
    // a third import with nothing changed on the board writes no board transitions again
    const again = await importWorkItems(store, source(fake.url));
    expect(await transitionsOf(5)).toHaveLength(2);
    // only issue 6, re-read by the listing's one-second overlap; the unchanged board adds nothing
    expect(again.items).toBe(1);
  });

  it("reads a board without --repo, fetching the issues it has not stored", async () => {
    const data = boardData();
    const board = data.projects?.acme?.[3];
    if (board) board.items = board.items.filter((i) => i.repo !== "acme/api");
    fake = await startFakeGitHub({ data, token: "ghp_test" });
    const result = await importWorkItems(
      store,
      githubIssuesSource({ projectOwner: "acme", project: 3, apiUrl: fake.url, token: "ghp_test" }),
    );
    expect(result).toMatchObject({ scope: "acme/projects/3", items: 2 });
    expect(await transitionsOf(5)).toEqual(["2025-03-04T09:00:00.000Z open→In Progress"]);
    expect(fake.requests.some((r) => r.path === `/repos/${SAMPLE_REPO}/issues/5`)).toBe(true);
  });

  it("says when the project does not exist", async () => {
    fake = await startFakeGitHub({ data: boardData(), token: "ghp_test" });
    await expect(importWorkItems(store, source(fake.url, { project: 9 }))).rejects.toThrow(NotFoundError);
    await expect(importWorkItems(store, source(fake.url, { project: 9 }))).rejects.toThrow(
      /project 9 of acme not found/,
    );
  });

  it("runs through the CLI: --project with --repo, JSON result with the unmapped board status; a bad --project exits 2", async () => {
    fake = await startFakeGitHub({ data: boardData(), token: "ghp_test" });
    const work = tempDir("uplift-flow-project-cli-");
    const env = { GITHUB_API_URL: fake.url, GITHUB_TOKEN: "ghp_test" };
    const uplift = (...args: string[]) =>
      runCliAsync(["--data-dir", path.join(work, "data"), ...args], { cwd: work, env });
    const run = await uplift(
      "measure",
      "import",
      "github-issues",
      "--repo",
      SAMPLE_REPO,
      "--project",
      "3",
      "--json",
    );
    expect(run.status, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({
      source: "github-issues",
      scope: SAMPLE_REPO,
      unmapped: [{ kind: "status", name: "QA", items: 1 }],
    });
    const bad = await uplift(
      "measure",
      "import",
      "github-issues",
      "--repo",
      SAMPLE_REPO,
      "--project",
      "three",
    );
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain("--project three");
    const none = await uplift("measure", "import", "github-issues", "--project", "3");
    expect(none.status).toBe(2);
  });
});
