import type { CodeSymbol, SymbolKind } from "../parse/types.js";

/** Chunks never exceed this many lines; longer definitions are split into windows. */
export const MAX_CHUNK_LINES = 80;

/** A piece of a file: a definition, part of one, or the code between definitions. Lines 1-based, inclusive. */
export interface CodeChunk {
  startLine: number;
  endLine: number;
  /** The definition the chunk belongs to (`Class.method` for members), "" for top-level code between definitions. */
  symbol: string;
  /** The definition's kind; "block" for code between definitions, "text" for files indexed without a parser. */
  kind: SymbolKind | "block" | "text";
  text: string;
}

interface Span {
  start: number;
  end: number;
}

/**
 * Cuts a file at definition boundaries: each top-level definition (with its doc comment) is
 * one chunk; a definition longer than `maxLines` with members (a big class) is split into its
 * header, one chunk per member and the code between members; other long definitions into
 * windows of `maxLines`. The top-level code between definitions (imports, constants) forms
 * remainder chunks. Blank-only pieces are dropped. Without symbols, the file is cut in windows.
 */
export function chunkFile(
  source: string,
  symbols: readonly CodeSymbol[],
  maxLines = MAX_CHUNK_LINES,
): CodeChunk[] {
  const lines = source.split("\n");
  if (lines.length > 1 && lines[lines.length - 1] === "") lines.pop();
  const chunks: CodeChunk[] = [];
  const emit = (span: Span, symbol: string, kind: CodeChunk["kind"]) => {
    for (let start = span.start; start <= span.end; start += maxLines) {
      const end = Math.min(span.end, start + maxLines - 1);
      const piece = trimBlank(lines, { start, end });
      if (!piece) continue;
      chunks.push({ startLine: piece.start, endLine: piece.end, symbol, kind, text: slice(lines, piece) });
    }
  };
  const cover = (
    outer: Span,
    children: readonly CodeSymbol[],
    gapSymbol: string,
    gapKind: CodeChunk["kind"],
  ) => {
    let next = outer.start;
    for (const child of children) {
      const span = spanOf(child, lines.length);
      if (span.start < next) continue; // overlaps an earlier one (e.g. Go methods of an interface): keep the first
      if (span.start > next) emit({ start: next, end: span.start - 1 }, gapSymbol, gapKind);
      emitSymbol(child, span);
      next = span.end + 1;
    }
    if (next <= outer.end) emit({ start: next, end: outer.end }, gapSymbol, gapKind);
  };
  const emitSymbol = (symbol: CodeSymbol, span: Span) => {
    const name = symbol.container ? `${symbol.container}.${symbol.name}` : symbol.name;
    const members = symbols.filter(
      (s) => !s.topLevel && s.container === symbol.name && s.startLine > span.start && s.endLine <= span.end,
    );
    if (span.end - span.start + 1 <= maxLines || members.length === 0) emit(span, name, symbol.kind);
    else cover(span, sortByStart(members), name, symbol.kind);
  };
  if (symbols.length === 0) {
    emit({ start: 1, end: lines.length }, "", "text");
    return chunks;
  }
  cover({ start: 1, end: lines.length }, sortByStart(symbols.filter((s) => s.topLevel)), "", "block");
  return chunks;
}

function spanOf(symbol: CodeSymbol, lineCount: number): Span {
  return {
    start: Math.max(1, Math.min(symbol.docStartLine, symbol.startLine)),
    end: Math.min(symbol.endLine, lineCount),
  };
}

function sortByStart(symbols: readonly CodeSymbol[]): CodeSymbol[] {
  return [...symbols].sort((a, b) => a.startLine - b.startLine || b.endLine - a.endLine);
}

function trimBlank(lines: readonly string[], span: Span): Span | undefined {
  let { start, end } = span;
  while (start <= end && !lines[start - 1]?.trim()) start++;
  while (end >= start && !lines[end - 1]?.trim()) end--;
  return start <= end ? { start, end } : undefined;
}

function slice(lines: readonly string[], span: Span): string {
  return lines.slice(span.start - 1, span.end).join("\n");
}
