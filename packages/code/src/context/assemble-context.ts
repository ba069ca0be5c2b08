import { readFile, realpath } from "node:fs/promises";
import path from "node:path";
import { InputError, type Logger, type Queryable, type SearchTable } from "@uplift/core";
import type { CodeChunkRowMetadata } from "../index/chunk-table.js";
import { parseSource, textOnlyParse } from "../parse/parse-source.js";
import type { TreeSitterLoader } from "../parse/tree-sitter-loader.js";
import type { ParsedFile } from "../parse/types.js";
import { CodeIndexReader, type StoredSymbol } from "../store/code-reader.js";
import { isBinary } from "../walk/file-filters.js";
import { languageOf } from "../walk/languages.js";
import { type Cursor, cursorOffset, identifiersNearCursor, locallyBoundNames } from "./cursor.js";
import { type ContextSnippet, packSnippets } from "./pack.js";
import { lookupNames, rankDefinitions } from "./resolve-definitions.js";
import { similarSnippets } from "./similar-snippets.js";
import type { TokenCounter } from "./token-counter.js";

/** Default `--budget-tokens`. */
export const DEFAULT_CONTEXT_BUDGET = 2048;
/** Score of the open file's imports section. */
export const IMPORTS_SCORE = 0.5;
/** A definition longer than this is given as its doc comment and signature only. */
export const MAX_DEFINITION_LINES = 60;
/** Identifiers near the cursor that are looked up. */
const MAX_IDENTIFIERS = 40;
/** Definitions offered to the packer. */
const MAX_DEFINITIONS = 12;

export interface ContextRequest {
  /** The open file (absolute or relative to the working directory), read from disk as it is now. */
  file: string;
  cursor: Cursor;
  budgetTokens: number;
}

export interface ContextDeps {
  store: Queryable;
  /** The chunk table for BM25 candidates of similar snippets; undefined skips them. */
  chunks: SearchTable<CodeChunkRowMetadata> | undefined;
  loader: TreeSitterLoader;
  counter: TokenCounter;
  logger: Logger;
}

export interface AssembledContext {
  snippets: ContextSnippet[];
  /** Tokens of the packed snippets (headers included), by `tokenizer`. */
  tokens: number;
  tokenizer: string;
  /** The open file's repository and path in the org index ("" / path from the working directory if not indexed). */
  repo: string;
  path: string;
}

/**
 * Builds the context for a cursor: definitions of the identifiers used near it (resolved
 * across repositories through imports and the package map), similar snippets from the org
 * index, and the file's imports, ranked and packed into the token budget. The file may differ
 * from what was indexed or not parse at all: identifiers are then found lexically.
 */
export async function assembleContext(request: ContextRequest, deps: ContextDeps): Promise<AssembledContext> {
  const absolute = path.resolve(request.file);
  const text = await readOpenFile(absolute, request.file);
  const offset = cursorOffset(text, request.cursor, request.file);
  const reader = new CodeIndexReader(deps.store);
  const located = await reader.locate(await realpath(absolute));
  const language = languageOf(absolute);
  const repo = located?.repo ?? "";
  const relativePath = located?.path ?? path.relative(process.cwd(), absolute).split(path.sep).join("/");
  const lines = text.split("\n");
  // the similar-snippet search (the slowest part, partly in LanceDB's threads) runs alongside
  // parsing and definition look-up; candidates are concatenated in a fixed order as before
  const [ownCandidates, similar] = await Promise.all([
    definitionsAndImports(),
    similarSnippets({
      reader,
      chunks: deps.chunks,
      lines,
      cursorLine: request.cursor.line,
      language,
      self: { repo: located?.repo, path: relativePath },
    }),
  ]);
  const candidates = [...ownCandidates, ...similar];

  async function definitionsAndImports(): Promise<ContextSnippet[]> {
    const parsed = await parseOpenFile(deps, language, text, request.file);
    const near = identifiersNearCursor(text, offset).slice(0, MAX_IDENTIFIERS);
    const [symbols, packages] = await Promise.all([
      reader.symbolsNamed(lookupNames(near, parsed.imports)),
      reader.packages(),
    ]);
    const definitions = rankDefinitions(
      near,
      {
        repo: located?.repo,
        path: relativePath,
        language,
        imports: parsed.imports,
        namespace: parsed.namespace,
        locals: locallyBoundNames(text),
      },
      symbols,
      packages,
    ).slice(0, MAX_DEFINITIONS);
    const own = await definitionSnippets(reader, definitions);
    if (parsed.importLines) {
      const [first, last] = parsed.importLines;
      own.push({
        repo,
        path: relativePath,
        start_line: first,
        end_line: last,
        reason: "imports",
        score: IMPORTS_SCORE,
        text: lines.slice(first - 1, last).join("\n"),
      });
    }
    return own;
  }
  const packed = packSnippets(candidates, request.budgetTokens, deps.counter);
  return { ...packed, tokenizer: deps.counter.name, repo, path: relativePath };
}

async function readOpenFile(absolute: string, shown: string): Promise<string> {
  let bytes: Buffer;
  try {
    bytes = await readFile(absolute);
  } catch (error) {
    throw new InputError(
      `--file ${shown}: ${(error as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : (error as Error).message}`,
      {
        cause: error,
      },
    );
  }
  if (isBinary(bytes)) throw new InputError(`--file ${shown}: a binary file, not source code`);
  return bytes.toString("utf8").replace(/\r\n/g, "\n");
}

async function parseOpenFile(
  deps: ContextDeps,
  language: ReturnType<typeof languageOf>,
  text: string,
  shown: string,
): Promise<ParsedFile> {
  if (!language) return textOnlyParse(text);
  try {
    return (await parseSource(deps.loader, language, text)) ?? textOnlyParse(text);
  } catch (error) {
    // a half-typed file must never fail the context: fall back to lexical identifiers
    deps.logger.warn({ file: shown, err: error }, "the open file did not parse; using its identifiers only");
    return textOnlyParse(text);
  }
}

/** Each definition's text with its doc comment, or doc + first line when it is long. */
async function definitionSnippets(
  reader: CodeIndexReader,
  definitions: readonly { symbol: StoredSymbol; score: number }[],
): Promise<ContextSnippet[]> {
  const shown = definitions.map(({ symbol, score }) => {
    const start = Math.min(symbol.doc_start_line, symbol.start_line);
    const long = symbol.end_line - start + 1 > MAX_DEFINITION_LINES;
    return { symbol, score, start, end: long ? symbol.start_line : symbol.end_line, long };
  });
  const texts = await reader.fileLines(
    shown.map((d) => ({ repo: d.symbol.repo, path: d.symbol.path, start: d.start, end: d.end })),
  );
  return shown.flatMap((d, i) => {
    const text = texts[i];
    if (text === undefined) return [];
    return [
      {
        repo: d.symbol.repo,
        path: d.symbol.path,
        start_line: d.start,
        end_line: d.end,
        reason: "definition" as const,
        score: d.score,
        text: d.long ? `${text} …` : text,
      },
    ];
  });
}
