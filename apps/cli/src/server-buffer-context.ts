import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { type AssembledContext, assembleContext, type ContextDeps, packSnippets } from "@uplift/code";
import { InputError } from "@uplift/core";

/** Context candidates gathered per budget token before the open file's own copy is removed. */
const OVERFETCH = 2;

export interface BufferContextRequest {
  /** The file as the editor has it. */
  text: string;
  /** Its place in the org index, when known: its own indexed copy is never offered as context. */
  location: { repo: string; path: string } | undefined;
  /** The name the editor gave it (for its language and the answer's `path` when not indexed). */
  name: string | undefined;
  line: number;
  column: number;
  budgetTokens: number;
}

/**
 * `assembleContext` for text that is not on disk (an unsaved editor buffer, or a window of it).
 * When the repository's copy on disk is the same text, it is used as is (the CLI's path);
 * otherwise the text goes to a temporary file named like the original (so its language is
 * known), the context is assembled with twice the budget, the open file's own indexed chunks
 * and definitions are dropped (the editor shows them already) and the rest is packed into
 * the budget. Relative imports of a buffer outside its repository resolve by name only.
 */
export async function bufferContext(
  deps: ContextDeps,
  request: BufferContextRequest,
): Promise<AssembledContext> {
  const text = request.text.replace(/\r\n/g, "\n");
  checkCursor(text, request.line, request.column);
  const cursor = { line: request.line, column: request.column };
  const saved = request.location && (await savedCopy(deps, request.location, text));
  if (saved) return assembleContext({ file: saved, cursor, budgetTokens: request.budgetTokens }, deps);

  const name = path.basename(request.location?.path ?? request.name ?? "buffer.txt");
  const dir = await mkdtemp(path.join(tmpdir(), "uplift-buffer-"));
  let assembled: AssembledContext;
  try {
    const file = path.join(dir, name);
    await writeFile(file, text);
    assembled = await assembleContext({ file, cursor, budgetTokens: request.budgetTokens * OVERFETCH }, deps);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  const location = request.location;
  const shownPath = location?.path ?? request.name ?? "";
  const candidates = assembled.snippets.flatMap((snippet) => {
    if (snippet.reason === "imports") return [{ ...snippet, repo: location?.repo ?? "", path: shownPath }];
    return location && snippet.repo === location.repo && snippet.path === location.path ? [] : [snippet];
  });
  const packed = packSnippets(candidates, request.budgetTokens, deps.counter);
  return { ...packed, tokenizer: assembled.tokenizer, repo: location?.repo ?? "", path: shownPath };
}

/** The 0-based offset of a 1-based cursor; InputError naming `line`/`column` when it is outside the text. */
export function cursorOffsetIn(text: string, line: number, column: number): number {
  const lines = checkCursor(text, line, column);
  let offset = 0;
  for (let i = 0; i < line - 1; i++) offset += (lines[i] as string).length + 1;
  return offset + column - 1;
}

function checkCursor(text: string, line: number, column: number): string[] {
  const lines = text.split("\n");
  if (line < 1 || line > lines.length)
    throw new InputError(
      `line ${line}: the text has ${lines.length} line(s); give a line from 1 to ${lines.length}`,
    );
  const length = (lines[line - 1] ?? "").length;
  if (column < 1 || column > length + 1)
    throw new InputError(
      `column ${column}: line ${line} has ${length} character(s); give a column from 1 to ${length + 1}`,
    );
  return lines;
}

/** The repository's file on disk when it holds exactly `text`. */
async function savedCopy(
  deps: ContextDeps,
  location: { repo: string; path: string },
  text: string,
): Promise<string | undefined> {
  const { rows } = await deps.store.query<{ root: string }>("SELECT root FROM code_repos WHERE name = $1", [
    location.repo,
  ]);
  const root = rows[0]?.root;
  if (!root) return undefined;
  const file = path.join(root, ...location.path.split("/"));
  const inside = path.relative(root, file);
  if (inside.startsWith("..") || path.isAbsolute(inside) || !existsSync(file)) return undefined;
  const onDisk = (await readFile(file, "utf8")).replace(/\r\n/g, "\n");
  return onDisk === text ? file : undefined;
}
