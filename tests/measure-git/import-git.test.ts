import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { InputError, type Store } from "@uplift/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importGitRepository } from "../../packages/measure/src/git/import-git-repository.js";
import { ANN, buildHistory, type History } from "./fixture-history.js";
import { type Driver, openMeasureStore } from "./measure-store.js";

describe.each<Driver>(["pglite", "postgres"])("on %s", (driver) => {
  let store: Store;
  let dispose: () => Promise<void>;
  let history: History;

  beforeAll(async () => {
    history = buildHistory();
    ({ store, dispose } = await openMeasureStore(driver));
  });
  afterAll(async () => {
    await dispose();
    rmSync(history.repo.dir, { recursive: true, force: true });
  });

  async function prs(repo: string) {
    const { rows } = await store.query<Record<string, unknown>>(
      `SELECT id, number, author, title, created_at, first_commit_at, merged_at, additions, deletions, changed_files,
              commits, author_is_bot, base_branch, merge_sha, source, attributes
       FROM prs WHERE repo = $1 ORDER BY merged_at`,
      [repo],
    );
    return rows;
  }

  describe("importGitRepository on a fresh store", () => {
    const repo = "acme/web";
    let result: Awaited<ReturnType<typeof importGitRepository>>;

    beforeAll(async () => {
      result = await importGitRepository(store, { path: history.repo.dir, repo });
    });

    it("reads every commit of the branch and reports what landed how", () => {
      expect(result).toMatchObject({
        repo,
        branch: "main",
        mode: "full",
        cursor: history.syncMerge,
        commits: 13,
        prs: 5,
        directCommits: 2,
        otherMerges: 1,
        squashesWithHeadRef: 1,
        skipped: 0,
        forcePushed: false,
      });
      expect(result.prsByKind).toMatchObject({
        "github-merge": 1,
        "gitlab-merge": 1,
        "github-squash": 2,
        rebase: 1,
        "branch-merge": 0,
      });
    });

    it("writes one prs row per detected PR with times from Git and the definitions' fields", async () => {
      const rows = await prs(repo);
      expect(rows.map((row) => row.id)).toEqual([
        "git:acme/web#1",
        "git:acme/web#7",
        "git:acme/web#3",
        "git:acme/web#4",
        `git:acme/web@${history.rebaseLast}`,
      ]);
      const [pr1, mr7, squash3, bot4, rebase] = rows;
      expect(pr1).toMatchObject({
        number: 1,
        author: "bob@example.com",
        title: "Add login",
        created_at: new Date("2025-03-02T15:00:00Z"),
        first_commit_at: new Date("2025-03-02T15:00:00Z"),
        merged_at: new Date("2025-03-03T12:00:00Z"),
        commits: 2,
        additions: 4,
        deletions: 0,
        changed_files: 1,
        author_is_bot: false,
        base_branch: "main",
        merge_sha: history.pr1Merge,
        source: "git",
      });
      expect(pr1?.attributes).toMatchObject({
        kind: "github-merge",
        source_branch: "bob/feature-login",
        merged_by: "ann@example.com",
        created_at_from: "first_commit",
        created_at_tz_offset_min: -300,
      });
      expect(mr7).toMatchObject({
        number: 7,
        author: "carol@example.com",
        title: "Fix typo in README",
        created_at: new Date("2025-03-04T02:30:00Z"),
        merged_at: new Date("2025-03-04T09:30:00Z"),
        commits: 1,
        additions: 1,
        deletions: 1,
      });
      expect(mr7?.attributes).toMatchObject({
        kind: "gitlab-merge",
        reference: "acme/web!7",
        author_name: "Carol Doe",
      });
      expect(squash3).toMatchObject({
        author: "dan@example.com",
        title: "Add search",
        created_at: new Date("2025-03-05T04:00:00Z"),
        first_commit_at: new Date("2025-03-05T04:00:00Z"),
        merged_at: new Date("2025-03-05T18:00:00Z"),
        commits: 2,
        additions: 2,
      });
      expect(squash3?.attributes).toMatchObject({
        created_at_from: "first_commit",
        commits_from: "head_ref",
      });
      // No head ref: Git knows only the squash commit, whose author time GitHub sets to the merge time.
      expect(bot4).toMatchObject({
        author: "dependabot[bot]",
        author_is_bot: true,
        number: 4,
        created_at: new Date("2025-03-05T20:00:00Z"),
        first_commit_at: null,
        commits: 1,
      });
      expect(bot4?.attributes).toMatchObject({ created_at_from: "landing_commit" });
      expect(rebase).toMatchObject({
        number: null,
        author: "erin@example.com",
        title: "Cache sessions",
        created_at: new Date("2025-03-06T07:00:00Z"),
        merged_at: new Date("2025-03-06T16:00:00Z"),
        commits: 2,
        merge_sha: history.rebaseLast,
      });
      expect(rebase?.attributes).toMatchObject({ kind: "rebase", merged_by: "noreply@github.com" });
    });

    it("records the run in the data-quality report, counting PRs Git cannot date", async () => {
      const { rows } = await store.query<Record<string, unknown>>(
        "SELECT kind, scope, rows_read, rows_written, skipped, anomalies FROM import_runs WHERE connector = 'git' ORDER BY kind",
      );
      expect(rows).toEqual([
        {
          kind: "commits",
          scope: "acme/web:main",
          rows_read: 13,
          rows_written: 13,
          skipped: {},
          anomalies: {},
        },
        {
          kind: "prs",
          scope: "acme/web:main",
          rows_read: 5,
          rows_written: 5,
          skipped: {},
          anomalies: { "missing_span:pr_cycle_time": 1, "unknown_created_at:pr_merge_time": 1 },
        },
      ]);
    });

    it("stores commits with the author's UTC offset and the mailmapped identity", async () => {
      const { rows } = await store.query<Record<string, unknown>>(
        "SELECT sha, author, author_email, authored_at, author_tz_offset_min, committed_at, parents FROM commits WHERE repo = $1",
        [repo],
      );
      expect(rows).toHaveLength(13);
      const bySha = new Map(rows.map((row) => [row.sha, row]));
      expect(bySha.get(history.bobFirst)).toMatchObject({
        author: "bob@example.com",
        authored_at: new Date("2025-03-02T15:00:00Z"),
        author_tz_offset_min: -300,
        parents: [history.initial],
      });
      const carol = rows.find((row) => row.author_email === "carol@example.com");
      expect(carol).toMatchObject({ author: "carol@example.com", author_tz_offset_min: 330 });
      expect(bySha.get(history.squash3)).toMatchObject({ committed_at: new Date("2025-03-05T18:00:00Z") });
      expect(bySha.get(history.pr1Merge)?.parents).toHaveLength(2);
    });

    it("reads nothing new when the branch has not moved", async () => {
      const again = await importGitRepository(store, { path: history.repo.dir, repo });
      expect(again).toMatchObject({ mode: "up-to-date", commits: 0, prs: 0, cursor: history.syncMerge });
    });

    it("imports only the commits after the cursor on the next run", async () => {
      history.repo.checkout("docs", { create: true });
      history.repo.commit({ message: "Document the API", author: ANN, date: "2025-03-08T09:00:00+01:00" });
      history.repo.checkout("main");
      const merge8 = history.repo.merge("docs", {
        message: "Merge pull request #8 from ann/docs\n\nDocs",
        author: ANN,
        date: "2025-03-08T10:00:00+01:00",
      });
      const next = await importGitRepository(store, { path: history.repo.dir, repo });
      expect(next).toMatchObject({
        mode: "incremental",
        previousCursor: history.syncMerge,
        cursor: merge8,
        commits: 2,
        prs: 1,
        directCommits: 0,
      });
      expect((await prs(repo)).map((row) => row.id)).toContain("git:acme/web#8");
    });

    it("re-walks a force-pushed branch, keeps the PRs still there and removes the ones rewritten away", async () => {
      history.repo.git(["reset", "-q", "--hard", history.bot4]);
      const rework = history.repo.commit({
        message: "Rework docs (#9)",
        author: ANN,
        date: "2025-03-09T09:00:00+01:00",
      });
      const rewalk = await importGitRepository(store, { path: history.repo.dir, repo });
      expect(rewalk).toMatchObject({
        mode: "rewalk",
        forcePushed: true,
        cursor: rework,
        commits: 9,
        prs: 5,
        removedPrs: 2,
      });
      expect((await prs(repo)).map((row) => row.id)).toEqual([
        "git:acme/web#1",
        "git:acme/web#7",
        "git:acme/web#3",
        "git:acme/web#4",
        "git:acme/web#9",
      ]);
    });
  });

  describe("importGitRepository options", () => {
    it("writes the developer login that the identities table maps a Git email to", async () => {
      await store.query(
        "INSERT INTO identities (alias, login, source) VALUES ('bob@example.com', 'bob', 'test'), ('carol@example.com', 'carol', 'test')",
      );
      try {
        await importGitRepository(store, { path: history.repo.dir, repo: "acme/web-logins" });
        const [pr1, mr7] = await prs("acme/web-logins");
        expect(pr1).toMatchObject({ author: "bob" });
        expect(pr1?.attributes).toMatchObject({ author_key: "bob@example.com" });
        expect(mr7).toMatchObject({ author: "carol" });
        const { rows } = await store.query(
          "SELECT DISTINCT author FROM commits WHERE repo = 'acme/web-logins' AND author_email = 'bob@example.com'",
        );
        expect(rows).toEqual([{ author: "bob" }]);
      } finally {
        await store.query("DELETE FROM identities WHERE source = 'test'");
      }
    });

    it("applies an external mailmap file on top of the repository's", async () => {
      const dir = mkdtempSync(path.join(tmpdir(), "uplift-mailmap-"));
      const mailmap = path.join(dir, "mailmap");
      writeFileSync(mailmap, "Robert Stone <robert@example.com> <bob@example.com>\n");
      try {
        await importGitRepository(store, { path: history.repo.dir, repo: "acme/web-mailmap", mailmap });
        const [pr1] = await prs("acme/web-mailmap");
        expect(pr1).toMatchObject({ id: "git:acme/web-mailmap#1", author: "robert@example.com" });
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });

    it("with --since reads only the PRs landed after that date, whole", async () => {
      const result = await importGitRepository(store, {
        path: history.repo.dir,
        repo: "acme/web-since",
        since: "2025-03-05",
      });
      expect(result).toMatchObject({ mode: "full", prs: 3 });
      expect((await prs("acme/web-since")).map((row) => row.id)).toEqual([
        "git:acme/web-since#3",
        "git:acme/web-since#4",
        "git:acme/web-since#9",
      ]);
    });

    it("refuses a path that is not a Git repository, an unknown branch and a bad date, naming the flag", async () => {
      const empty = mkdtempSync(path.join(tmpdir(), "uplift-not-git-"));
      try {
        await expect(importGitRepository(store, { path: empty })).rejects.toThrow(
          /--path .*not a Git repository/,
        );
        await expect(importGitRepository(store, { path: path.join(empty, "missing") })).rejects.toThrow(
          /--path .*no such directory/,
        );
        await expect(importGitRepository(store, { path: history.repo.dir, branch: "nope" })).rejects.toThrow(
          /--branch nope: no such branch/,
        );
        await expect(
          importGitRepository(store, { path: history.repo.dir, since: "last week" }),
        ).rejects.toBeInstanceOf(InputError);
      } finally {
        rmSync(empty, { recursive: true, force: true });
      }
    });
  });
});
