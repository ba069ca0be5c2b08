import semver, { type SemVer } from "semver";
import type { VersionScheme } from "./version-scheme.js";

/**
 * Go module versions (golang.org/x/mod/semver): `v` + SemVer; `v1` and `v1.2` are shorthands for
 * `v1.0.0`/`v1.2.0`; `+incompatible` is build metadata and does not take part in the order.
 * Pseudo-versions (`v0.0.0-20200101000000-abcdef123456`, `v1.2.4-0.2020…`) are pre-releases
 * whose timestamp orders them, which SemVer pre-release ordering gives.
 */
export const goVersionScheme: VersionScheme<SemVer> = {
  name: "go",
  parse(version) {
    const match = /^v?(\d+)(?:\.(\d+))?(?:\.(\d+))?([-+].*)?$/.exec(version.trim());
    if (!match) return undefined;
    const [, major, minor, patch, rest] = match;
    if (patch === undefined && rest !== undefined) return undefined; // v1.2-pre is not a Go version
    return semver.parse(`${major}.${minor ?? "0"}.${patch ?? "0"}${rest ?? ""}`) ?? undefined;
  },
  compare(a, b) {
    return a.compare(b);
  },
};
