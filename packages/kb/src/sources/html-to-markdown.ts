import { type HTMLElement, type Node, NodeType, parse, type TextNode } from "node-html-parser";

const SKIPPED = new Set([
  "script",
  "style",
  "noscript",
  "head",
  "nav",
  "template",
  "svg",
  "iframe",
  "button",
  "form",
]);
const BLOCKS = new Set([
  "p",
  "div",
  "section",
  "article",
  "main",
  "body",
  "html",
  "header",
  "footer",
  "aside",
  "figure",
  "figcaption",
  "dl",
  "dt",
  "dd",
  "address",
  "details",
  "summary",
  "center",
]);
const LINE_BREAK = "\u2028";

/** Parses an HTML document or fragment (entities decoded, comments dropped). */
export function parseHtml(html: string): HTMLElement {
  return parse(html, { comment: false, blockTextElements: {} });
}

/**
 * Converts HTML to the Markdown the chunker understands: ATX headings, paragraphs, lists,
 * blockquotes, fenced code (from `<pre>`), pipe tables (from `<table>`). Links keep their text,
 * images and scripts are dropped.
 */
export function htmlToMarkdown(html: string | HTMLElement): string {
  const root = typeof html === "string" ? parseHtml(html) : html;
  const out: string[] = [];
  blocksOf(root, out);
  return out.join("\n\n");
}

function isElement(node: Node): node is HTMLElement {
  return node.nodeType === NodeType.ELEMENT_NODE;
}

function tagOf(node: HTMLElement): string {
  return (node.rawTagName ?? "").toLowerCase();
}

function blocksOf(node: HTMLElement, out: string[]): void {
  let inline = "";
  const flush = () => {
    const text = cleanInline(inline);
    if (text) out.push(text);
    inline = "";
  };
  for (const child of node.childNodes) {
    if (!isElement(child)) {
      if (child.nodeType === NodeType.TEXT_NODE) inline += (child as TextNode).text;
      continue;
    }
    const tag = tagOf(child);
    if (SKIPPED.has(tag)) continue;
    if (/^h[1-6]$/.test(tag)) {
      flush();
      const text = cleanInline(inlineOf(child)).replace(/\n+/g, " ");
      if (text) out.push(`${"#".repeat(Number(tag[1]))} ${text}`);
    } else if (tag === "pre") {
      flush();
      out.push(fence(child.text.replace(/^\n/, "").replace(/\s+$/, "")));
    } else if (tag === "ul" || tag === "ol") {
      flush();
      const list = listOf(child, tag === "ol");
      if (list) out.push(list);
    } else if (tag === "table") {
      flush();
      const table = tableOf(child);
      if (table) out.push(table);
    } else if (tag === "blockquote") {
      flush();
      const inner: string[] = [];
      blocksOf(child, inner);
      if (inner.length) out.push(inner.join("\n\n").replace(/^/gm, "> "));
    } else if (tag === "hr") {
      flush();
    } else if (BLOCKS.has(tag) || tag === "li") {
      flush();
      blocksOf(child, out);
    } else {
      inline += inlineOf(child);
    }
  }
  flush();
}

function inlineOf(node: HTMLElement): string {
  const tag = tagOf(node);
  if (SKIPPED.has(tag) || tag === "img") return "";
  if (tag === "br") return LINE_BREAK;
  if (tag === "code" || tag === "kbd" || tag === "tt") {
    const text = node.text.replace(/\s+/g, " ");
    return text.trim() ? `\`${text}\`` : text;
  }
  let text = "";
  for (const child of node.childNodes) {
    if (isElement(child)) text += inlineOf(child);
    else if (child.nodeType === NodeType.TEXT_NODE) text += (child as TextNode).text;
  }
  return BLOCKS.has(tag) || tag === "li" || tag === "p" ? ` ${text} ` : text;
}

function cleanInline(text: string): string {
  return text
    .replace(/[ \t\r\n\f\u00a0]+/g, " ")
    .split(LINE_BREAK)
    .map((line) => line.trim())
    .join("\n")
    .trim();
}

function fence(code: string): string {
  const marker = code.includes("```") ? "~~~~" : "```";
  return `${marker}\n${code}\n${marker}`;
}

function listOf(list: HTMLElement, ordered: boolean): string {
  const items = list.childNodes.filter((n): n is HTMLElement => isElement(n) && tagOf(n) === "li");
  return items
    .map((item, i) => {
      const inner: string[] = [];
      blocksOf(item, inner);
      const marker = ordered ? `${i + 1}. ` : "- ";
      const text = inner.join("\n").replace(/\n/g, `\n${" ".repeat(marker.length)}`);
      return text.trim() ? `${marker}${text}` : "";
    })
    .filter(Boolean)
    .join("\n");
}

function tableOf(table: HTMLElement): string {
  const rows = table
    .querySelectorAll("tr")
    .map((row) =>
      row.childNodes
        .filter((n): n is HTMLElement => isElement(n) && (tagOf(n) === "td" || tagOf(n) === "th"))
        .map((cell) => cleanInline(inlineOf(cell)).replace(/\n/g, " ").replace(/\|/g, "\\|")),
    )
    .filter((cells) => cells.length > 0);
  if (rows.length === 0) return "";
  const width = Math.max(...rows.map((cells) => cells.length));
  const line = (cells: string[]) =>
    `| ${Array.from({ length: width }, (_, i) => cells[i] ?? "").join(" | ")} |`;
  const [head, ...body] = rows;
  return [line(head ?? []), `|${" --- |".repeat(width)}`, ...body.map(line)].join("\n");
}
