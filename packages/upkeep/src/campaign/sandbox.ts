import { existsSync } from "node:fs";
import { appendFile, cp, mkdir, rm } from "node:fs/promises";
import path from "node:path";
import { git } from "./run-command.js";

/** Paths never committed from a sandbox (installed dependencies). */
const EXCLUDES = ["node_modules/", ".uplift-site/", ".venv/", "__pycache__/", ".pytest_cache/"];

export interface Sandbox {
  dir: string;
  /** The remote the branch is pushed to (the repository's own `origin`), when it has one. */
  remoteUrl: string | undefined;
  /** Commit the sandbox started from. */
  baseSha: string;
}

/**
 * A fresh copy of a repository under the data dir, never the user's working tree: a `git clone`
 * of its committed HEAD (uncommitted changes are not taken), or a copy committed into a new Git
 * repository when it is not one. The clone's `origin` is set to the repository's own `origin`.
 */
export async function createSandbox(repoPath: string, dir: string): Promise<Sandbox> {
  await rm(dir, { recursive: true, force: true });
  await mkdir(path.dirname(dir), { recursive: true });
  let remoteUrl: string | undefined;
  if (isGitRepo(repoPath)) {
    git(path.dirname(dir), ["clone", "--quiet", "--no-hardlinks", repoPath, dir]);
    remoteUrl = originOf(repoPath);
    if (remoteUrl) git(dir, ["remote", "set-url", "origin", remoteUrl]);
    else git(dir, ["remote", "remove", "origin"]);
  } else {
    await cp(repoPath, dir, {
      recursive: true,
      filter: (src) =>
        !path
          .relative(repoPath, src)
          .split(path.sep)
          .some((part) => part === "node_modules" || part === ".git"),
    });
    git(dir, ["init", "--quiet"]);
    await excludeInstalled(dir);
    git(dir, ["add", "-A"]);
    git(dir, ["commit", "--quiet", "--no-verify", "-m", "uplift: snapshot of the repository"]);
  }
  await excludeInstalled(dir);
  return { dir, remoteUrl, baseSha: git(dir, ["rev-parse", "HEAD"]).trim() };
}

/** Reopens a sandbox a crashed job left, when it is still there. */
export function reopenSandbox(dir: string): Sandbox | undefined {
  if (!existsSync(path.join(dir, ".git"))) return undefined;
  let remoteUrl: string | undefined;
  try {
    remoteUrl = git(dir, ["remote", "get-url", "origin"]).trim() || undefined;
  } catch {
    remoteUrl = undefined;
  }
  return { dir, remoteUrl, baseSha: git(dir, ["rev-parse", "HEAD"]).trim() };
}

function isGitRepo(dir: string): boolean {
  try {
    return git(dir, ["rev-parse", "--show-toplevel"]).trim() === path.resolve(dir);
  } catch {
    return false;
  }
}

function originOf(dir: string): string | undefined {
  try {
    return git(dir, ["remote", "get-url", "origin"]).trim() || undefined;
  } catch {
    return undefined;
  }
}

async function excludeInstalled(dir: string): Promise<void> {
  await appendFile(path.join(dir, ".git", "info", "exclude"), `\n${EXCLUDES.join("\n")}\n`);
}

/** Commits everything changed in the sandbox; returns the new HEAD, or the old one when nothing changed. */
export function commitAll(dir: string, message: string, env: NodeJS.ProcessEnv = {}): string {
  git(dir, ["add", "-A"]);
  const staged = git(dir, ["diff", "--cached", "--name-only"]).trim();
  if (staged) git(dir, ["commit", "--quiet", "--no-verify", "-m", message], env);
  return git(dir, ["rev-parse", "HEAD"]).trim();
}
