import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import {
  type FakeGitHub,
  type FakeGitLab,
  type FakeOpenAI,
  gitlabProject,
  startFakeGitHub,
  startFakeGitLab,
  startFakeOpenAI,
} from "@uplift/test-support";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tempDir } from "../cli/run-cli.js";
import { runCliAsync } from "../kb/run-cli-async.js";
import {
  ADVISORIES,
  type FixtureRepo,
  git,
  gitEnv,
  MARKED_FIX_ANSWER,
  makeFixtureRepos,
} from "./fixture-repos.js";

let root: string;
let repos: FixtureRepo[];
let github: FakeGitHub;
let gitlab: FakeGitLab;
let model: FakeOpenAI;
let env: Record<string, string>;

const uplift = (...args: string[]) =>
  runCliAsync(["--data-dir", path.join(root, "data"), ...args], { cwd: root, env });
const json = async (...args: string[]) => {
  const result = await uplift(...args, "--json");
  expect(result.status, result.stderr).toBe(0);
  return JSON.parse(result.stdout);
};
const repo = (name: string) => repos.find((r) => r.name === name) as FixtureRepo;

beforeAll(async () => {
  root = tempDir("uplift-campaign-");
  repos = makeFixtureRepos(root, [
    { fixture: "npm-cli-args", remote: { gitlab: "grp/npm-cli-args" } },
    { fixture: "npm-docs-render", remote: { github: "acme/npm-docs-render" } },
    { fixture: "py-fetcher", remote: "bare" },
    { fixture: "go-greeter", remote: "bare" },
    {
      fixture: "npm-cli-args",
      name: "npm-broken",
      remote: "bare",
      edit: (dir) => {
        const test = path.join(dir, "test.js");
        const text = readFileSync(test, "utf8").replace("port: 3000", "port: 3001");
        writeFileSync(test, text);
      },
    },
  ]);
  github = await startFakeGitHub({
    token: "ghp_campaign",
    data: {
      repos: { "acme/npm-docs-render": { pulls: [], issues: [], deployments: [], releases: [], refs: {} } },
      copilot: {},
    },
  });
  gitlab = await startFakeGitLab({
    token: "glpat-campaign",
    data: {
      projects: {
        "grp/npm-cli-args": {
          project: gitlabProject("grp/npm-cli-args"),
          merge_requests: [],
          deployments: [],
          environments: [],
        },
      },
    },
  });
  model = await startFakeOpenAI({ models: ["upkeep-coder"] });
  env = {
    ...gitEnv(root),
    GITHUB_API_URL: github.url,
    GITHUB_TOKEN: "ghp_campaign",
    GITLAB_API_URL: gitlab.url,
    GITLAB_TOKEN: "glpat-campaign",
    UPLIFT_LLM_BASE_URL: model.url,
    UPLIFT_LLM_MODEL: "upkeep-coder",
  };
}, 120_000);

afterAll(async () => {
  await Promise.all([github?.close(), gitlab?.close(), model?.close()]);
});

describe("upkeep campaign over the fixture repositories", () => {
  it("creates, plans and applies a vulnerability campaign; the model fixes the breaking bump", async () => {
    const created = await json(
      "upkeep",
      "campaign",
      "create",
      "fixtures",
      "--advisories",
      ADVISORIES,
      ...repos.flatMap((r) => ["--repo", r.dir]),
    );
    expect(created).toMatchObject({ campaign: "fixtures", id: "c1", kind: "vulnerability" });
    expect(created.repositories).toHaveLength(5);

    const plan = await json("upkeep", "campaign", "plan", "fixtures");
    const docs = plan.repositories.find((p: { repo: string }) => p.repo === "npm-docs-render");
    expect(docs.edits).toEqual([
      expect.objectContaining({ package: "marked", from: "3.0.8", to: "4.0.10", file: "package.json" }),
    ]);
    expect(docs.api_changes[0].changes).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: "removed", name: "export =" }),
        expect.objectContaining({ kind: "added", name: "marked" }),
      ]),
    );
    expect(docs.call_sites).toEqual(
      expect.arrayContaining([expect.objectContaining({ path: "render.js", line: 1, symbol: "marked" })]),
    );
    const go = plan.repositories.find((p: { repo: string }) => p.repo === "go-greeter");
    expect(go.lockfile).toMatchObject({ status: "tool_missing" });
    expect(go.edits[0]).toMatchObject({ package: "golang.org/x/text", to: "v0.3.8" });

    model.script({ text: MARKED_FIX_ANSWER });
    const applied = await json("upkeep", "campaign", "apply", "fixtures", "--concurrency", "2");
    const states = Object.fromEntries(
      applied.repositories.map((r: { repo: string; state: string }) => [r.repo, r.state]),
    );
    expect(states).toEqual({
      "go-greeter": "patched",
      "npm-broken": "baseline_failed",
      "npm-cli-args": "pr_open",
      "npm-docs-render": "pr_open",
      "py-fetcher": "patched",
    });

    // the model was asked once, with the failure, the call site and the changed API
    const asks = model.requests.filter((r) => r.path === "/v1/chat/completions");
    expect(asks).toHaveLength(1);
    const prompt = JSON.stringify(asks[0]?.body);
    expect(prompt).toContain("marked is not a function");
    expect(prompt).toContain("render.js:1");
    expect(prompt).toContain("removed export =");

    // one pull request on GitHub, labelled, listing the advisory and the model's line
    const pulls = github.requests.filter((r) => r.method === "POST" && r.path.endsWith("/pulls"));
    expect(pulls).toHaveLength(1);
    const pull = github.data.repos["acme/npm-docs-render"]?.pulls[0]?.pull as Record<string, unknown>;
    expect(pull.head).toMatchObject({ ref: "uplift/campaign-c1" });
    expect(pull.base).toMatchObject({ ref: "main" });
    expect((pull.labels as { name: string }[]).map((l) => l.name)).toEqual([
      "uplift-campaign",
      "uplift-campaign-c1",
    ]);
    expect(pull.body).toContain("GHSA-5v2h-r2cx-5xgj");
    expect(pull.body).toContain('render.js:1: const { marked } = require("marked");');
    // one merge request on GitLab for the plain bump
    const mrs = gitlab.requests.filter((r) => r.method === "POST");
    expect(mrs).toHaveLength(1);
    expect(mrs[0]?.body).toMatchObject({ source_branch: "uplift/campaign-c1", target_branch: "main" });

    // pushed to the campaign branch only; the user's working trees are untouched
    for (const name of ["npm-docs-render", "npm-cli-args"]) {
      const r = repo(name);
      expect(
        git(r.bare, "branch", "--list")
          .trim()
          .split(/\s+/)
          .filter((b) => b !== "*")
          .sort(),
      ).toEqual(["main", "uplift/campaign-c1"]);
      expect(git(r.bare, "rev-parse", "main")).toBe(git(r.dir, "rev-parse", "HEAD"));
      expect(git(r.dir, "status", "--porcelain")).toBe("");
    }
    expect(readFileSync(path.join(repo("npm-docs-render").dir, "render.js"), "utf8")).toContain(
      'const marked = require("marked");',
    );
    const fixed = git(repo("npm-docs-render").bare, "show", "uplift/campaign-c1:render.js");
    expect(fixed).toContain('const { marked } = require("marked");');

    const status = await json("upkeep", "campaign", "status", "fixtures");
    expect(status.states).toMatchObject({ pr_open: 2, patched: 2, baseline_failed: 1, failed: 0 });
    const docsRow = status.repositories.find((r: { repo: string }) => r.repo === "npm-docs-render");
    expect(docsRow).toMatchObject({ model_lines: 2, attempts: 1, state: "pr_open" });
    expect(docsRow.seconds).toBeGreaterThan(0);
    expect(status.summary.model_change_share).toBe(0.5);
    const broken = status.repositories.find((r: { repo: string }) => r.repo === "npm-broken");
    expect(broken.reason).toMatch(/tests fail before any change/);
    const py = status.repositories.find((r: { repo: string }) => r.repo === "py-fetcher");
    expect(py.reason).toMatch(/tests not run/);
    const goRow = status.repositories.find((r: { repo: string }) => r.repo === "go-greeter");
    expect(goRow.reason).toMatch(/go not installed/);
  }, 300_000);

  it("reruns idempotently: no second pull request, no second model call", async () => {
    const before = {
      gh: github.requests.length,
      posts: github.requests.filter((r) => r.method === "POST").length,
    };
    const again = await json("upkeep", "campaign", "apply", "fixtures");
    expect(again.repositories.map((r: { state: string }) => r.state).sort()).toEqual([
      "baseline_failed",
      "patched",
      "patched",
      "pr_open",
      "pr_open",
    ]);
    expect(github.requests.filter((r) => r.method === "POST")).toHaveLength(before.posts);
    expect(model.requests.filter((r) => r.path === "/v1/chat/completions")).toHaveLength(1);
    expect(gitlab.requests.filter((r) => r.method === "POST")).toHaveLength(1);
  }, 120_000);

  it("sees the merged pull request and counts the model's change as merged without edits", async () => {
    const pull = github.data.repos["acme/npm-docs-render"]?.pulls[0]?.pull as Record<string, unknown>;
    (pull.head as Record<string, unknown>).sha = git(
      repo("npm-docs-render").bare,
      "rev-parse",
      "uplift/campaign-c1",
    ).trim();
    const merged = await fetch(`${github.url}/repos/acme/npm-docs-render/pulls/${pull.number}/merge`, {
      method: "PUT",
      headers: { authorization: "token ghp_campaign" },
    });
    expect(merged.status).toBe(200);
    const status = await json("upkeep", "campaign", "status", "fixtures", "--refresh");
    expect(status.refreshed).toMatchObject({ checked: 2, errors: [] });
    expect(status.states).toMatchObject({ merged: 1, pr_open: 1 });
    expect(status.summary.model_merged_without_edits_share).toBe(1);
  }, 120_000);

  it("refuses bad input with exit 2 and names the problem", async () => {
    const none = await uplift("upkeep", "campaign", "create", "x", "--repo", repo("npm-cli-args").dir);
    expect(none.status).toBe(2);
    expect(none.stderr).toContain("give exactly one of --from-scan");
    const scanFile = path.join(root, "scan.json");
    writeFileSync(scanFile, JSON.stringify({ repositories: [{ repo: "a" }] }));
    const bad = await uplift("upkeep", "campaign", "create", "y", "--from-scan", scanFile);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain(`${scanFile}: field repositories.0.path`);
    const unknown = await uplift("upkeep", "campaign", "status", "nope");
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('no campaign named "nope"');
  }, 60_000);
});
