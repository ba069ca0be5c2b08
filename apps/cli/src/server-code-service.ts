import {
  type AssembledContext,
  assembleContext,
  buildFimPrompt,
  type CodeChunkRowMetadata,
  CodeIndexReader,
  type ContextDeps,
  chunkFile,
  findSimilarCode,
  type LanguageId,
  languageOf,
  lineCommentOf,
  loadCl100kCounter,
  openCodeChunks,
  parseSource,
  repositoryStatuses,
  searchCode,
  TreeSitterLoader,
} from "@uplift/code";
import {
  ConflictError,
  type Embedder,
  InputError,
  type Logger,
  type SearchIndex,
  type SearchTable,
  type Store,
} from "@uplift/core";
import type { CodeContextQuery, CodeService, CodeSimilarQuery } from "@uplift/server";
import { bufferContext, cursorOffsetIn } from "./server-buffer-context.js";
import { locateIndexed, openFile } from "./server-open-file.js";

export interface CodeServiceDeps {
  store: Store;
  searchIndex: SearchIndex;
  embedder: Embedder | undefined;
  logger: Logger;
}

const LANGUAGES: readonly LanguageId[] = [
  "typescript",
  "tsx",
  "javascript",
  "python",
  "java",
  "go",
  "csharp",
  "kotlin",
  "scala",
  "rust",
  "c",
  "cpp",
  "ruby",
  "php",
  "swift",
  "shell",
];

/**
 * The server's code operations over @uplift/code, with the CLI's inputs and JSON outputs
 * (`code search|similar|context`). Files are read from the server's disk only inside indexed
 * repositories, else from the index (`repo/path`); editor text (`text`) is used as sent.
 */
export function createCodeService(deps: CodeServiceDeps): CodeService {
  const loader = new TreeSitterLoader();
  return {
    repos: async () => ({ repositories: await repositoryStatuses(deps.store) }),
    async search({ query, k, repo }) {
      const results = await searchCode(deps.searchIndex, query, {
        k,
        embedder: deps.embedder,
        logger: deps.logger,
        ...(repo !== undefined && { repo }),
      });
      return { results };
    },
    similar: (query) => similarCode(deps, loader, query),
    context: (query) => codeContext(deps, loader, query),
  };
}

async function codeContext(deps: CodeServiceDeps, loader: TreeSitterLoader, query: CodeContextQuery) {
  const contextDeps: ContextDeps = {
    store: deps.store,
    chunks: await chunkTable(deps),
    loader,
    counter: await loadCl100kCounter(),
    logger: deps.logger,
  };
  const cursor = { line: query.line, column: query.column };
  let text: string;
  let context: AssembledContext;
  if (query.text !== undefined) {
    text = query.text.replace(/\r\n/g, "\n");
    const location = query.file ? await locateIndexed(deps.store, query.file, query.repo) : undefined;
    context = await bufferContext(contextDeps, {
      text,
      location,
      name: query.file,
      ...cursor,
      budgetTokens: query.budgetTokens,
    });
  } else {
    if (!query.file) throw new InputError("file: give the open file (or its `text`)");
    const open = await openFile(deps.store, query.file, query.repo);
    text = open.text;
    context = open.absolute
      ? await assembleContext({ file: open.absolute, cursor, budgetTokens: query.budgetTokens }, contextDeps)
      : await bufferContext(contextDeps, {
          text,
          location: open.located,
          name: query.file,
          ...cursor,
          budgetTokens: query.budgetTokens,
        });
  }
  if (!query.fim) return context;
  const offset = cursorOffsetIn(text, query.line, query.column);
  const prompt = buildFimPrompt({
    model: query.fim,
    prefix: text.slice(0, offset),
    suffix: text.slice(offset),
    path: context.path,
    repo: context.repo,
    snippets: context.snippets.filter((s) => s.reason !== "imports"),
    comment: lineCommentOf(languageOf(context.path || query.file || "")),
  });
  return { ...context, prompt };
}

async function similarCode(deps: CodeServiceDeps, loader: TreeSitterLoader, query: CodeSimilarQuery) {
  const reader = new CodeIndexReader(deps.store);
  let language: LanguageId | undefined;
  let queries: { start: number; end: number; code: string }[];
  let self: { repo: string; path: string } | undefined;
  if (query.code !== undefined) {
    language = languageNamed(query.language) ?? (query.file ? languageOf(query.file) : undefined);
    queries = [{ start: 1, end: query.code.split("\n").length, code: query.code }];
  } else {
    if (!query.file) throw new InputError("give either `code` or `file`");
    const open = await openFile(deps.store, query.file, undefined);
    self = open.located;
    language = languageOf(open.located?.path ?? query.file);
    const lines = open.text.split("\n");
    const range = query.lines;
    if (range && range.end > lines.length)
      throw new InputError(`lines ${range.start}-${range.end}: ${query.file} has ${lines.length} line(s)`);
    queries = range
      ? [{ ...range, code: lines.slice(range.start - 1, range.end).join("\n") }]
      : await definitionQueries(loader, open.text, language);
  }
  const results = [];
  let tooShort = 0;
  for (const q of queries) {
    const found = await findSimilarCode(
      reader,
      {
        code: q.code,
        language,
        ...(self && { self: { ...self, startLine: q.start, endLine: q.end } }),
      },
      { threshold: query.threshold, k: query.k },
    );
    if (found.tooShort) tooShort++;
    for (const { chunk, jaccard } of found.matches)
      results.push({
        repo: chunk.repo,
        path: chunk.path,
        start_line: chunk.start_line,
        end_line: chunk.end_line,
        symbol: chunk.symbol,
        kind: chunk.kind,
        jaccard,
        score: jaccard,
        query_start_line: q.start,
        query_end_line: q.end,
        text: chunk.content,
      });
  }
  results.sort((a, b) => b.jaccard - a.jaccard);
  return {
    results: results.slice(0, query.k),
    threshold: query.threshold,
    ...(tooShort === queries.length && {
      note: "the code is too short to compare (fewer than 25 normalised tokens)",
    }),
  };
}

/** Without `lines`, each definition-bounded chunk of the file is a query (as `code similar --file`). */
async function definitionQueries(loader: TreeSitterLoader, text: string, language: LanguageId | undefined) {
  const parsed = language ? await parseSource(loader, language, text) : undefined;
  return chunkFile(text, parsed?.symbols ?? []).map((c) => ({
    start: c.startLine,
    end: c.endLine,
    code: c.text,
  }));
}

/** A language id (`typescript`) or a file extension (`ts`, `.py`). */
function languageNamed(name: string | undefined): LanguageId | undefined {
  if (!name) return undefined;
  const lower = name.toLowerCase();
  return LANGUAGES.find((id) => id === lower) ?? languageOf(`file.${lower.replace(/^\./, "")}`);
}

/** The chunk table for BM25 similar snippets; skipped (and said) while it needs a rebuild for the embedder. */
async function chunkTable(deps: CodeServiceDeps): Promise<SearchTable<CodeChunkRowMetadata> | undefined> {
  const dimension = deps.embedder ? await deps.embedder.detectDimension() : undefined;
  try {
    return (await openCodeChunks(deps.searchIndex, dimension, deps.logger, { rebuild: false })).table;
  } catch (error) {
    if (!(error instanceof ConflictError)) throw error;
    deps.logger.warn(
      { err: error },
      "similar snippets from BM25 are skipped until the code index is rebuilt",
    );
    return undefined;
  }
}
