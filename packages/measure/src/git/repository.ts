import { existsSync, statSync } from "node:fs";
import path from "node:path";
import { InputError } from "@uplift/core";
import { runGit } from "./git-command.js";

/** A local clone and the branch to import. */
export interface ResolvedRepository {
  /** Absolute path of the clone (work tree or bare repository). */
  path: string;
  /** The repository's name in records: `--repo`, else "owner/name" from the origin URL, else the directory name. */
  repo: string;
  /** Branch name, e.g. "main" (the cursor's key, `prs.base_branch`). */
  branch: string;
  /** The ref read, e.g. "refs/remotes/origin/main". */
  ref: string;
  /** The branch tip's commit SHA. */
  tip: string;
}

/**
 * Finds the clone at `repoPath` and the branch to import: `branch` if given (origin's
 * remote-tracking branch first, then the local one), else the remote's default branch
 * (origin/HEAD), else the checked-out branch. InputError when the path, the clone or the
 * branch is not there.
 */
export async function resolveRepository(
  repoPath: string,
  options: { repo?: string | undefined; branch?: string | undefined } = {},
): Promise<ResolvedRepository> {
  const absolute = path.resolve(repoPath);
  if (!existsSync(absolute) || !statSync(absolute).isDirectory()) {
    throw new InputError(`--path ${repoPath}: no such directory`);
  }
  await runGit(absolute, ["rev-parse", "--git-dir"]);
  const { branch, ref } = await chooseBranch(absolute, options.branch);
  const tip = (
    await runGit(absolute, ["rev-parse", "--verify", "--quiet", `${ref}^{commit}`], { allowed: [1] })
  ).stdout.trim();
  if (!tip) throw new InputError(`--branch ${branch}: ${ref} has no commits in ${absolute}`);
  const repo = options.repo?.trim() || (await nameFromRemote(absolute)) || directoryName(absolute);
  return { path: absolute, repo, branch, ref, tip };
}

async function chooseBranch(
  repoPath: string,
  wanted: string | undefined,
): Promise<{ branch: string; ref: string }> {
  if (wanted) {
    for (const ref of [`refs/remotes/origin/${wanted}`, `refs/heads/${wanted}`, wanted]) {
      if (await commitExists(repoPath, ref)) return { branch: wanted.replace(/^refs\/heads\//, ""), ref };
    }
    throw new InputError(
      `--branch ${wanted}: no such branch in ${repoPath} (neither origin/${wanted} nor ${wanted})`,
      {
        hint: "list branches with `git branch -a`",
      },
    );
  }
  const originHead = await symbolicRef(repoPath, "refs/remotes/origin/HEAD");
  if (originHead) return { branch: originHead.replace(/^refs\/remotes\/origin\//, ""), ref: originHead };
  const head = await symbolicRef(repoPath, "HEAD");
  if (head) return { branch: head.replace(/^refs\/heads\//, ""), ref: head };
  throw new InputError(`--path ${repoPath}: HEAD is detached and origin/HEAD is not set; name the branch`, {
    hint: "pass --branch main (or the default branch's name)",
  });
}

async function symbolicRef(repoPath: string, name: string): Promise<string | undefined> {
  const { stdout } = await runGit(repoPath, ["symbolic-ref", "--quiet", name], { allowed: [1, 128] });
  return stdout.trim() || undefined;
}

/** True when `rev` names a commit in the clone. */
export async function commitExists(repoPath: string, rev: string): Promise<boolean> {
  const { code } = await runGit(repoPath, ["rev-parse", "--verify", "--quiet", `${rev}^{commit}`], {
    allowed: [1, 128],
  });
  return code === 0;
}

/** True when `ancestor` is reachable from `descendant` (false also when `ancestor` is gone). */
export async function isAncestor(repoPath: string, ancestor: string, descendant: string): Promise<boolean> {
  const { code } = await runGit(repoPath, ["merge-base", "--is-ancestor", ancestor, descendant], {
    allowed: [1, 128],
  });
  return code === 0;
}

/** The newest first-parent commit committed before `since` (the walk's lower bound), if any. */
export async function firstParentBefore(
  repoPath: string,
  tip: string,
  since: string,
): Promise<{ sha: string; committedAt: string } | undefined> {
  const seconds = Math.floor(Date.parse(since) / 1000);
  const { stdout } = await runGit(repoPath, [
    "log",
    "-1",
    "--first-parent",
    `--before=@${seconds}`,
    "--format=%H%x00%cI",
    tip,
    "--",
  ]);
  const [sha, committedAt] = stdout.trim().split("\0");
  return sha && committedAt ? { sha, committedAt } : undefined;
}

async function nameFromRemote(repoPath: string): Promise<string | undefined> {
  const { stdout } = await runGit(repoPath, ["config", "--get", "remote.origin.url"], { allowed: [1] });
  return repoNameFromUrl(stdout.trim());
}

/**
 * "owner/name" (or "group/sub/name") from a remote URL: https, ssh and scp-like forms.
 * Undefined for local paths and file URLs, which name no hosted repository.
 */
export function repoNameFromUrl(url: string): string | undefined {
  if (!url || url.startsWith("/") || url.startsWith(".") || url.startsWith("file:")) return undefined;
  const scp = /^[^@/:]+@[^:/]+:(?!\/)(.+)$/.exec(url);
  let repoPath: string | undefined = scp?.[1];
  if (!repoPath) {
    try {
      repoPath = new URL(url).pathname;
    } catch {
      // Not a URL and not scp-like: a local path such as "C:\repo" or "../repo".
      return undefined;
    }
  }
  const name = repoPath
    .replace(/^\/+/, "")
    .replace(/\/+$/, "")
    .replace(/\.git$/, "");
  return name.includes("/") ? name : undefined;
}

function directoryName(repoPath: string): string {
  return path.basename(repoPath).replace(/\.git$/, "") || repoPath;
}
