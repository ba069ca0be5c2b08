import type { DocFormat } from "../types.js";

/**
 * A structural unit of a document. Headings open sections; `atomic` blocks (code, tables) are
 * never split by the chunker; text blocks (paragraphs, lists, quotes) may be split at sentences.
 */
export type Block =
  | { kind: "heading"; level: number; text: string }
  | { kind: "code" | "table"; text: string; atomic: true }
  | { kind: "text"; text: string; atomic: false };

/** Splits a document into blocks, following the syntax of its format ("text" is read as Markdown). */
export function parseBlocks(text: string, format: DocFormat): Block[] {
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  if (format === "asciidoc") return parseAsciidoc(lines);
  if (format === "rst") return parseRst(lines);
  return parseMarkdown(lines);
}

/** Accumulates paragraph lines and emits them as one text block at a blank line or a structural block. */
class BlockList {
  readonly blocks: Block[] = [];
  #paragraph: string[] = [];

  line(text: string): void {
    this.#paragraph.push(text);
  }

  get inParagraph(): boolean {
    return this.#paragraph.length > 0;
  }

  end(): void {
    const text = this.#paragraph.join("\n").trim();
    if (text) this.blocks.push({ kind: "text", text, atomic: false });
    this.#paragraph = [];
  }

  push(block: Block): void {
    this.end();
    if (block.kind === "heading" || block.text.trim()) this.blocks.push(block);
  }
}

const MD_FENCE = /^ {0,3}(`{3,}|~{3,})/;
const MD_ATX = /^ {0,3}(#{1,6})(?:\s+(.*?))?\s*#*\s*$/;
const MD_SETEXT = /^ {0,3}(=+|-+)\s*$/;
const MD_TABLE_DELIMITER = /^\s*\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$/;

function parseMarkdown(lines: string[]): Block[] {
  const out = new BlockList();
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? "";
    const fence = MD_FENCE.exec(line);
    if (fence?.[1]) {
      const marker = fence[1];
      let end = i + 1;
      while (end < lines.length && !isClosingFence(lines[end] ?? "", marker)) end++;
      out.push({ kind: "code", text: lines.slice(i, end + 1).join("\n"), atomic: true });
      i = end;
      continue;
    }
    const atx = MD_ATX.exec(line);
    if (atx?.[1]) {
      out.push({ kind: "heading", level: atx[1].length, text: atx[2] ?? "" });
      continue;
    }
    const next = lines[i + 1] ?? "";
    if (line.includes("|") && MD_TABLE_DELIMITER.test(next) && next.includes("-")) {
      let end = i + 2;
      while (end < lines.length && (lines[end] ?? "").includes("|") && (lines[end] ?? "").trim()) end++;
      out.push({ kind: "table", text: lines.slice(i, end).join("\n"), atomic: true });
      i = end - 1;
      continue;
    }
    if (!out.inParagraph && line.trim() && MD_SETEXT.exec(next) && !/^\s*([-*+>|]|\d+[.)])\s/.test(line)) {
      out.push({ kind: "heading", level: next.trim().startsWith("=") ? 1 : 2, text: line.trim() });
      i++;
      continue;
    }
    if (!line.trim()) out.end();
    else out.line(line);
  }
  out.end();
  return out.blocks;
}

function isClosingFence(line: string, marker: string): boolean {
  const trimmed = line.trim();
  return trimmed.length >= marker.length && trimmed === (marker[0] ?? "`").repeat(trimmed.length);
}

const ADOC_HEADING = /^(={1,6})\s+(.+?)\s*$/;
const ADOC_DELIMITER = /^(-{4,}|\.{4,}|\+{4,}|_{4,}|\*{4,}|={4,}|\/{4,})\s*$/;

function parseAsciidoc(lines: string[]): Block[] {
  const out = new BlockList();
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? "";
    const delimiter = ADOC_DELIMITER.exec(line)?.[1] ?? (/^\|===\s*$/.test(line) ? "|===" : undefined);
    if (delimiter) {
      let end = i + 1;
      while (end < lines.length && (lines[end] ?? "").trim() !== delimiter) end++;
      const kind = delimiter === "|===" ? "table" : "code";
      out.push({ kind, text: lines.slice(i, end + 1).join("\n"), atomic: true });
      i = end;
      continue;
    }
    const heading = ADOC_HEADING.exec(line);
    if (heading?.[1] && heading[2]) {
      out.push({ kind: "heading", level: Math.max(1, heading[1].length), text: heading[2] });
      continue;
    }
    if (!line.trim()) out.end();
    else out.line(line);
  }
  out.end();
  return out.blocks;
}

const RST_ADORNMENT = /^([=\-`:'"~^_*+#<>.])\1{2,}\s*$/;
const RST_SIMPLE_TABLE = /^=+(\s+=+)+\s*$/;

function parseRst(lines: string[]): Block[] {
  const out = new BlockList();
  const levels: string[] = [];
  const levelOf = (style: string) => {
    if (!levels.includes(style)) levels.push(style);
    return levels.indexOf(style) + 1;
  };
  let literalNext = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? "";
    const next = lines[i + 1] ?? "";
    // grid or simple table: contiguous non-blank lines from the border on
    if (/^\+[-=+]+\+\s*$/.test(line) || RST_SIMPLE_TABLE.test(line)) {
      let end = i + 1;
      while (end < lines.length && (lines[end] ?? "").trim()) end++;
      out.push({ kind: "table", text: lines.slice(i, end).join("\n"), atomic: true });
      i = end - 1;
      continue;
    }
    // overlined title: adornment, title, adornment
    if (RST_ADORNMENT.test(line) && next.trim() && RST_ADORNMENT.test(lines[i + 2] ?? "")) {
      out.push({ kind: "heading", level: levelOf(`over${line.trim()[0]}`), text: next.trim() });
      i += 2;
      continue;
    }
    if (
      !out.inParagraph &&
      line.trim() &&
      !RST_ADORNMENT.test(line) &&
      RST_ADORNMENT.test(next) &&
      next.trim().length >= line.trim().length
    ) {
      out.push({ kind: "heading", level: levelOf(next.trim()[0] ?? "="), text: line.trim() });
      i++;
      continue;
    }
    // an indented block after "::" (a literal block or a directive such as code-block) is code
    if (literalNext && /^\s+\S/.test(line)) {
      let end = i;
      while (end < lines.length && (/^\s+\S/.test(lines[end] ?? "") || !(lines[end] ?? "").trim())) end++;
      while (end > i && !(lines[end - 1] ?? "").trim()) end--;
      out.push({ kind: "code", text: lines.slice(i, end).join("\n"), atomic: true });
      i = end - 1;
      literalNext = false;
      continue;
    }
    if (!line.trim()) {
      out.end();
      continue;
    }
    if (/^\.\.\s+[\w-]+::/.test(line)) {
      out.push({ kind: "text", text: line.trim(), atomic: false });
      literalNext = true;
      continue;
    }
    out.line(line);
    literalNext = /::\s*$/.test(line);
  }
  out.end();
  return out.blocks;
}
