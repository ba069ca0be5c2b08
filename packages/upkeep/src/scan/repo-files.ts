import { type Dirent, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { parserFor } from "./parsers/index.js";
import type { RepoFiles } from "./parsers/manifest-parser.js";

/** Directories that hold installed or generated code, not the repository's own manifests. */
const SKIPPED_DIRS = new Set([
  ".git",
  "node_modules",
  "bower_components",
  "vendor",
  ".venv",
  "venv",
  "__pycache__",
  ".tox",
  "target",
  "dist",
  "build",
  ".uplift",
]);

/** A repository on disk: its manifest files (found once) and cached reads. */
export class DiskRepoFiles implements RepoFiles {
  readonly manifests: string[];
  /** Directories that could not be listed (permissions), with the reason. */
  readonly unreadable: { dir: string; message: string }[] = [];
  private readonly texts = new Map<string, string | undefined>();

  constructor(readonly root: string) {
    this.manifests = findManifests(root, this.unreadable);
  }

  read(relative: string): string | undefined {
    if (this.texts.has(relative)) return this.texts.get(relative);
    let text: string | undefined;
    try {
      text = readFileSync(path.join(this.root, relative), "utf8");
    } catch {
      text = undefined;
    }
    this.texts.set(relative, text);
    return text;
  }
}

function findManifests(root: string, unreadable: { dir: string; message: string }[]): string[] {
  const out: string[] = [];
  const walk = (relative: string) => {
    let entries: Dirent[];
    try {
      entries = readdirSync(path.join(root, relative), { withFileTypes: true });
    } catch (error) {
      unreadable.push({ dir: relative === "" ? "." : relative, message: (error as Error).message });
      return;
    }
    for (const entry of entries) {
      const child = relative === "" ? entry.name : `${relative}/${entry.name}`;
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRS.has(entry.name)) walk(child);
      } else if (entry.isFile() && parserFor(entry.name)) out.push(child);
    }
  };
  walk("");
  return out.sort();
}
