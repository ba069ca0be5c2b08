import semver, { type SemVer } from "semver";
import type { VersionScheme } from "./version-scheme.js";

/** npm's own ordering (the `semver` package npm uses): SemVer 2.0 with loose parsing (`v1.2.3`, `=1.2.3`). */
export const npmVersionScheme: VersionScheme<SemVer> = {
  name: "semver",
  parse(version) {
    return semver.parse(version.trim(), { loose: true }) ?? undefined;
  },
  compare(a, b) {
    return a.compare(b);
  },
};

/** The lowest version a manifest range allows (`^1.2.3` → 1.2.3), or undefined for tags, URLs, `*`. */
export function lowestNpmVersion(range: string): string | undefined {
  const exact = semver.valid(range, { loose: true });
  if (exact) return exact;
  if (!semver.validRange(range, { loose: true })) return undefined;
  if (/^\s*(\*|x|latest)?\s*$/i.test(range)) return undefined;
  try {
    return semver.minVersion(range, { loose: true })?.version;
  } catch {
    return undefined;
  }
}
