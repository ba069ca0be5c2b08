import { parserFor } from "./index.js";
import type { RepoFiles } from "./manifest-parser.js";

/** A repository held in memory (e.g. files read from Git objects, or a test's fixture). */
export class MemoryRepoFiles implements RepoFiles {
  readonly manifests: string[];
  constructor(
    private readonly files: Record<string, string>,
    readonly root = "/memory",
  ) {
    this.manifests = Object.keys(files)
      .filter((f) => parserFor(f.slice(f.lastIndexOf("/") + 1)))
      .sort();
  }

  read(relative: string): string | undefined {
    return this.files[relative];
  }
}

/** Parses one file of an in-memory repository with the parser its name selects. */
export function parseMemoryFile(files: Record<string, string>, file: string) {
  const repo = new MemoryRepoFiles(files);
  const parser = parserFor(file.slice(file.lastIndexOf("/") + 1));
  const text = files[file];
  if (!parser || text === undefined) throw new Error(`no parser or no file for ${file}`);
  return parser.parse({ file, text, repo });
}
