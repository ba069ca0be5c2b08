import type { Dependency } from "../types.js";
import { lowestNpmVersion } from "../versions/npm-version.js";
import { type ManifestParser, ManifestSyntaxError } from "./manifest-parser.js";

export const DEPENDENCY_FIELDS = [
  ["dependencies", false],
  ["optionalDependencies", false],
  ["peerDependencies", false],
  ["devDependencies", true],
] as const;

/** The direct requirements of a package.json: name → { requirement, dev }. */
export function packageJsonRequirements(
  text: string,
  file: string,
): Map<string, { requirement: string; dev: boolean }> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new ManifestSyntaxError(`${file}: not JSON: ${(error as Error).message}`);
  }
  if (typeof json !== "object" || json === null || Array.isArray(json))
    throw new ManifestSyntaxError(`${file}: a package.json must be a JSON object`);
  const out = new Map<string, { requirement: string; dev: boolean }>();
  for (const [field, dev] of DEPENDENCY_FIELDS) {
    const deps = (json as Record<string, unknown>)[field];
    if (deps === undefined) continue;
    if (typeof deps !== "object" || deps === null || Array.isArray(deps))
      throw new ManifestSyntaxError(`${file}: "${field}" must be an object of name → version range`);
    for (const [name, requirement] of Object.entries(deps)) {
      if (typeof requirement !== "string")
        throw new ManifestSyntaxError(
          `${file}: ${field}.${name} must be a string, not ${typeof requirement}`,
        );
      if (!out.has(name)) out.set(name, { requirement, dev });
    }
  }
  return out;
}

/**
 * package.json without a lock file: direct dependencies only, at the lowest version each range
 * allows (ranges that name no version — tags, URLs, `workspace:` — keep version "").
 */
export const packageJsonParser: ManifestParser = {
  id: "package.json",
  ecosystem: "npm",
  role: "manifest",
  matches: (name) => name === "package.json",
  parse({ file, text }) {
    const deps: Dependency[] = [];
    for (const [name, { requirement, dev }] of packageJsonRequirements(text, file)) {
      deps.push({
        ecosystem: "npm",
        name,
        version: lowestNpmVersion(requirement) ?? "",
        requirement,
        direct: true,
        file,
        path: [name],
        dev,
      });
    }
    return deps;
  },
};
