import { cpSync, rmSync } from "node:fs";
import path from "node:path";
import { openStore } from "@uplift/core";
import {
  type FakeGitHub,
  type FakeGitLab,
  sampleGitHubData,
  sampleGitLabData,
  startFakeGitHub,
  startFakeGitLab,
} from "@uplift/test-support";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { tempDir } from "../cli/run-cli.js";
import { forgeTestMigrations } from "./records-store.js";
import { runCliAsync } from "./run-cli-async.js";

const GH_TOKEN = "ghp_cliSecret4242";
const GL_TOKEN = "glpat-cliSecret4242";
let work: string;
let github: FakeGitHub | undefined;
let gitlab: FakeGitLab | undefined;

let template: string;

beforeAll(async () => {
  // one data dir with the tables, copied per test (an initdb costs seconds); until
  // "measure/0001_records" and forgeMigrations are in the CLI's migrations, they are created here
  template = path.join(tempDir("uplift-forge-template-"), "data");
  const store = await openStore({ dataDir: template });
  await store.migrate(forgeTestMigrations());
  await store.close();
});
afterAll(() => rmSync(path.dirname(template), { recursive: true, force: true }));

beforeEach(() => {
  work = tempDir("uplift-forge-cli-");
  cpSync(template, path.join(work, "data"), { recursive: true });
});
afterEach(async () => {
  rmSync(work, { recursive: true, force: true });
  await github?.close();
  await gitlab?.close();
  github = undefined;
  gitlab = undefined;
});

const uplift = (args: string[], env: Record<string, string> = {}) =>
  runCliAsync(["--data-dir", path.join(work, "data"), ...args], { cwd: work, env });

const importGithub = (extra: string[] = [], env: Record<string, string> = {}) =>
  uplift(
    [
      "measure",
      "import",
      "github",
      "--repo",
      "acme/web",
      "--since",
      "2026-03-01",
      "--copilot-org",
      "acme",
      "--copilot-until",
      "2026-03-05",
      "--json",
      ...extra,
    ],
    { GITHUB_TOKEN: GH_TOKEN, GITHUB_API_URL: github?.url ?? "", ...env },
  );

describe("uplift measure import github|gitlab", () => {
  it("imports from a GitHub Enterprise --api-url, prints the contract's JSON, re-syncs with 304s through a rate limit", async () => {
    github = await startFakeGitHub({ data: sampleGitHubData(), token: GH_TOKEN, pathPrefix: "/api/v3" });
    const first = await importGithub(["--api-url", github.url], { GITHUB_API_URL: "" });
    expect(first.stderr).toBe("");
    expect(first.status).toBe(0);
    const json = JSON.parse(first.stdout);
    expect(Object.keys(json).sort()).toEqual(
      [
        "deployments",
        "incidents",
        "not_modified",
        "prs",
        "rate_limited_waits",
        "releases",
        "repo",
        "requests",
        "telemetry_days",
      ].sort(),
    );
    expect(json).toMatchObject({
      repo: "acme/web",
      prs: 3,
      deployments: 4,
      releases: 1,
      incidents: 2,
      telemetry_days: 3,
    });
    expect(json.requests).toBe(github.requests.length);

    github.script({ kind: "primary-rate-limit", path: "/repos/acme/web/issues" });
    const second = await importGithub(["--api-url", github.url], { GITHUB_API_URL: "" });
    expect(second.status).toBe(0);
    const again = JSON.parse(second.stdout);
    expect(again).toMatchObject({ prs: 0, incidents: 0, telemetry_days: 0, rate_limited_waits: 1 });
    expect(again.not_modified).toBeGreaterThan(0);
  });

  it("exits 2 naming GITHUB_TOKEN on 401 (never printing it) and 'not found or no access' on 404", async () => {
    github = await startFakeGitHub({ data: sampleGitHubData(), token: GH_TOKEN });
    const rejected = await importGithub([], { GITHUB_TOKEN: "ghp_wrong777" });
    expect(rejected.status).toBe(2);
    expect(rejected.stderr).toContain("rejected the token in GITHUB_TOKEN");
    expect(rejected.stderr + rejected.stdout).not.toContain("ghp_wrong777");
    const missing = await uplift(["measure", "import", "github", "--repo", "acme/nope", "--json"], {
      GITHUB_TOKEN: GH_TOKEN,
      GITHUB_API_URL: github.url,
    });
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain("GitHub repository acme/nope not found or no access");
    const noRepo = await uplift(["measure", "import", "github", "--json"]);
    expect(noRepo.status).toBe(2);
    expect(noRepo.stderr).toContain("--repo OWNER/NAME is required");
  });

  it("imports a GitLab project", async () => {
    gitlab = await startFakeGitLab({ data: sampleGitLabData(), token: GL_TOKEN });
    const result = await uplift(
      ["measure", "import", "gitlab", "--project", "grp/api", "--api-url", gitlab.url, "--json"],
      {
        GITLAB_TOKEN: GL_TOKEN,
      },
    );
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({
      project: "grp/api",
      prs: 3,
      deployments: 4,
      rate_limited_waits: 0,
    });
  });
});
