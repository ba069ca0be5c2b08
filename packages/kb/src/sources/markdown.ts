import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import { InputError } from "@uplift/core";
import type { DocFormat, DocSource, KbDocument, ScanContext } from "../types.js";
import { decodeDocumentFile } from "./decode.js";
import { DOC_EXTENSIONS } from "./limits.js";
import { readMarkupHead } from "./markup.js";

/** Folders never read: version control, dependencies, build output. */
const SKIPPED_DIRS = new Set(["node_modules", "dist", "build", "target", "vendor"]);

/** The document format of a file name, or undefined when the source does not read it. */
export function formatOfPath(file: string): DocFormat | undefined {
  const ext = path.extname(file).toLowerCase();
  return Object.hasOwn(DOC_EXTENSIONS, ext) ? DOC_EXTENSIONS[ext as keyof typeof DOC_EXTENSIONS] : undefined;
}

/** `base` + the path, each segment URL-encoded: `https://docs/x` + `a b/c.md` → `https://docs/x/a%20b/c.md`. */
export function joinUrl(base: string, relativePath: string): string {
  return `${base.replace(/\/+$/, "")}/${relativePath.split("/").map(encodeURIComponent).join("/")}`;
}

/**
 * Turns the bytes of a markup file into a document, or reports why it was skipped (not UTF-8,
 * too large). Shared by the markdown and git sources.
 */
export function markupDocument(
  bytes: Uint8Array,
  relativePath: string,
  format: DocFormat,
  fields: { source: string; url?: string | undefined; updated_at?: string | undefined },
  where: string,
  context: ScanContext,
): KbDocument | undefined {
  const text = decodeDocumentFile(bytes, where, relativePath, context);
  if (text === undefined) return undefined;
  const head = readMarkupHead(text, format);
  return {
    id: relativePath,
    title: head.title ?? path.posix.basename(relativePath, path.posix.extname(relativePath)),
    text: head.body,
    ...(fields.url ? { url: fields.url } : {}),
    ...(fields.updated_at ? { updated_at: fields.updated_at } : {}),
    source: fields.source,
    path: relativePath,
    format,
  };
}

/** A directory of Markdown (.md, .mdx), AsciiDoc (.adoc) and reStructuredText (.rst) files. */
export const markdownSource: DocSource = {
  type: "markdown",
  description: "a directory of .md/.mdx/.adoc/.rst files (title from front matter or first heading)",
  async check(config) {
    const info = await stat(config.path).catch(() => undefined);
    if (!info?.isDirectory()) throw new InputError(`--path ${config.path}: not a directory`);
    if (config.urlBase !== undefined && !/^https?:\/\//.test(config.urlBase))
      throw new InputError(`--url-base ${config.urlBase}: not an http(s) URL`);
  },
  async *scan(config, context) {
    for (const relativePath of await listDocFiles(config.path)) {
      const format = formatOfPath(relativePath);
      if (!format) continue;
      const file = path.join(config.path, relativePath);
      const [bytes, info] = await Promise.all([readFile(file), stat(file)]);
      const doc = markupDocument(
        bytes,
        relativePath,
        format,
        {
          source: config.name,
          url: config.urlBase ? joinUrl(config.urlBase, relativePath) : undefined,
          updated_at: info.mtime.toISOString(),
        },
        file,
        context,
      );
      if (doc) yield doc;
    }
  },
};

/** Paths (POSIX, relative to `root`, sorted) of the files with a document extension; hidden folders are skipped. */
export function listDocFiles(root: string): Promise<string[]> {
  return listFiles(root, (name) => formatOfPath(name) !== undefined);
}

/** Paths (POSIX, relative to `root`, sorted) of the files whose name `accept`s; hidden and dependency folders are skipped. */
export async function listFiles(root: string, accept: (name: string) => boolean): Promise<string[]> {
  const found: string[] = [];
  const walk = async (dir: string, prefix: string): Promise<void> => {
    const entries = await readdir(dir, { withFileTypes: true });
    for (const entry of entries) {
      if (entry.name.startsWith(".")) continue;
      const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRS.has(entry.name)) await walk(path.join(dir, entry.name), relative);
      } else if (entry.isFile() && accept(entry.name)) {
        found.push(relative);
      }
    }
  };
  await walk(root, "");
  return found.sort();
}
