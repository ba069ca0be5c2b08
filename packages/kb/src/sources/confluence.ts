import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import { InputError } from "@uplift/core";
import type { DocSource } from "../types.js";
import { decodeDocumentFile } from "./decode.js";
import { htmlToMarkdown, parseHtml } from "./html-to-markdown.js";
import { joinUrl, listFiles } from "./markdown.js";

/** `Page-Title_123456.html`: Confluence names exported pages after their title and page id. */
const PAGE_ID = /_(\d+)\.html?$/i;

/**
 * A Confluence space exported as HTML (Space tools → Export → HTML): one `.html` file per page.
 * The page text is `#main-content`; the title is the page heading without its "Space : "
 * prefix; `index.html` (the page list) is skipped. Document id: the page id from the file name
 * (else the file path). URL: `--url-base` + `/` + page id (e.g.
 * `--url-base https://wiki.example.com/spaces/ENG/pages`), else + the file path. The export has
 * no permissions: use `--acl`.
 */
export const confluenceSource: DocSource = {
  type: "confluence-export",
  description: "a Confluence space HTML export (a folder of .html pages)",
  async check(config) {
    const info = await stat(config.path).catch(() => undefined);
    if (!info?.isDirectory())
      throw new InputError(`--path ${config.path}: not a directory (unzip the Confluence HTML export first)`);
  },
  async *scan(config, context) {
    const files = await listFiles(config.path, (name) => /\.html?$/i.test(name));
    for (const file of files) {
      if (/^index\.html?$/i.test(file)) continue;
      const where = path.join(config.path, file);
      const pageId = PAGE_ID.exec(file)?.[1];
      const id = pageId ?? file;
      const html = decodeDocumentFile(await readFile(where), where, id, context);
      if (html === undefined) continue;
      const root = parseHtml(html);
      const main = root.querySelector("#main-content") ?? root.querySelector("body") ?? root;
      const heading =
        root.querySelector("#title-text")?.text ??
        root.querySelector("title")?.text ??
        path.basename(file, ".html");
      const text = htmlToMarkdown(main);
      if (!text.trim()) {
        context.skip({ where, id, reason: "no page content (#main-content is empty)" });
        continue;
      }
      yield {
        id,
        title: pageTitle(heading),
        text,
        ...(config.urlBase
          ? {
              url: pageId ? `${config.urlBase.replace(/\/+$/, "")}/${pageId}` : joinUrl(config.urlBase, file),
            }
          : {}),
        source: config.name,
        path: file,
        format: "markdown",
      };
    }
  },
};

/** "Engineering : Deploying" → "Deploying" (the export prefixes the space name). */
export function pageTitle(heading: string): string {
  const clean = heading.replace(/\s+/g, " ").trim();
  const at = clean.indexOf(" : ");
  return at >= 0 ? clean.slice(at + 3).trim() : clean;
}
