import path from "node:path";
import { type FakeOpenAI, startFakeOpenAI } from "@uplift/test-support";
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
let model: FakeOpenAI;

const uplift = async (env: Record<string, string>, ...args: string[]) => {
  const result = await runCliAsync(["--data-dir", path.join(root, "data"), ...args, "--json"], {
    cwd: root,
    env: { ...gitEnv(root), ...env },
  });
  expect(result.status, result.stderr).toBe(0);
  return JSON.parse(result.stdout);
};

beforeAll(async () => {
  root = tempDir("uplift-campaign-failures-");
  repos = makeFixtureRepos(root, [
    { fixture: "npm-docs-render", name: "docs-a", remote: "bare" },
    { fixture: "npm-docs-render", name: "docs-b", remote: "bare" },
  ]);
  model = await startFakeOpenAI({ models: ["upkeep-coder"] });
}, 60_000);

afterAll(async () => {
  await model?.close();
});

describe("campaign failures are reported for a human, never delivered", () => {
  it("stops after --max-attempts patches that do not fix the tests, keeping every attempt", async () => {
    const docs = repos[0] as FixtureRepo;
    await uplift(
      {},
      "upkeep",
      "campaign",
      "create",
      "stubborn",
      "--advisories",
      ADVISORIES,
      "--repo",
      docs.dir,
    );
    model.script(
      { text: "The export changed, but I am not sure how to fix it." },
      {
        text: "Try this.\n```diff\n--- a/render.js\n+++ b/render.js\n@@ -6,1 +6,1 @@\n-  return { title, html: marked(markdown) };\n+  return { title, html: marked.marked.parse(markdown) };\n```\n",
      },
    );
    const applied = await uplift(
      { UPLIFT_LLM_BASE_URL: model.url, UPLIFT_LLM_MODEL: "upkeep-coder" },
      "upkeep",
      "campaign",
      "apply",
      "stubborn",
      "--max-attempts",
      "2",
    );
    expect(applied.repositories).toEqual([
      expect.objectContaining({
        repo: "docs-a",
        state: "failed",
        reason: "tests still fail after 2 model attempt(s): needs a human",
        pr_url: null,
      }),
    ]);
    const status = await uplift({}, "upkeep", "campaign", "status", "stubborn");
    expect(status.repositories[0]).toMatchObject({ attempts: 2, model_lines: 0 });
    // nothing reached the remote
    expect(git(docs.bare, "for-each-ref", "--format=%(refname)", "refs/heads").trim()).toBe(
      "refs/heads/main",
    );
  }, 240_000);

  it("without a model, stops after the deterministic change; --retry-failed resumes it with one", async () => {
    const docs = repos[1] as FixtureRepo;
    await uplift(
      {},
      "upkeep",
      "campaign",
      "create",
      "no-model",
      "--advisories",
      ADVISORIES,
      "--repo",
      docs.dir,
    );
    const applied = await uplift({}, "upkeep", "campaign", "apply", "no-model");
    expect(applied.model).toBeNull();
    expect(applied.repositories[0]).toMatchObject({
      state: "failed",
      reason: expect.stringContaining("no model is configured"),
    });
    expect(git(docs.bare, "for-each-ref", "--format=%(refname)", "refs/heads").trim()).toBe(
      "refs/heads/main",
    );

    // once a model is configured, --retry-failed takes the failed repository up again
    model.script({ text: MARKED_FIX_ANSWER });
    const retried = await uplift(
      { UPLIFT_LLM_BASE_URL: model.url, UPLIFT_LLM_MODEL: "upkeep-coder" },
      "upkeep",
      "campaign",
      "apply",
      "no-model",
      "--retry-failed",
    );
    expect(retried.repositories[0]).toMatchObject({ state: "pr_open", reason: null });
    expect(git(docs.bare, "show", "uplift/campaign-c2:render.js")).toContain(
      'const { marked } = require("marked");',
    );
  }, 240_000);
});
