import type { Dependency, Ecosystem } from "../types.js";

/** Read access to a repository's files, by path relative to its root (`/`-separated). */
export interface RepoFiles {
  readonly root: string;
  /** The file's text, or undefined when it does not exist or is not readable. */
  read(relative: string): string | undefined;
  /** Every manifest or lock file found in the repository, relative paths. */
  readonly manifests: readonly string[];
}

export interface ParseInput {
  /** Path relative to the repository root. */
  file: string;
  text: string;
  repo: RepoFiles;
}

/**
 * One manifest or lock file format. A parser throws (any Error) when the file is not valid in
 * its format; the scan names the file with that message and goes on with the other files.
 */
export interface ManifestParser {
  readonly id: string;
  readonly ecosystem: Ecosystem;
  /** Lock files resolve versions and the transitive graph; manifests name direct requirements. */
  readonly role: "manifest" | "lock";
  matches(fileName: string): boolean;
  parse(input: ParseInput): Dependency[];
}

/** The error a parser throws for a file it cannot read: the message says what and where. */
export class ManifestSyntaxError extends Error {
  override readonly name = "ManifestSyntaxError";
}

/** Directory of a repository-relative path (`""` for the root). */
export function dirOf(relative: string): string {
  const i = relative.lastIndexOf("/");
  return i < 0 ? "" : relative.slice(0, i);
}

/** Joins repository-relative path segments, resolving `.` and `..` (never above the root). */
export function joinRelative(dir: string, name: string): string | undefined {
  const parts = dir === "" ? [] : dir.split("/");
  for (const segment of name.replace(/\\/g, "/").split("/")) {
    if (segment === "" || segment === ".") continue;
    if (segment === "..") {
      if (parts.length === 0) return undefined;
      parts.pop();
    } else parts.push(segment);
  }
  return parts.join("/");
}
