import type { DocFormat } from "../types.js";
import { type Block, parseBlocks } from "./blocks.js";
import { plainInline } from "./plain-text.js";
import type { Tokenizer } from "./tokenizer.js";

/**
 * Chunking parameters (docs/kb.md). `maxTokens` 512 won on the kb-eval benchmark against 256
 * and 800 (docs/benchmarks.md, "Knowledge base").
 */
export interface ChunkOptions {
  /** Body tokens per chunk (cl100k_base); text blocks are split at sentences to fit. */
  maxTokens: number;
  /** A heading starts a new chunk only once the current one has this many tokens; smaller sections are merged. */
  minTokens: number;
  /** Code blocks and tables larger than this are cut at line ends after all (embedding models take ~8k tokens). */
  hardMaxTokens: number;
}

/**
 * Version of the chunking rules, part of every document's hash: a change re-chunks each
 * document once on its next sync. 2: list items cut apart by sentence packing stay on their
 * own lines.
 */
export const CHUNKER_VERSION = 2;

export const DEFAULT_CHUNK_OPTIONS: Readonly<ChunkOptions> = {
  maxTokens: 512,
  minTokens: 64,
  hardMaxTokens: 8000,
};

/** One chunk of a document. */
export interface ChunkDraft {
  ordinal: number;
  /** Headings above the chunk's first block, outermost first, without the document title. */
  headingPath: string[];
  /** The chunk's own text, as shown in results. */
  body: string;
  /** What is indexed and embedded: title, heading path, then the body. */
  text: string;
  /** Length of the title/heading prefix of `text` (the body starts there). */
  bodyOffset: number;
  tokenCount: number;
}

/**
 * Cuts a document into token-sized chunks along its structure: sections by heading, code
 * blocks and tables kept whole, paragraphs split at sentences only when one alone is too big.
 * Each chunk carries its heading path, prefixed (with the title) to the indexed text so that a
 * chunk deep in a page still matches words of its headings. Pure: same input, same chunks.
 */
export function chunkDocument(
  doc: { title: string; text: string; format: DocFormat },
  tokenizer: Tokenizer,
  options: ChunkOptions = DEFAULT_CHUNK_OPTIONS,
): ChunkDraft[] {
  const stack: { level: number; text: string }[] = [];
  const drafts: { headingPath: string[]; parts: string[] }[] = [];
  let current: { headingPath: string[]; parts: string[]; tokens: number } | undefined;

  const flush = () => {
    if (current?.parts.length) drafts.push(current);
    current = undefined;
  };
  const add = (text: string, tokens: number) => {
    if (current && current.tokens + tokens > options.maxTokens) flush();
    current ??= { headingPath: stack.map((h) => h.text), parts: [], tokens: 0 };
    current.parts.push(text);
    current.tokens += tokens;
  };

  for (const block of parseBlocks(doc.text, doc.format)) {
    if (block.kind === "heading") {
      if (current && current.tokens >= options.minTokens) flush();
      while (stack.length && (stack[stack.length - 1]?.level ?? 0) >= block.level) stack.pop();
      stack.push({ level: block.level, text: block.text });
      // a heading inside a chunk (a merged small section) stays in its body
      if (current) add(block.text, tokenizer.count(block.text));
      continue;
    }
    for (const piece of fitBlock(block, tokenizer, options)) {
      if (piece.tokens > options.maxTokens) {
        flush();
        add(piece.text, piece.tokens);
        flush();
      } else add(piece.text, piece.tokens);
    }
  }
  flush();
  if (drafts.length === 0 && doc.title.trim()) drafts.push({ headingPath: [], parts: [] });
  return drafts.map((draft, ordinal) => finish(doc.title, draft, ordinal, tokenizer));
}

function finish(
  title: string,
  draft: { headingPath: string[]; parts: string[] },
  ordinal: number,
  tokenizer: Tokenizer,
): ChunkDraft {
  // headings stay as written: an anchor's name (`<a name="…">`) is a good search term, for BM25
  // and the heading boost; search results show them as plain text
  const headingPath = [...draft.headingPath];
  if (headingPath[0] !== undefined && sameText(plainInline(headingPath[0]), title)) headingPath.shift();
  const body = draft.parts.join("\n\n");
  const prefix = [title.trim(), headingPath.join(" > ")].filter(Boolean).join("\n");
  const head = prefix ? `${prefix}\n\n` : "";
  const text = head + body;
  return {
    ordinal,
    headingPath,
    body,
    text,
    bodyOffset: head.length,
    tokenCount: tokenizer.count(text),
  };
}

function sameText(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

/** A block, or pieces of it that fit `maxTokens` (atomic blocks stay whole up to `hardMaxTokens`). */
function fitBlock(
  block: Exclude<Block, { kind: "heading" }>,
  tokenizer: Tokenizer,
  options: ChunkOptions,
): { text: string; tokens: number }[] {
  const tokens = tokenizer.count(block.text);
  if (block.atomic) {
    if (tokens <= options.hardMaxTokens) return [{ text: block.text, tokens }];
    return packLines(block.text.split("\n"), "\n", tokenizer, options.hardMaxTokens);
  }
  if (tokens <= options.maxTokens) return [{ text: block.text, tokens }];
  return packLines(splitSentences(block.text), " ", tokenizer, options.maxTokens, true);
}

/**
 * Packs sentences or lines (joined by `joiner`) into pieces of at most `max` tokens; an oversized
 * one is packed word by word, and a single oversized word is cut by tokens. With `keepLines`, a
 * unit that starts a structure of its own (a list item, a quote) starts a new line.
 */
function packLines(
  units: string[],
  joiner: string,
  tokenizer: Tokenizer,
  max: number,
  keepLines = false,
): { text: string; tokens: number }[] {
  const pieces: { text: string; tokens: number }[] = [];
  let text = "";
  let parts = 0;
  let count = 0;
  const push = () => {
    if (parts) pieces.push({ text, tokens: count });
    text = "";
    parts = 0;
    count = 0;
  };
  for (const unit of units) {
    const tokens = tokenizer.count(unit);
    if (tokens > max) {
      push();
      const words = unit.split(/\s+/).filter(Boolean);
      if (words.length > 1) pieces.push(...packLines(words, " ", tokenizer, max));
      else
        for (const cut of tokenizer.split(unit, max))
          pieces.push({ text: cut, tokens: tokenizer.count(cut) });
      continue;
    }
    if (count + tokens + 1 > max) push();
    text += parts ? (keepLines && STRUCTURAL_LINE.test(unit) ? "\n" : joiner) + unit : unit;
    count += tokens + (parts ? 1 : 0);
    parts++;
  }
  push();
  return pieces;
}

/** A line that starts a structure of its own: heading, list item, table row, quote, fence. */
const STRUCTURAL_LINE = /^\s*(?:#{1,6}\s|[-*+]\s|\d+[.)]\s|\||>|```|~~~)/;

/**
 * Sentence ends followed by a capital, digit, quote, bracket or Markdown emphasis/code mark. Blank lines and structural lines
 * (headings, list items, table rows) are boundaries; a prose paragraph hard-wrapped over several
 * lines, as Markdown usually is, is one run of text, so a sentence never ends at a line wrap.
 */
export function splitSentences(text: string): string[] {
  return unwrapProse(text)
    .split(/\n+|(?<=[.!?])\s+(?=["'([*_`A-Z0-9])/)
    .map((s) => s.trim())
    .filter(Boolean);
}

function unwrapProse(text: string): string {
  const lines = text.split("\n");
  let out = lines[0] ?? "";
  for (let i = 1; i < lines.length; i++) {
    const previous = lines[i - 1] ?? "";
    const line = lines[i] ?? "";
    const joins =
      previous.trim() !== "" &&
      line.trim() !== "" &&
      !STRUCTURAL_LINE.test(line) &&
      !/^\s*(?:\||```|~~~|#)/.test(previous);
    out += joins ? ` ${line.trim()}` : `\n${line}`;
  }
  return out;
}
