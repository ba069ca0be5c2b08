import { lstat, readFile } from "node:fs/promises";
import path from "node:path";
import {
  contentSkipReason,
  generatedNameReason,
  isBinary,
  MAX_FILE_BYTES,
  type SkipReason,
  vendoredReason,
} from "./file-filters.js";
import { type LanguageId, languageOf } from "./languages.js";

/** A source file accepted for indexing. */
export interface SourceFile {
  /** Repository-relative, `/`-separated. */
  path: string;
  language: LanguageId;
  text: string;
}

export type SourceRead = { file: SourceFile } | { skipped: SkipReason } | { missing: true };

/** The reason a path is skipped before its content is read (name rules), or undefined. */
export function pathSkipReason(relativePath: string): SkipReason | undefined {
  return (
    vendoredReason(relativePath) ??
    generatedNameReason(relativePath) ??
    (languageOf(relativePath) ? undefined : "unsupported")
  );
}

/**
 * Reads one listed file and applies every filter (name, size, binary, generated header,
 * minified). A path that vanished or is not a regular file (a submodule, a symlink) is `missing`.
 */
export async function readSourceFile(root: string, relativePath: string): Promise<SourceRead> {
  const byName = pathSkipReason(relativePath);
  if (byName) return { skipped: byName };
  const absolute = path.join(root, relativePath);
  let info: Awaited<ReturnType<typeof lstat>>;
  try {
    info = await lstat(absolute);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return { missing: true };
    throw error;
  }
  if (!info.isFile()) return { missing: true };
  if (info.size > MAX_FILE_BYTES) return { skipped: "too_large" };
  const bytes = await readFile(absolute);
  if (isBinary(bytes)) return { skipped: "binary" };
  const text = bytes.toString("utf8").replace(/\r\n/g, "\n");
  const byContent = contentSkipReason(text);
  if (byContent) return { skipped: byContent };
  return { file: { path: relativePath, language: languageOf(relativePath) as LanguageId, text } };
}
