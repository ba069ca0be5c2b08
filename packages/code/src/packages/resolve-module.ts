import path from "node:path/posix";
import type { LanguageId } from "../walk/languages.js";
import type { Ecosystem, PackageName } from "./manifests.js";

/** A package name known to the org index, with the repository that defines it. */
export interface RepoPackage extends PackageName {
  repo: string;
}

/** Where an import's definitions live: files of `repo` whose path starts with `pathPrefix`. */
export interface ModuleTarget {
  /** undefined: the importing file's own repository (a relative import). */
  repo: string | undefined;
  /** Repository-relative path prefix without extension ("" = the whole repository). */
  pathPrefix: string;
  /** Go: the files directly in the directory `pathPrefix`, not below it. */
  directoryOnly: boolean;
}

const ECOSYSTEM: Partial<Record<LanguageId, Ecosystem>> = {
  typescript: "npm",
  tsx: "npm",
  javascript: "npm",
  python: "python",
  go: "go",
};

/**
 * The places an import specifier can resolve to, most specific first: relative imports within
 * the importing repository, package names through the org's package map (npm name, Python
 * package, Go module path; the longest matching name wins). Java and C# imports name
 * namespaces, resolved through the symbol table instead, so they yield no target here.
 * @example moduleTargets("@acme/money", "src/receipt.ts", "typescript", packages) → [{ repo: "lib", pathPrefix: "", … }]
 */
export function moduleTargets(
  specifier: string,
  fromPath: string,
  language: LanguageId,
  packages: readonly RepoPackage[],
): ModuleTarget[] {
  const ecosystem = ECOSYSTEM[language];
  if (!ecosystem) return [];
  if (ecosystem === "npm" && specifier.startsWith(".")) {
    const joined = path
      .normalize(path.join(path.dirname(fromPath), specifier))
      .replace(/\.(m|c)?[jt]sx?$/, "");
    return [{ repo: undefined, pathPrefix: joined === "." ? "" : joined, directoryOnly: false }];
  }
  if (ecosystem === "python" && specifier.startsWith(".")) {
    const dots = /^\.+/.exec(specifier)?.[0].length ?? 1;
    let dir = path.dirname(fromPath);
    for (let i = 1; i < dots; i++) dir = path.dirname(dir);
    const rest = specifier.slice(dots).replace(/\./g, "/");
    const joined = path.normalize(rest ? path.join(dir, rest) : dir);
    return [{ repo: undefined, pathPrefix: joined === "." ? "" : joined, directoryOnly: false }];
  }
  const separator = ecosystem === "python" ? "." : "/";
  const matches = packages
    .filter(
      (p) => p.ecosystem === ecosystem && (specifier === p.name || specifier.startsWith(p.name + separator)),
    )
    .sort((a, b) => b.name.length - a.name.length);
  const best = matches[0];
  if (!best) return [];
  return matches
    .filter((p) => p.name === best.name)
    .map((p) => {
      const rest = specifier
        .slice(p.name.length + 1)
        .split(separator)
        .join("/");
      const prefix = rest ? (p.dir ? `${p.dir}/${rest}` : rest) : p.dir;
      return {
        repo: p.repo,
        pathPrefix: ecosystem === "npm" && rest ? p.dir : prefix,
        directoryOnly: ecosystem === "go",
      };
    });
}

/** Whether a repository-relative file path lies under a target. */
export function pathMatchesTarget(filePath: string, target: ModuleTarget): boolean {
  const { pathPrefix, directoryOnly } = target;
  if (directoryOnly) return path.dirname(filePath) === (pathPrefix || ".");
  if (!pathPrefix) return true;
  return (
    filePath === pathPrefix || filePath.startsWith(`${pathPrefix}.`) || filePath.startsWith(`${pathPrefix}/`)
  );
}
