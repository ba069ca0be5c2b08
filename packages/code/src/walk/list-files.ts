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
  return (await listRepositories([root]))[0] as RepositoryListing;
}

/** Repositories listed by one `sh` process: a spawn blocks Node for 10–40 ms once PGlite's heap is large. */
const REPOS_PER_SHELL = 64;
/** Lists each root as `git ls-files -co --exclude-standard -z` would, then an exit-status record. */
const LIST_SCRIPT = `for d in "$@"; do git -C "$d" ls-files -co --exclude-standard -z 2>/dev/null; printf '\\001%s\\000' "$?"; done`;

/**
 * `listRepositoryFiles` for many roots at once, in order: one shell runs `git ls-files` for up
 * to 64 repositories (an org index lists hundreds, and each process spawn stalls the event
 * loop); a root outside a Git work tree (git exits 128) gets the .gitignore walk.
 */
export async function listRepositories(roots: readonly string[]): Promise<RepositoryListing[]> {
  for (const root of roots) await requireDirectory(root);
  const listed: (string[] | undefined)[] = [];
  for (let start = 0; start < roots.length; start += REPOS_PER_SHELL)
    listed.push(...(await gitListings(roots.slice(start, start + REPOS_PER_SHELL))));
  return Promise.all(
    roots.map(async (root, i) => {
      const paths = listed[i];
      if (paths) return { paths: [...new Set(paths)].sort(), source: "git" as const };
      return { paths: (await walkWithGitignore(root)).sort(), source: "gitignore" as const };
    }),
  );
}

async function requireDirectory(root: string): Promise<void> {
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
}

/** Each root's `git ls-files` paths, or undefined where git failed (not a work tree, git missing). */
async function gitListings(roots: readonly string[]): Promise<(string[] | undefined)[]> {
  let stdout: string;
  try {
    ({ stdout } = await run("sh", ["-c", LIST_SCRIPT, "sh", ...roots], { maxBuffer: 1024 * 1024 * 1024 }));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return roots.map(() => undefined); // no sh
    throw error;
  }
  const results: (string[] | undefined)[] = [];
  let paths: string[] = [];
  for (const entry of stdout.split("\0")) {
    if (entry.startsWith("\u0001")) {
      results.push(entry === "\u00010" ? paths : undefined);
      paths = [];
    } else if (entry) paths.push(entry);
  }
  if (results.length !== roots.length)
    throw new Error(`git ls-files listed ${results.length} of ${roots.length} repositories`);
  return results;
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
