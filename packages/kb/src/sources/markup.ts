import { parse as parseYaml } from "yaml";
import { plainInline } from "../chunk/plain-text.js";
import type { DocFormat } from "../types.js";

/** What a markup file says about itself: a title and the text without its front matter. */
export interface MarkupHead {
  title?: string;
  body: string;
}

const FRONT_MATTER = /^---[ \t]*\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/;
const RST_ADORNMENT = /^([=\-`:'"~^_*+#<>.])\1{2,}\s*$/;

/**
 * Splits off YAML front matter (Markdown) and finds the title: front matter `title`, else the
 * first heading (`# T`, a setext heading, AsciiDoc `= T`, or an underlined reStructuredText title).
 */
export function readMarkupHead(text: string, format: DocFormat): MarkupHead {
  let body = text.startsWith("\uFEFF") ? text.slice(1) : text;
  let title: string | undefined;
  const match = FRONT_MATTER.exec(body);
  if (match && format !== "rst") {
    body = body.slice(match[0].length);
    title = frontMatterTitle(match[1] ?? "");
  }
  title ??= firstHeading(body, format);
  return title ? { title, body } : { body };
}

function frontMatterTitle(yaml: string): string | undefined {
  try {
    const data: unknown = parseYaml(yaml);
    if (data && typeof data === "object" && "title" in data) {
      const title = (data as { title: unknown }).title;
      if (typeof title === "string" && title.trim()) return title.trim();
    }
  } catch {
    // Not YAML: the block is kept out of the text all the same; the title comes from a heading.
    return undefined;
  }
  return undefined;
}

function firstHeading(body: string, format: DocFormat): string | undefined {
  const lines = body.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? "";
    const next = lines[i + 1] ?? "";
    if (format === "asciidoc") {
      const m = /^={1,6}\s+(.+?)\s*$/.exec(line);
      if (m?.[1]) return m[1];
      continue;
    }
    if (format === "rst") {
      if (
        line.trim() &&
        !RST_ADORNMENT.test(line) &&
        RST_ADORNMENT.test(next) &&
        next.trim().length >= line.trim().length
      )
        return line.trim();
      continue;
    }
    const atx = /^ {0,3}#{1,6}\s+(.+?)\s*#*\s*$/.exec(line);
    if (atx?.[1]) return plainInline(atx[1]);
    if (line.trim() && /^ {0,3}(=+|-+)\s*$/.test(next) && !/^\s*[-*+>|]/.test(line))
      return plainInline(line.trim());
  }
  return undefined;
}
