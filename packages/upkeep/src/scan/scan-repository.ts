import path from "node:path";
import type { AdvisoryIndex } from "./advisories/advisory-index.js";
import type { SchemeCaches } from "./advisories/match-range.js";
import { matchDependencies } from "./match-dependencies.js";
import { parserFor } from "./parsers/index.js";
import { dirOf } from "./parsers/manifest-parser.js";
import { packageJsonRequirements } from "./parsers/package-json.js";
import { pyprojectRequirements } from "./parsers/pyproject-toml.js";
import { DiskRepoFiles } from "./repo-files.js";
import type { Dependency, RepositoryScan } from "./types.js";

const NPM_LOCKS = new Set(["package-lock.json", "npm-shrinkwrap.json", "yarn.lock", "pnpm-lock.yaml"]);

const baseName = (file: string) => file.slice(file.lastIndexOf("/") + 1);

/** A package.json is covered by an npm-family lock file in its directory or above (workspaces). */
function coveredByNpmLock(manifest: string, locks: readonly string[]): boolean {
  const dir = dirOf(manifest);
  return locks.some((lock) => {
    const lockDir = dirOf(lock);
    return lockDir === dir || lockDir === "" || dir.startsWith(`${lockDir}/`);
  });
}

/**
 * Reads every manifest and lock file of one repository and matches its dependencies. Where a
 * lock file exists its resolved graph is used and the manifest next to it only says which
 * dependencies are direct (it is still parsed, so a broken one is reported); a file that
 * cannot be parsed is named in `errors` and the rest of the repository is still scanned.
 */
export function scanRepository(root: string, index: AdvisoryIndex, caches: SchemeCaches): RepositoryScan {
  const repo = new DiskRepoFiles(root);
  const npmLocks = repo.manifests.filter((f) => NPM_LOCKS.has(baseName(f)));
  const poetryDirs = new Set(repo.manifests.filter((f) => baseName(f) === "poetry.lock").map(dirOf));
  const deps: Dependency[] = [];
  const errors: RepositoryScan["errors"] = repo.unreadable.map(({ dir, message }) => ({
    file: dir,
    message: `${dir}: directory not listed: ${message}`,
  }));
  for (const file of repo.manifests) {
    const name = baseName(file);
    const parser = parserFor(name);
    if (!parser) continue;
    const text = repo.read(file);
    if (text === undefined) {
      errors.push({ file, message: `${file}: cannot be read` });
      continue;
    }
    try {
      // A manifest next to its lock file only names direct dependencies (the lock parser reads
      // it); it is still checked so that a broken one is reported.
      if (name === "package.json" && coveredByNpmLock(file, npmLocks)) packageJsonRequirements(text, file);
      else if (name === "pyproject.toml" && poetryDirs.has(dirOf(file))) pyprojectRequirements(text, file);
      else deps.push(...parser.parse({ file, text, repo }));
    } catch (error) {
      errors.push({ file, message: error instanceof Error ? error.message : String(error) });
    }
  }
  const unique = dedupe(gradleDirectFromBuildScripts(deps));
  return {
    repo: path.basename(root),
    path: root,
    dependencies: unique.length,
    findings: matchDependencies(unique, index, caches),
    errors,
    manifests: repo.manifests,
  };
}

/**
 * Where a Gradle lock file sits next to a build script, the lock's resolved graph is what runs:
 * its entries the build script declares become direct, and the script's own entries (the
 * declared version, which resolution may have raised) are dropped.
 */
function gradleDirectFromBuildScripts(deps: readonly Dependency[]): Dependency[] {
  const isLock = (d: Dependency) => d.ecosystem === "Maven" && baseName(d.file).endsWith("gradle.lockfile");
  const isScript = (d: Dependency) =>
    d.ecosystem === "Maven" && /^build\.gradle(\.kts)?$/.test(baseName(d.file));
  const lockDirs = new Set(deps.filter(isLock).map((d) => dirOf(d.file)));
  if (lockDirs.size === 0) return [...deps];
  const declared = new Map<string, Set<string>>();
  for (const d of deps.filter((d) => isScript(d) && lockDirs.has(dirOf(d.file)))) {
    const names = declared.get(dirOf(d.file)) ?? new Set<string>();
    names.add(d.name);
    declared.set(dirOf(d.file), names);
  }
  return deps
    .filter((d) => !(isScript(d) && lockDirs.has(dirOf(d.file))))
    .map((d) => (isLock(d) && declared.get(dirOf(d.file))?.has(d.name) ? { ...d, direct: true } : d));
}

/** One entry per package version and file; the direct occurrence (or shortest path) wins. */
function dedupe(deps: readonly Dependency[]): Dependency[] {
  const byKey = new Map<string, Dependency>();
  for (const dep of deps) {
    const key = `${dep.ecosystem}\u0000${dep.name}\u0000${dep.version}\u0000${dep.file}`;
    const existing = byKey.get(key);
    if (!existing || (dep.direct && !existing.direct) || dep.path.length < existing.path.length)
      byKey.set(key, dep);
  }
  return [...byKey.values()];
}
