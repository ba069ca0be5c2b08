import type { Dependency } from "../types.js";
import { goVersionScheme } from "../versions/go-version.js";
import { parseGoMod } from "./go-mod.js";
import { dirOf, joinRelative, type ManifestParser, ManifestSyntaxError } from "./manifest-parser.js";

/** Whether a `go` directive's version is at least 1.17 (module graph pruning: go.mod lists every dependency). */
function prunedGraph(goVersion: string | undefined): boolean {
  const [major, minor] = (goVersion ?? "").split(".").map(Number);
  return major !== undefined && minor !== undefined && (major > 1 || (major === 1 && minor >= 17));
}

/**
 * go.sum: `module version[/go.mod] h1:hash` lines. Since Go 1.17 go.mod lists every module the
 * build needs, so go.sum adds nothing there (it also holds versions the build does not select).
 * For an older go.mod (or none), modules whose code go.sum has a hash for and go.mod does not
 * name are added as transitive, at the highest version listed.
 */
export const goSumParser: ManifestParser = {
  id: "go.sum",
  ecosystem: "Go",
  role: "lock",
  matches: (name) => name === "go.sum",
  parse({ file, text, repo }) {
    const highest = new Map<string, string>();
    for (const [i, raw] of text.split(/\r?\n/).entries()) {
      const line = raw.trim();
      if (line === "") continue;
      const parts = line.split(/\s+/);
      const [path, version, hash] = parts;
      if (parts.length !== 3 || !path || !version || !hash?.startsWith("h1:"))
        throw new ManifestSyntaxError(`${file}:${i + 1}: expected "module version h1:hash", got "${line}"`);
      if (version.endsWith("/go.mod")) continue;
      const parsed = goVersionScheme.parse(version);
      if (!parsed) throw new ManifestSyntaxError(`${file}:${i + 1}: "${version}" is not a module version`);
      const current = highest.get(path);
      const currentParsed = current === undefined ? undefined : goVersionScheme.parse(current);
      if (!currentParsed || goVersionScheme.compare(parsed, currentParsed) > 0) highest.set(path, version);
    }
    const goModPath = joinRelative(dirOf(file), "go.mod") ?? "go.mod";
    const goModText = repo.read(goModPath);
    let named = new Set<string>();
    if (goModText !== undefined) {
      try {
        const mod = parseGoMod(goModText, goModPath);
        if (prunedGraph(mod.go)) return [];
        named = new Set([...mod.requires.map((r) => r.path), ...mod.replaces.map((r) => r.oldPath)]);
      } catch {
        // go.mod's own parse reports its problem
      }
    }
    const out: Dependency[] = [];
    for (const [name, version] of highest) {
      if (named.has(name)) continue;
      out.push({ ecosystem: "Go", name, version, direct: false, file, path: [name] });
    }
    return out;
  },
};
