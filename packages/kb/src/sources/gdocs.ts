import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import { InputError } from "@uplift/core";
import type { DocSource, ScanContext } from "../types.js";
import { decodeDocumentFile } from "./decode.js";
import { htmlToMarkdown, parseHtml } from "./html-to-markdown.js";
import { MAX_DOCUMENT_BYTES } from "./limits.js";
import { joinUrl, listFiles } from "./markdown.js";
import { readMarkupHead } from "./markup.js";

/**
 * Google Docs exported from Drive (Takeout or "Download as"): a folder of `.docx` files
 * (converted with mammoth) and `.html` files (Google's HTML export). Title: the HTML `<title>`,
 * else the first heading, else the file name. Document id: the path in the folder. URL:
 * `--url-base` + the path (Drive exports carry no document ids). A file that cannot be
 * converted is skipped and reported. Drive sharing is not in the export: use `--acl`.
 */
export const gdocsSource: DocSource = {
  type: "gdocs-export",
  description: "Google Docs exported from Drive: a folder of .docx and .html files",
  async check(config) {
    const info = await stat(config.path).catch(() => undefined);
    if (!info?.isDirectory())
      throw new InputError(`--path ${config.path}: not a directory (unzip the Drive export)`);
  },
  async *scan(config, context) {
    for (const file of await listFiles(config.path, (name) => /\.(docx|html?)$/i.test(name))) {
      const where = path.join(config.path, file);
      const [bytes, info] = await Promise.all([readFile(where), stat(where)]);
      const converted = /\.docx$/i.test(file)
        ? await docxToMarkdown(bytes, where, file, context)
        : htmlFileToMarkdown(bytes, where, file, context);
      if (!converted) continue;
      const head = readMarkupHead(converted.text, "markdown");
      yield {
        id: file,
        title: converted.title || head.title || path.posix.basename(file).replace(/\.(docx|html?)$/i, ""),
        text: converted.text,
        ...(config.urlBase ? { url: joinUrl(config.urlBase, file) } : {}),
        updated_at: info.mtime.toISOString(),
        source: config.name,
        path: file,
        format: "markdown",
      };
    }
  },
};

async function docxToMarkdown(
  bytes: Buffer,
  where: string,
  id: string,
  context: ScanContext,
): Promise<{ title?: string; text: string } | undefined> {
  if (bytes.byteLength > MAX_DOCUMENT_BYTES) {
    context.skip({ where, id, reason: `larger than ${MAX_DOCUMENT_BYTES} bytes` });
    return undefined;
  }
  const { default: mammoth } = await import("mammoth");
  try {
    const result = await mammoth.convertToHtml({ buffer: bytes }, { externalFileAccess: false });
    return { text: htmlToMarkdown(result.value) };
  } catch (error) {
    context.skip({ where, id, reason: `not a readable .docx (${(error as Error).message.slice(0, 200)})` });
    return undefined;
  }
}

function htmlFileToMarkdown(
  bytes: Buffer,
  where: string,
  id: string,
  context: ScanContext,
): { title?: string; text: string } | undefined {
  const html = decodeDocumentFile(bytes, where, id, context);
  if (html === undefined) return undefined;
  const root = parseHtml(html);
  const title = root.querySelector("title")?.text.trim();
  const text = htmlToMarkdown(root.querySelector("body") ?? root);
  return title ? { title, text } : { text };
}
