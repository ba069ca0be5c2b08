import { spawn } from "node:child_process";
import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import { InputError } from "@uplift/core";
import ignore, { type Ignore } from "ignore";

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
  const listings: RepositoryListing[] = [];
  for await (const listing of await openRepositoryListings(roots)) listings.push(listing);
  return listings;
}

/**
 * Checks every root, starts listing them all, and returns the listings in order as each becomes
 * ready: the caller works on the first repositories while `git` still lists the others (most of
 * a listing's time is process start-up, which then runs beside the caller's work).
 */
export async function openRepositoryListings(
  roots: readonly string[],
): Promise<AsyncIterable<RepositoryListing>> {
  for (const root of roots) await requireDirectory(root);
  const listed = new GitListings(roots);
  return (async function* () {
    for (const [i, root] of roots.entries()) {
      const paths = await listed.get(i);
      if (paths) yield { paths: [...new Set(paths)].sort(), source: "git" as const };
      else yield { paths: (await walkWithGitignore(root)).sort(), source: "gitignore" as const };
    }
  })();
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

/**
 * Each root's `git ls-files` paths (undefined where git failed: not a work tree, git missing),
 * read from the shells' output as it comes: one shell per 64 roots, run one after the other.
 */
class GitListings {
  private readonly results: Promise<string[] | undefined>[] = [];
  private readonly settle: ((result: string[] | undefined | Error) => void)[] = [];

  constructor(roots: readonly string[]) {
    for (const _ of roots) {
      const { promise, resolve } = Promise.withResolvers<string[] | undefined | Error>();
      this.results.push(promise.then((r) => (r instanceof Error ? Promise.reject(r) : r)));
      this.settle.push(resolve);
    }
    // a rejection nobody awaited yet (the caller stopped early) must not crash the process
    for (const result of this.results) result.catch(() => {});
    void this.run(roots);
  }

  get(i: number): Promise<string[] | undefined> {
    return this.results[i] as Promise<string[] | undefined>;
  }

  private async run(roots: readonly string[]): Promise<void> {
    let done = 0;
    try {
      for (let start = 0; start < roots.length; start += REPOS_PER_SHELL) {
        const batch = roots.slice(start, start + REPOS_PER_SHELL);
        const listed = await listInShell(batch, (result) => this.settle[done++]?.(result));
        if (listed !== batch.length)
          throw new Error(`git ls-files listed ${listed} of ${batch.length} repositories`);
      }
    } catch (error) {
      for (; done < roots.length; done++)
        this.settle[done]?.(error instanceof Error ? error : new Error(String(error)));
    }
  }
}

/** Runs LIST_SCRIPT over `roots`, reporting each root's paths as soon as its status record arrives. */
function listInShell(
  roots: readonly string[],
  report: (paths: string[] | undefined) => void,
): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn("sh", ["-c", LIST_SCRIPT, "sh", ...roots], { stdio: ["ignore", "pipe", "ignore"] });
    let listed = 0;
    let failed = false;
    let paths: string[] = [];
    let pending: Buffer = Buffer.alloc(0);
    child.stdout.on("data", (data: Buffer) => {
      pending = pending.length ? Buffer.concat([pending, data]) : data;
      let from = 0;
      for (let nul = pending.indexOf(0, from); nul >= 0; nul = pending.indexOf(0, from)) {
        const entry = pending.toString("utf8", from, nul);
        from = nul + 1;
        if (entry.startsWith("\u0001")) {
          listed++;
          report(entry === "\u00010" ? paths : undefined);
          paths = [];
        } else if (entry) paths.push(entry);
      }
      pending = pending.subarray(from);
    });
    child.on("error", (error: NodeJS.ErrnoException) => {
      failed = true;
      if (error.code !== "ENOENT") return reject(error);
      for (const _ of roots) report(undefined); // no sh: every root gets the .gitignore walk
      resolve(roots.length);
    });
    child.on("close", () => {
      if (!failed) resolve(listed);
    });
  });
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
