import { rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli, tempDir } from "../cli/run-cli.js";
import { buildHistory, type History } from "./fixture-history.js";

let history: History;
let work: string;

beforeAll(() => {
  history = buildHistory();
  work = tempDir("uplift-cli-git-");
});
afterAll(() => {
  rmSync(history.repo.dir, { recursive: true, force: true });
  rmSync(work, { recursive: true, force: true });
});

describe("uplift measure import git", () => {
  const dataDir = () => path.join(work, "data");

  it("imports a clone and prints { repo, commits, prs, skipped, cursor } with --json", () => {
    const result = runCli([
      "measure",
      "import",
      "git",
      "--path",
      history.repo.dir,
      "--repo",
      "acme/web",
      "--data-dir",
      dataDir(),
      "--json",
    ]);
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    const out = JSON.parse(result.stdout);
    expect(out).toMatchObject({
      repo: "acme/web",
      commits: 13,
      prs: 5,
      skipped: 0,
      cursor: history.syncMerge,
    });
    expect(out.prs_by_kind).toMatchObject({
      "github-merge": 1,
      "gitlab-merge": 1,
      "github-squash": 2,
      rebase: 1,
    });
  });

  it("reads nothing on a second run of an unchanged branch", () => {
    const result = runCli(
      ["measure", "import", "git", "--path", history.repo.dir, "--repo", "acme/web", "--json"],
      { env: { UPLIFT_DATA_DIR: dataDir() } },
    );
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ mode: "up-to-date", commits: 0, prs: 0 });
  });

  it("links the deployments imported before to the commits they shipped", () => {
    const csv = path.join(work, "deployments.csv");
    writeFileSync(
      csv,
      [
        "id,repo,environment,sha,finished_at,status",
        `d0,acme/web,production,${history.initial},2025-03-01T12:00:00Z,success`,
        `d1,acme/web,production,${history.mr7Merge},2025-03-04T12:00:00Z,success`,
        "d2,acme/web,production,0123456789abcdef0123456789abcdef01234567,2025-03-05T12:00:00Z,success",
      ].join("\n"),
    );
    const imported = runCli([
      "measure",
      "import",
      "csv",
      "--kind",
      "deployments",
      csv,
      "--data-dir",
      dataDir(),
    ]);
    expect(imported.status).toBe(0);
    const result = runCli([
      "measure",
      "import",
      "git",
      "--path",
      history.repo.dir,
      "--repo",
      "acme/web",
      "--data-dir",
      dataDir(),
      "--json",
    ]);
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout).deployments).toMatchObject({
      production_successes: 3,
      linked: 1,
      commits: 5,
      no_baseline: 1,
      unknown_sha: 1,
      unknown_shas: [{ deployment_id: "d2", sha: "0123456789abcdef0123456789abcdef01234567" }],
    });
  });

  it("leaves a squash without its head ref out of pr_merge_time: Git cannot date its opening", () => {
    const explained = runCli([
      "measure",
      "metrics",
      "--explain",
      "pr_merge_time",
      "--include-bots",
      "--data-dir",
      dataDir(),
      "--json",
    ]);
    expect(explained.status, explained.stderr).toBe(0);
    const records = JSON.parse(explained.stdout).records as { record: string; excluded: string | null }[];
    // the dependabot squash (#4) has only its landing commit; the other PRs have a first commit
    const excluded = records.filter((r) => r.excluded === "missing_start");
    expect(excluded.map((r) => r.record)).toEqual(["git:acme/web#4"]);
    expect(records.filter((r) => r.excluded === null)).toHaveLength(records.length - 1);
  });

  it("takes release tags on the branch as production deployments with --deployments-from-tags", () => {
    const repo = history.repo;
    repo.git(["tag", "v1.0", history.initial]);
    repo.git(["tag", "-a", "v1.1.0", "-m", "1.1.0", history.mr7Merge], {
      GIT_COMMITTER_DATE: "2025-03-04T12:00:00Z",
    });
    repo.git(["tag", "v2.0.0-rc.1", history.squash3]);
    try {
      const run = (...extra: string[]) =>
        runCli([
          "measure",
          "import",
          "git",
          "--path",
          repo.dir,
          "--repo",
          "acme/web",
          "--data-dir",
          path.join(work, "tags-data"),
          "--json",
          ...extra,
        ]);
      const result = run("--deployments-from-tags");
      expect(result.status, result.stderr).toBe(0);
      // v1.0 and v1.1.0 are releases; the release candidate is left out; v1.1.0 ships what came after v1.0
      expect(JSON.parse(result.stdout).deployments).toMatchObject({
        from_tags: 2,
        tags_not_matching: 1,
        production_successes: 2,
        linked: 1,
        commits: 5,
        no_baseline: 1,
      });
      const metrics = runCli([
        "measure",
        "metrics",
        "--metric",
        "deployment_frequency",
        "--data-dir",
        path.join(work, "tags-data"),
        "--json",
      ]);
      expect(JSON.parse(metrics.stdout).metrics[0]).toMatchObject({ name: "deployment_frequency", n: 2 });
      const bad = run("--deployments-from-tags", "v(");
      expect(bad.status).toBe(2);
      expect(bad.stderr).toContain("--deployments-from-tags v(: not a regular expression");
    } finally {
      repo.git(["tag", "-d", "v1.0", "v1.1.0", "v2.0.0-rc.1"]);
    }
  });

  it("exits 2 naming --production-env when it is not a regular expression", () => {
    const result = runCli([
      "measure",
      "import",
      "git",
      "--path",
      history.repo.dir,
      "--production-env",
      "prod(",
      "--data-dir",
      dataDir(),
    ]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("--production-env prod(: not a regular expression");
  });

  it("exits 2 naming --path when the directory is not a Git repository", () => {
    const result = runCli(["measure", "import", "git", "--path", work, "--data-dir", dataDir()]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(`--path ${work}: not a Git repository`);
  });

  it("exits 2 naming --since when the date is not one", () => {
    const result = runCli([
      "measure",
      "import",
      "git",
      "--path",
      history.repo.dir,
      "--since",
      "yesterday",
      "--data-dir",
      dataDir(),
    ]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("--since yesterday: not a date");
  });
});
