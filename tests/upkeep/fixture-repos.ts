import { execFileSync } from "node:child_process";
import { cpSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** The fixture repositories shipped in tests/upkeep/fixtures/repos and the OSV records for them. */
export const FIXTURES = fileURLToPath(new URL("./fixtures/", import.meta.url));
export const ADVISORIES = path.join(FIXTURES, "advisories");
export const FIXTURE_NAMES = ["npm-cli-args", "npm-docs-render", "py-fetcher", "go-greeter"] as const;

/** Where a fixture's origin points: a bare repository on disk, or a GitHub/GitLab project (pushed to a bare repository). */
export type FixtureRemote = "bare" | { github: string } | { gitlab: string } | "none";

export interface FixtureRepo {
  name: string;
  dir: string;
  /** The bare repository that receives pushes. */
  bare: string;
}

/**
 * Copies fixtures into `root/work/NAME` as Git repositories (one commit on `main`) with a bare
 * repository `root/remotes/NAME.git` holding `main`. A GitHub/GitLab origin is written as
 * `https://github.com/OWNER/NAME.git` and pushes go to the bare repository through
 * `url.<bare>.pushInsteadOf` in `root/gitconfig` — pass {@link gitEnv} to the CLI.
 */
export function makeFixtureRepos(
  root: string,
  repos: { fixture: string; name?: string; remote: FixtureRemote; edit?: (dir: string) => void }[],
): FixtureRepo[] {
  const config: string[] = [];
  const out: FixtureRepo[] = [];
  for (const r of repos) {
    const name = r.name ?? r.fixture;
    const dir = path.join(root, "work", name);
    const bare = path.join(root, "remotes", `${name}.git`);
    mkdirSync(path.dirname(dir), { recursive: true });
    cpSync(path.join(FIXTURES, "repos", r.fixture), dir, { recursive: true });
    r.edit?.(dir);
    git(dir, "init", "--quiet", "--initial-branch=main");
    git(dir, "add", "-A");
    git(dir, "commit", "--quiet", "-m", "fixture");
    if (r.remote !== "none") {
      mkdirSync(bare, { recursive: true });
      git(bare, "init", "--quiet", "--bare", "--initial-branch=main");
      git(dir, "push", "--quiet", bare, "main");
      if (r.remote === "bare") git(dir, "remote", "add", "origin", bare);
      else {
        const [host, project] =
          "github" in r.remote ? ["github.com", r.remote.github] : ["gitlab.com", r.remote.gitlab];
        const url = `https://${host}/${project}.git`;
        git(dir, "remote", "add", "origin", url);
        config.push(`[url "${bare}"]`, `\tpushInsteadOf = ${url}`);
      }
    }
    out.push({ name, dir, bare });
  }
  writeFileSync(path.join(root, "gitconfig"), `${config.join("\n")}\n`);
  return out;
}

/** Environment that makes Git (in the CLI too) use the fixtures' push redirections and a fixed identity. */
export function gitEnv(root: string): Record<string, string> {
  return {
    GIT_CONFIG_GLOBAL: path.join(root, "gitconfig"),
    GIT_CONFIG_NOSYSTEM: "1",
    GIT_AUTHOR_NAME: "Fixture",
    GIT_AUTHOR_EMAIL: "fixture@example.com",
    GIT_COMMITTER_NAME: "Fixture",
    GIT_COMMITTER_EMAIL: "fixture@example.com",
  };
}

export function git(cwd: string, ...args: string[]): string {
  return execFileSync("git", args, {
    cwd,
    encoding: "utf8",
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: "Fixture",
      GIT_AUTHOR_EMAIL: "fixture@example.com",
      GIT_COMMITTER_NAME: "Fixture",
      GIT_COMMITTER_EMAIL: "fixture@example.com",
    },
  });
}

/** The patch a scripted model answers for the marked 3 → 4 break (default export removed). */
export const MARKED_FIX_ANSWER = [
  'marked 4.0.0 removed the default export: `require("marked")` now returns an object whose `marked`',
  "property is the function, so `marked(markdown)` throws `marked is not a function`. Import the named export.",
  "",
  "```diff",
  "--- a/render.js",
  "+++ b/render.js",
  "@@ -1,4 +1,4 @@",
  '-const marked = require("marked");',
  '+const { marked } = require("marked");',
  " ",
  " /** Renders a Markdown page to HTML, with a title taken from its first heading. */",
  " function renderPage(markdown) {",
  "```",
  "",
].join("\n");
