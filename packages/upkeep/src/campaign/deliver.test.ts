import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { GitHubClient, GitLabClient, silentLogger } from "@uplift/core";
import { type FakeGitHub, githubPull, startFakeGitHub } from "@uplift/test-support";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deliver, type ForgeClients } from "./deliver.js";

const env = {
  ...process.env,
  GIT_AUTHOR_NAME: "t",
  GIT_AUTHOR_EMAIL: "t@example.com",
  GIT_COMMITTER_NAME: "t",
  GIT_COMMITTER_EMAIL: "t@example.com",
};
const git = (cwd: string, ...args: string[]) => execFileSync("git", args, { cwd, env, encoding: "utf8" });

let github: FakeGitHub;
let forges: ForgeClients;
let root: string;

/** A clone with one commit on top of main whose origin is a bare repository. */
function sandbox(name: string): { dir: string; bare: string } {
  const bare = path.join(root, `${name}.git`);
  const dir = path.join(root, name);
  mkdirSync(bare);
  git(bare, "init", "--quiet", "--bare", "--initial-branch=main");
  mkdirSync(dir);
  git(dir, "init", "--quiet", "--initial-branch=main");
  writeFileSync(path.join(dir, "a.txt"), "a\n");
  git(dir, "add", "-A");
  git(dir, "commit", "--quiet", "-m", "base");
  git(dir, "remote", "add", "origin", bare);
  git(dir, "push", "--quiet", "origin", "main");
  writeFileSync(path.join(dir, "a.txt"), "b\n");
  git(dir, "commit", "--quiet", "-am", "bump");
  return { dir, bare };
}

beforeAll(async () => {
  root = mkdtempSync(path.join(tmpdir(), "uplift-deliver-"));
  github = await startFakeGitHub({
    token: "t",
    data: {
      repos: { "acme/web": { pulls: [], issues: [], deployments: [], releases: [], refs: {} } },
      copilot: {},
    },
  });
  forges = {
    github: () => new GitHubClient({ baseUrl: github.url, token: "t", env: {} }),
    gitlab: () => new GitLabClient({ baseUrl: "http://127.0.0.1:9", token: "t", env: {} }),
  };
});
afterAll(async () => {
  await github?.close();
});

describe("delivery", () => {
  it("pushes only the campaign branch to a plain remote", async () => {
    const { dir, bare } = sandbox("plain");
    const request = { dir, remoteUrl: bare, branch: "uplift/campaign-c1", title: "t", body: "b", labels: [] };
    const delivered = await deliver({ ...request, alreadyPushed: false }, forges, silentLogger());
    expect(delivered.via).toBe("git");
    expect(git(bare, "rev-parse", "uplift/campaign-c1").trim()).toBe(git(dir, "rev-parse", "HEAD").trim());
    expect(git(bare, "rev-parse", "main").trim()).toBe(git(dir, "rev-parse", "HEAD~1").trim());
  });

  it("refuses to push a branch that is the remote's default branch", async () => {
    const { dir, bare } = sandbox("default");
    await expect(
      deliver(
        { dir, remoteUrl: bare, branch: "main", title: "t", body: "b", labels: [], alreadyPushed: false },
        forges,
        silentLogger(),
      ),
    ).rejects.toThrow(/refusing to push main/);
    expect(git(bare, "rev-parse", "main").trim()).toBe(git(dir, "rev-parse", "HEAD~1").trim());
  });

  it("finds the pull request a crashed run opened instead of opening a second one", async () => {
    const { dir } = sandbox("github");
    const repo = github.data.repos["acme/web"];
    repo?.pulls.push({
      pull: githubPull("acme/web", {
        number: 41,
        title: "opened before the crash",
        author: "uplift-bot",
        created_at: "2026-11-26T10:00:00Z",
        updated_at: "2026-11-26T10:00:00Z",
        head: "uplift/campaign-c1",
      }),
      commits: [],
      reviews: [],
      timeline: [],
    });
    const delivered = await deliver(
      {
        dir,
        remoteUrl: "https://github.com/acme/web.git",
        branch: "uplift/campaign-c1",
        title: "t",
        body: "b",
        labels: ["uplift-campaign", "uplift-campaign-c1"],
        alreadyPushed: true,
      },
      forges,
      silentLogger(),
    );
    expect(delivered).toMatchObject({ via: "github", number: 41 });
    expect(github.requests.filter((r) => r.method === "POST" && r.path.endsWith("/pulls"))).toHaveLength(0);
    expect(((repo?.pulls[0]?.pull.labels ?? []) as { name: string }[]).map((l) => l.name)).toEqual([
      "uplift-campaign",
      "uplift-campaign-c1",
    ]);
  });
});
