import { execFile } from "node:child_process";
import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { InputError } from "@uplift/core";
import ignore, { type Ignore } from "ignore";

const run = promisify(execFile);

export interface RepositoryListing {
  /** Repository-relative paths with `/` separators, sorted. */
  paths: string[];
  /** How the listing honoured ignore rules: `git ls-files`, or .gitignore files read with `ignore`. */
  source: "git" | "gitignore";
}

/**
 * Lists the files of a repository, honouring its ignore rules: `git ls-files -co
 * --exclude-standard` when `root` is inside a Git work tree (tracked plus untracked, not
 * ignored), else a directory walk applying every .gitignore on the way (the `ignore` package).
 * Throws InputError when `root` is not a directory.
 */
export async function listRepositoryFiles(root: string): Promise<RepositoryListing> {
  const info = await stat(root).catch((error: NodeJS.ErrnoException) => {
    throw new InputError(`--path ${root}: ${error.code === "ENOENT" ? "no such directory" : error.message}`, {
      cause: error,
      hint: "give the root directory of a repository",
    });
  });
  if (!info.isDirectory())
    throw new InputError(`--path ${root}: not a directory`, {
      hint: "give the root directory of a repository",
    });
  if (await isGitWorkTree(root)) {
    const { stdout } = await run("git", ["ls-files", "-co", "--exclude-standard", "-z"], {
      cwd: root,
      maxBuffer: 256 * 1024 * 1024,
    });
    const paths = [...new Set(stdout.split("\0").filter(Boolean))].sort();
    return { paths, source: "git" };
  }
  return { paths: (await walkWithGitignore(root)).sort(), source: "gitignore" };
}

async function isGitWorkTree(root: string): Promise<boolean> {
  try {
    const { stdout } = await run("git", ["rev-parse", "--is-inside-work-tree"], { cwd: root });
    return stdout.trim() === "true";
  } catch (error) {
    // not a repository (git exits 128) or git missing: the .gitignore walk covers both
    const code = (error as { code?: unknown }).code;
    if (code === 128 || code === "ENOENT") return false;
    throw error;
  }
}

interface IgnoreScope {
  /** Directory of the .gitignore, relative to the root ("" for the root). */
  dir: string;
  rules: Ignore;
}

async function walkWithGitignore(root: string): Promise<string[]> {
  const found: string[] = [];
  const visit = async (dir: string, scopes: readonly IgnoreScope[]): Promise<void> => {
    const absolute = path.join(root, dir);
    const rules = await readGitignore(absolute);
    const here = rules ? [...scopes, { dir, rules }] : scopes;
    const entries = await readdir(absolute, { withFileTypes: true });
    for (const entry of entries) {
      if (entry.name === ".git") continue;
      const relative = dir ? `${dir}/${entry.name}` : entry.name;
      const isDir = entry.isDirectory();
      if (!isDir && !entry.isFile()) continue; // symlinks, sockets: not followed
      if (isIgnored(relative, isDir, here)) continue;
      if (isDir) await visit(relative, here);
      else found.push(relative);
    }
  };
  await visit("", []);
  return found;
}

async function readGitignore(dir: string): Promise<Ignore | undefined> {
  try {
    return ignore().add(await readFile(path.join(dir, ".gitignore"), "utf8"));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
}

function isIgnored(relative: string, isDir: boolean, scopes: readonly IgnoreScope[]): boolean {
  for (const scope of scopes) {
    const inner = scope.dir ? relative.slice(scope.dir.length + 1) : relative;
    if (scope.rules.ignores(isDir ? `${inner}/` : inner)) return true;
  }
  return false;
}
