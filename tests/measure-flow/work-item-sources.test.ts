import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { coreMigrations, forgeMigrations, openStore, type Store } from "@uplift/core";
import {
  type FakeJira,
  githubIssue,
  githubTimelineEvent,
  githubUser,
  gitlabIssue,
  jiraIssue,
  SAMPLE_GITLAB_PROJECT,
  SAMPLE_REPO,
  sampleGitHubData,
  sampleGitLabData,
  sampleJiraData,
  startFakeGitHub,
  startFakeGitLab,
  startFakeJira,
} from "@uplift/test-support";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  githubIssuesSource,
  gitlabIssuesSource,
  importWorkItems,
  jiraSource,
  linkWorkItemsToPrs,
  measureMigrations,
  metricsReport,
} from "../../packages/measure/src/index.js";

const dir = mkdtempSync(path.join(tmpdir(), "uplift-flow-sources-"));
let store: Store;

beforeAll(async () => {
  store = await openStore({ dataDir: dir });
  await store.migrate([...coreMigrations, ...forgeMigrations, ...measureMigrations]);
});
afterAll(async () => {
  await store?.close();
  rmSync(dir, { recursive: true, force: true });
});
beforeEach(async () => {
  await store.query(
    "TRUNCATE work_items, work_item_transitions, flow_mappings, import_cursors, import_runs, prs CASCADE",
  );
});

async function item(id: string): Promise<Record<string, unknown> & { transitions: string[] }> {
  const { rows } = await store.query<Record<string, unknown>>("SELECT * FROM work_items WHERE id = $1", [id]);
  const { rows: transitions } = await store.query<{ at: Date; from_status: string; to_status: string }>(
    "SELECT at, from_status, to_status FROM work_item_transitions WHERE item_id = $1 ORDER BY seq",
    [id],
  );
  return {
    ...rows[0],
    transitions: transitions.map((t) => `${t.at.toISOString()} ${t.from_status}→${t.to_status}`),
  };
}

const flowTime = async () =>
  (await metricsReport(store, { metrics: ["flow_time"], groupBy: "author" })).metrics;

describe("Jira", () => {
  const TOKEN = "jira-api-token";
  const EMAIL = "bot@example.com";
  let jira: FakeJira;
  const source = (extra: Partial<Parameters<typeof jiraSource>[0]> = {}) =>
    jiraSource({ url: jira.url, project: "WEB", token: TOKEN, email: EMAIL, retryBaseMs: 5, ...extra });

  it("imports issues over pages (Cloud v3 tokens) with truncated changelogs, categories, sprints, dev info and a 429", async () => {
    jira = await startFakeJira({
      data: sampleJiraData(),
      token: TOKEN,
      email: EMAIL,
      maxResults: 2,
      maxEmbeddedHistories: 2,
    });
    try {
      jira.script({ status: 429, path: "/rest/api/3/search/jql" });
      const result = await importWorkItems(store, source({ apiVersion: "3", devInfo: true }));
      expect(result).toMatchObject({
        source: "jira",
        items: 3,
        transitions: 7,
        unmapped: [],
        rate_limited_waits: 1,
      });
      // two search pages (tokens), WEB-1's changelog (5 histories, 2 embedded) read from /changelog
      const searches = jira.requests.filter((r) => r.path === "/rest/api/3/search/jql" && r.status === 200);
      expect(searches.map((r) => r.query.nextPageToken ?? null)).toEqual([null, expect.any(String)]);
      expect(jira.requests.some((r) => r.path === "/rest/api/3/issue/WEB-1/changelog")).toBe(true);
      expect(jira.requests[0]?.headers.authorization).toBe(
        `Basic ${Buffer.from(`${EMAIL}:${TOKEN}`).toString("base64")}`,
      );

      const web1 = await item("jira:WEB-1");
      expect(web1).toMatchObject({
        type: "Story",
        status: "Done",
        assignee: "ann@example.com",
        project: "WEB",
        sprint: "Sprint 4",
        story_points: 3,
        linked_prs: ["github:acme/web#12"],
      });
      // the assignee change is not a transition
      expect(web1.transitions).toEqual([
        "2025-03-03T10:00:00.000Z To Do→In Progress",
        "2025-03-04T10:00:00.000Z In Progress→Blocked",
        "2025-03-04T16:00:00.000Z Blocked→In Review",
        "2025-03-05T09:00:00.000Z In Review→Done",
      ]);
      // "QA" has no default: Jira's category (In Progress → active) maps it, stored for review
      const { rows } = await store.query("SELECT name, flow, origin FROM flow_mappings WHERE key = 'qa'");
      expect(rows).toEqual([{ name: "QA", flow: "active", origin: "jira-category" }]);
      // WEB-1 47 h (ann), WEB-2 21 h (bob: QA is active)
      expect((await flowTime()).map((r) => [r.group, r.value])).toEqual([
        ["557058:bob", 21],
        ["ann@example.com", 47],
      ]);
    } finally {
      await jira.close();
    }
  });

  it("resumes from its cursor with Server/DC v2 (startAt) and picks up an updated issue", async () => {
    jira = await startFakeJira({ data: sampleJiraData(), token: TOKEN, maxResults: 2 });
    try {
      const first = await importWorkItems(store, source({ apiVersion: "2", email: undefined }));
      expect(first.items).toBe(3);
      expect(jira.requests.find((r) => r.path === "/rest/api/2/search")?.headers.authorization).toBe(
        `Bearer ${TOKEN}`,
      );
      const web3 = jira.data.issues.find((i) => i.key === "WEB-3");
      const done = jiraIssue({
        key: "WEB-3",
        type: "Task",
        status: "Done",
        category: "done",
        created: "2025-03-04T09:00:00Z",
        resolved: "2025-03-06T09:30:00Z",
        updated: "2025-03-06T09:30:00Z",
        transitions: [
          { at: "2025-03-04T09:30:00Z", from: "To Do", to: "In Progress" },
          { at: "2025-03-06T09:30:00Z", from: "In Progress", to: "Done" },
        ],
      });
      Object.assign(web3 as object, done);
      jira.requests.length = 0;
      const second = await importWorkItems(store, source({ apiVersion: "2", email: undefined }));
      const jql = jira.requests.find((r) => r.path === "/rest/api/2/search")?.query.jql ?? "";
      // a day of overlap before the stored mark (2025-03-05 09:00, WEB-1's last update)
      expect(jql).toBe('(project = "WEB") AND updated >= "2025/03/04 09:00" ORDER BY updated ASC, key ASC');
      // WEB-2 (updated 03-04 09:00) falls in the overlap and is written again, idempotently
      expect(second.items).toBe(3);
      expect((await item("jira:WEB-3")).transitions).toHaveLength(2);
    } finally {
      await jira.close();
    }
  });

  it("links items to stored PRs by keys in titles and branches", async () => {
    jira = await startFakeJira({ data: sampleJiraData(), token: TOKEN, email: EMAIL });
    try {
      await importWorkItems(store, source());
      await store.query(`INSERT INTO prs (id, repo, author, title, created_at, attributes) VALUES
        ('github:acme/web#30', 'acme/web', 'bob', 'Fix the login (WEB-2)', now(), '{}'),
        ('github:acme/web#31', 'acme/web', 'ann', 'Tidy', now(), '{"head_branch": "feature/WEB-3-tidy"}'),
        ('github:acme/web#32', 'acme/web', 'ann', 'OTHER-1 and XWEB-2', now(), '{}')`);
      expect(await linkWorkItemsToPrs(store)).toBe(2);
      expect((await item("jira:WEB-2")).linked_prs).toEqual(["github:acme/web#30"]);
      expect((await item("jira:WEB-3")).linked_prs).toEqual(["github:acme/web#31"]);
      expect(await linkWorkItemsToPrs(store)).toBe(0);
    } finally {
      await jira.close();
    }
  });

  it("says what to fix when the credentials are refused", async () => {
    jira = await startFakeJira({ data: sampleJiraData(), token: TOKEN, email: EMAIL });
    try {
      await expect(importWorkItems(store, source({ token: "wrong" }))).rejects.toThrow(
        /refused the credentials \(401/,
      );
    } finally {
      await jira.close();
    }
  });
});

describe("GitHub issues", () => {
  it("turns timeline closes, reopens and status labels into transitions, over pages and a rate limit", async () => {
    const data = sampleGitHubData();
    const repo = data.repos[SAMPLE_REPO];
    if (!repo) throw new Error("sample repo missing");
    const issue = (number: number, labels: string[], closed?: string) => ({
      ...githubIssue(SAMPLE_REPO, {
        number,
        title: `Issue ${number}`,
        author: "ann",
        labels,
        created_at: "2025-03-03T09:00:00Z",
        updated_at: `2025-03-0${number}T12:00:00Z`,
        closed_at: closed ?? null,
      }),
      assignee: githubUser("ann"),
    });
    repo.issues = [
      issue(5, ["bug"], "2025-03-05T09:00:00Z"),
      issue(6, ["enhancement", "status: In Progress"]),
    ];
    const ev = (number: number, event: "labeled" | "closed" | "reopened", at: string, label?: string) =>
      githubTimelineEvent(SAMPLE_REPO, number, {
        event,
        actor: "ann",
        created_at: at,
        ...(label ? { label } : {}),
      } as never);
    repo.issueTimelines = {
      5: [
        ev(5, "labeled", "2025-03-03T09:00:00Z", "bug"),
        ev(5, "labeled", "2025-03-03T10:00:00Z", "in progress"),
        ev(5, "closed", "2025-03-04T09:00:00Z"),
        ev(5, "reopened", "2025-03-04T12:00:00Z"),
        ev(5, "closed", "2025-03-05T09:00:00Z"),
      ],
      6: [ev(6, "labeled", "2025-03-04T09:00:00Z", "status: In Progress")],
    };
    const fake = await startFakeGitHub({ data, token: "ghp_test", maxPerPage: 1 });
    try {
      fake.script({ kind: "secondary-rate-limit", path: /\/issues$/ });
      const result = await importWorkItems(
        store,
        githubIssuesSource({ repo: SAMPLE_REPO, apiUrl: fake.url, token: "ghp_test" }),
      );
      expect(result).toMatchObject({ source: "github-issues", items: 2, rate_limited_waits: 1 });
      const five = await item(`github:${SAMPLE_REPO}#5`);
      expect(five).toMatchObject({ type: "bug", status: "closed", assignee: "ann", project: SAMPLE_REPO });
      expect(five.transitions).toEqual([
        "2025-03-03T10:00:00.000Z open→in progress",
        "2025-03-04T09:00:00.000Z in progress→closed",
        "2025-03-04T12:00:00.000Z closed→in progress",
        "2025-03-05T09:00:00.000Z in progress→closed",
      ]);
      // "In Progress" maps by default; the open issue is active since 03-04 09:00
      expect((await item(`github:${SAMPLE_REPO}#6`)).transitions).toEqual([
        "2025-03-04T09:00:00.000Z open→In Progress",
      ]);
      // start 03-03 10:00 → last done 03-05 09:00 = 47 h
      expect((await flowTime()).map((r) => [r.group, r.value])).toEqual([["ann", 47]]);
      // a second run asks from the stored mark (the latest update listed, pull requests included, less 1 s)
      const { rows } = await store.query<{ cursor: { since: string } }>(
        "SELECT cursor FROM import_cursors WHERE connector = 'github-issues'",
      );
      const mark = rows[0]?.cursor.since as string;
      fake.requests.length = 0;
      const again = await importWorkItems(
        store,
        githubIssuesSource({ repo: SAMPLE_REPO, apiUrl: fake.url, token: "ghp_test" }),
      );
      expect(fake.requests.find((r) => r.path.endsWith("/issues"))?.query.since).toBe(
        new Date(Date.parse(mark) - 1000).toISOString(),
      );
      expect(again.items).toBe(0);
    } finally {
      await fake.close();
    }
  });
});

describe("GitLab issues", () => {
  it("turns resource state and scoped label events into transitions, and reports unmapped statuses", async () => {
    const data = sampleGitLabData();
    const project = data.projects[SAMPLE_GITLAB_PROJECT];
    if (!project) throw new Error("sample project missing");
    project.issues = [
      gitlabIssue(SAMPLE_GITLAB_PROJECT, 1, {
        iid: 1,
        title: "Crash on save",
        author: "ann",
        assignee: "bob",
        labels: ["bug"],
        created_at: "2025-03-03T09:00:00Z",
        updated_at: "2025-03-04T09:00:00Z",
        closed_at: "2025-03-04T09:00:00Z",
        events: [
          { at: "2025-03-03T09:30:00Z", action: "add", label: "workflow::In Progress" },
          { at: "2025-03-03T15:30:00Z", action: "add", label: "workflow::Awaiting Deploy" },
          { at: "2025-03-04T09:00:00Z", state: "closed" },
        ],
      }),
    ];
    const fake = await startFakeGitLab({ data, token: "glpat-test" });
    try {
      fake.script({ status: 429, path: /\/issues$/ });
      const result = await importWorkItems(
        store,
        gitlabIssuesSource({
          project: SAMPLE_GITLAB_PROJECT,
          apiUrl: fake.url,
          token: "glpat-test",
          retryBaseMs: 5,
        }),
      );
      expect(result).toMatchObject({
        items: 1,
        transitions: 3,
        rate_limited_waits: 1,
        unmapped: [{ kind: "status", name: "Awaiting Deploy", items: 1 }],
      });
      expect((await item(`gitlab:${SAMPLE_GITLAB_PROJECT}#1`)).transitions).toEqual([
        "2025-03-03T09:30:00.000Z open→In Progress",
        "2025-03-03T15:30:00.000Z In Progress→Awaiting Deploy",
        "2025-03-04T09:00:00.000Z Awaiting Deploy→closed",
      ]);
      // excluded until mapped, and said so
      const [row] = (await metricsReport(store, { metrics: ["flow_time"] })).metrics;
      expect(row).toMatchObject({ n: 0, excluded: { unmapped_status: 1 } });
      const { rows } = await store.query<{ anomalies: Record<string, number> }>(
        "SELECT anomalies FROM import_runs WHERE connector = 'gitlab-issues'",
      );
      expect(rows[0]?.anomalies).toEqual({ "unmapped_status:Awaiting Deploy": 1 });
    } finally {
      await fake.close();
    }
  });
});
