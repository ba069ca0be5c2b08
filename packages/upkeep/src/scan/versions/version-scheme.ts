import type { Ecosystem } from "../types.js";
import { goVersionScheme } from "./go-version.js";
import { mavenVersionScheme } from "./maven-version.js";
import { npmVersionScheme } from "./npm-version.js";
import { pep440VersionScheme } from "./pep440-version.js";

/**
 * An ecosystem's version ordering. `parse` returns undefined for a string the ecosystem does
 * not accept as a version; `compare` orders two parsed versions (negative, zero, positive).
 */
export interface VersionScheme<P = unknown> {
  readonly name: string;
  parse(version: string): P | undefined;
  compare(a: P, b: P): number;
}

/** Parses through a cache: a scan compares the same few thousand version strings many times. */
export class CachedScheme {
  private readonly parsed = new Map<string, unknown>();
  constructor(readonly scheme: VersionScheme) {}

  parse(version: string): unknown {
    if (this.parsed.has(version)) return this.parsed.get(version);
    const value = this.scheme.parse(version);
    this.parsed.set(version, value);
    return value;
  }

  compare(a: unknown, b: unknown): number {
    return this.scheme.compare(a, b);
  }

  /** Compares two version strings; undefined when either does not parse. */
  compareStrings(a: string, b: string): number | undefined {
    const pa = this.parse(a);
    const pb = this.parse(b);
    return pa === undefined || pb === undefined ? undefined : this.scheme.compare(pa, pb);
  }
}

/** The ordering OSV `ECOSYSTEM` ranges use for each ecosystem. */
export function ecosystemScheme(ecosystem: Ecosystem): VersionScheme {
  switch (ecosystem) {
    case "npm":
      return npmVersionScheme as VersionScheme;
    case "PyPI":
      return pep440VersionScheme as VersionScheme;
    case "Maven":
      return mavenVersionScheme as VersionScheme;
    case "Go":
      return goVersionScheme as VersionScheme;
  }
}

/** The ordering of OSV `SEMVER` ranges: SemVer 2.0, with Go's `v` prefix where Go uses it. */
export function semverRangeScheme(ecosystem: Ecosystem): VersionScheme {
  return (ecosystem === "Go" ? goVersionScheme : npmVersionScheme) as VersionScheme;
}
