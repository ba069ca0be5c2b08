import type { CodeSymbol } from "@uplift/code";
import type { EvalTask } from "./eval-task.js";
import type { TaskSource } from "./task-source.js";

/** Bodies longer than this are left out: a model is asked for a function, not a module. */
export const MAX_BODY_LINES = 30;

/**
 * Function-body completion tasks: for each documented function or method, the model sees the
 * file up to the end of the signature (doc comment included) and must write the body. Only
 * functions with a doc comment and a body of 1…`maxBodyLines` lines qualify.
 * Brace languages: the body is the lines between the header's `{` line and the closing `}` line;
 * Python: the lines after the `:` header (and after the docstring, which the model is given).
 */
export function functionBodyTasks(
  source: TaskSource,
  symbols: readonly CodeSymbol[],
  maxBodyLines = MAX_BODY_LINES,
): EvalTask[] {
  const lines = source.text.split("\n");
  const tasks: EvalTask[] = [];
  for (const symbol of symbols) {
    if ((symbol.kind !== "function" && symbol.kind !== "method") || symbol.doc.trim() === "") continue;
    const span = source.language === "python" ? pythonBody(lines, symbol) : braceBody(lines, symbol);
    if (!span) continue;
    const [first, last] = span; // 0-based, inclusive
    const body = lines.slice(first, last + 1);
    if (body.length > maxBodyLines || body.every((line) => line.trim() === "")) continue;
    const prefix = `${lines.slice(0, first).join("\n")}\n`;
    const rest = lines.slice(last + 1);
    tasks.push({
      id: `function_body:${source.repo}/${source.path}:${symbol.startLine}`,
      kind: "function_body",
      repo: source.repo,
      path: source.path,
      language: source.language,
      prompt: lines.slice(symbol.docStartLine - 1, first).join("\n"),
      prefix,
      suffix: rest.length > 0 ? `\n${rest.join("\n")}` : "",
      expected: body.join("\n"),
    });
  }
  return tasks;
}

/** [first, last] body lines (0-based) of a `{ … }` function whose closing brace is alone on its line. */
function braceBody(lines: readonly string[], symbol: CodeSymbol): [number, number] | undefined {
  const start = symbol.startLine - 1;
  const end = symbol.endLine - 1;
  let header = -1;
  for (let i = start; i < end; i++) {
    if ((lines[i] ?? "").trimEnd().endsWith("{")) {
      header = i;
      break;
    }
  }
  if (header < 0 || !/^\s*}/.test(lines[end] ?? "")) return undefined;
  return header + 1 <= end - 1 ? [header + 1, end - 1] : undefined;
}

/** [first, last] body lines (0-based) of a Python `def`, after its docstring. */
function pythonBody(lines: readonly string[], symbol: CodeSymbol): [number, number] | undefined {
  const start = symbol.startLine - 1;
  const end = symbol.endLine - 1;
  let header = -1;
  for (let i = start; i <= end; i++) {
    if ((lines[i] ?? "").replace(/#.*$/, "").trimEnd().endsWith(":")) {
      header = i;
      break;
    }
  }
  if (header < 0) return undefined;
  let first = header + 1;
  const opening = (lines[first] ?? "").trim();
  const quote = opening.startsWith('"""') ? '"""' : opening.startsWith("'''") ? "'''" : undefined;
  if (quote) {
    let close = first;
    if (!(opening.length >= 6 && opening.endsWith(quote))) {
      close = first + 1;
      while (close <= end && !(lines[close] ?? "").includes(quote)) close++;
    }
    first = close + 1;
  }
  return first <= end ? [first, end] : undefined;
}
