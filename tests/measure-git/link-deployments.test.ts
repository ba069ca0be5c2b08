import { rmSync } from "node:fs";
import type { Store } from "@uplift/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  isProductionEnvironment,
  linkDeploymentCommits,
} from "../../packages/measure/src/git/link-deployments.js";
import { buildHistory, type History } from "./fixture-history.js";
import { openMeasureStore } from "./measure-store.js";

const repo = "acme/web";

describe.each(["graph", "git-log"] as const)("reading ranges by %s", (ranges) => {
  let store: Store;
  let dispose: () => Promise<void>;
  let history: History;

  function deployment(id: string, environment: string, sha: string, finishedAt: string, status = "success") {
    return [id, "csv", repo, null, environment, sha, finishedAt, status, {}];
  }

  beforeAll(async () => {
    history = buildHistory();
    ({ store, dispose } = await openMeasureStore());
    await store.insertMany(
      "deployments",
      ["id", "source", "repo", "service", "environment", "sha", "finished_at", "status", "attributes"],
      [
        deployment("d0", "production", history.initial, "2025-03-01T12:00:00Z"),
        deployment("d1", "staging", history.pr1Merge, "2025-03-03T13:00:00Z"),
        deployment("d2", "production", history.mr7Merge.slice(0, 10), "2025-03-04T12:00:00Z"),
        deployment("d3", "production", history.bot4, "2025-03-05T21:00:00Z", "failure"),
        deployment("d4", "production", "0123456789abcdef0123456789abcdef01234567", "2025-03-05T22:00:00Z"),
        deployment("d5", "Production-EU", history.bot4, "2025-03-05T23:00:00Z"),
        deployment("other", "production", history.direct, "2025-03-08T00:00:00Z"),
      ].map((row, i) => (i === 6 ? [row[0], row[1], "acme/other", ...row.slice(3)] : row)),
    );
  });
  afterAll(async () => {
    await dispose();
    rmSync(history.repo.dir, { recursive: true, force: true });
  });

  async function shipped(deploymentId: string) {
    const { rows } = await store.query<{ sha: string; authored_at: Date; committed_at: Date; repo: string }>(
      "SELECT sha, authored_at, committed_at, repo FROM deployment_commits WHERE deployment_id = $1 ORDER BY committed_at, sha",
      [deploymentId],
    );
    return rows;
  }

  describe("linkDeploymentCommits", () => {
    it("links each successful production deployment to the commits since the previous one, reporting unknown SHAs", async () => {
      const result = await linkDeploymentCommits(store, { repoPath: history.repo.dir, repo, ranges });
      expect(result).toMatchObject({
        deployments: 4,
        noBaseline: 1,
        linked: 2,
        unknownSha: 1,
        unknownShas: [{ deployment_id: "d4", sha: "0123456789abcdef0123456789abcdef01234567" }],
        baselineSkippedUnknown: 1,
        commits: 7,
      });
      // d2 (abbreviated SHA) shipped PR #1's and !7's commits: rev-list mr7Merge ^initial.
      const d2 = await shipped("d2");
      expect(d2).toHaveLength(5);
      expect(d2[0]).toMatchObject({
        sha: history.bobFirst,
        repo,
        authored_at: new Date("2025-03-02T15:00:00Z"),
        committed_at: new Date("2025-03-02T15:00:00Z"),
      });
      // d5 follows d2 (d4's SHA is unknown, d3 failed): the two squash commits.
      expect((await shipped("d5")).map((row) => row.sha)).toEqual([history.squash3, history.bot4]);
      expect(await shipped("d0")).toEqual([]);
      expect(await shipped("d4")).toEqual([]);
    });

    it("leaves deployments linked before against the same SHAs alone on the next run", async () => {
      const again = await linkDeploymentCommits(store, { repoPath: history.repo.dir, repo, ranges });
      expect(again).toMatchObject({ linked: 0, unchanged: 2, commits: 0, unknownSha: 1 });
      expect(await shipped("d5")).toHaveLength(2);
    });

    it("links a rollback to nothing and the next deployment to what it shipped since the rollback", async () => {
      await store.insertMany(
        "deployments",
        ["id", "source", "repo", "service", "environment", "sha", "finished_at", "status", "attributes"],
        [
          deployment("d6", "production", history.mr7Merge, "2025-03-06T00:00:00Z"),
          deployment("d7", "production", history.direct, "2025-03-08T00:00:00Z"),
        ],
      );
      const result = await linkDeploymentCommits(store, { repoPath: history.repo.dir, repo, ranges });
      expect(result).toMatchObject({ linked: 2, unchanged: 2 });
      expect(await shipped("d6")).toEqual([]);
      expect((await shipped("d7")).map((row) => row.sha).sort()).toEqual(
        [history.squash3, history.bot4, history.rebaseFirst, history.rebaseLast, history.direct].sort(),
      );
      await store.query("DELETE FROM deployments WHERE id IN ('d6', 'd7')");
      expect(await linkDeploymentCommits(store, { repoPath: history.repo.dir, repo, ranges })).toMatchObject({
        linked: 0,
      });
      expect(await shipped("d7")).toEqual([]);
    });

    it("drops the links of a deployment that is no longer a successful one", async () => {
      await store.query("UPDATE deployments SET status = 'failure' WHERE id = 'd2'");
      const result = await linkDeploymentCommits(store, { repoPath: history.repo.dir, repo, ranges });
      expect(result).toMatchObject({ deployments: 3, linked: 1 });
      expect(await shipped("d2")).toEqual([]);
      // d5 now ships everything since d0.
      expect(await shipped("d5")).toHaveLength(7);
    });
  });

  describe("linkDeploymentCommits with a production pattern", () => {
    it("links only the environments the pattern names", async () => {
      const result = await linkDeploymentCommits(store, {
        repoPath: history.repo.dir,
        repo,
        ranges,
        production: /^staging$/,
      });
      expect(result).toMatchObject({ deployments: 1, noBaseline: 1, linked: 0 });
      // The production deployments' links are gone: they are not production under this pattern.
      expect(await shipped("d5")).toEqual([]);
    });
  });
});

describe("isProductionEnvironment", () => {
  it("accepts production names with a suffix and nothing else", () => {
    expect(["production", "prod", "Production-EU", "prod/us-east"].map(isProductionEnvironment)).toEqual([
      true,
      true,
      true,
      true,
    ]);
    expect(["staging", "preprod", "production2", "dev"].map(isProductionEnvironment)).toEqual([
      false,
      false,
      false,
      false,
    ]);
  });
});
