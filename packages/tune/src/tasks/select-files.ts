import { execFile } from "node:child_process";
import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { isManifest, listRepositoryFiles, packageNamesOf, type RepoPackage } from "@uplift/code";
import { InputError } from "@uplift/core";

const run = promisify(execFile);

/** A repository given to `tune tasks`, with its listed files. */
export interface TaskRepository {
  name: string;
  root: string;
  paths: string[];
}

/** Opens a repository directory given with `flag`: exists, is a directory, lists its files. */
export async function openTaskRepository(flag: string, dir: string): Promise<TaskRepository> {
  const root = path.resolve(dir);
  const info = await stat(root).catch((error: NodeJS.ErrnoException) => {
    throw new InputError(`${flag} ${dir}: ${error.code === "ENOENT" ? "no such directory" : error.message}`, {
      cause: error,
    });
  });
  if (!info.isDirectory()) throw new InputError(`${flag} ${dir}: not a directory`);
  const listing = await listRepositoryFiles(root);
  return { name: path.basename(root), root, paths: listing.paths };
}

/**
 * Files of a Git repository added or modified in a commit after `after` (`git log --since`,
 * paths relative to `root`), that still exist at HEAD. Code changed after a model's training
 * cutoff is code it cannot have memorised.
 */
export async function filesChangedAfter(repo: TaskRepository, after: Date): Promise<string[]> {
  let stdout: string;
  try {
    ({ stdout } = await run(
      "git",
      [
        "log",
        `--since=${after.toISOString()}`,
        "--name-only",
        "--relative",
        "--diff-filter=AMR",
        "--pretty=format:",
      ],
      { cwd: repo.root, maxBuffer: 256 * 1024 * 1024 },
    ));
  } catch (error) {
    throw new InputError(
      `--repo ${repo.root}: not a Git repository (--after reads its history with git log)`,
      {
        cause: error,
        hint: "give the root of a Git work tree, or use --holdout-repo for a repository without history",
      },
    );
  }
  const changed = new Set(
    stdout
      .split("\n")
      .map((line) => line.trim())
      .filter(Boolean),
  );
  return repo.paths.filter((p) => changed.has(p));
}

/** Package names every repository defines (npm, Go, Python project, Maven, NuGet manifests). */
export async function packageMap(repos: readonly TaskRepository[]): Promise<RepoPackage[]> {
  const packages: RepoPackage[] = [];
  for (const repo of repos) {
    for (const relative of repo.paths) {
      if (!isManifest(relative) || relative.endsWith("__init__.py") || /(^|\/)node_modules\//.test(relative))
        continue;
      const text = await readFile(path.join(repo.root, relative), "utf8").catch(() => undefined);
      if (text === undefined) continue;
      for (const name of packageNamesOf(relative, text)) packages.push({ ...name, repo: repo.name });
    }
  }
  return packages;
}
