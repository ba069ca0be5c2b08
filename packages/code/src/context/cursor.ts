import { InputError } from "@uplift/core";
import { splitIdentifier } from "../chunk/identifier-words.js";

/** A cursor as editors show it: 1-based line, 1-based column (column = length + 1 at the end of the line). */
export interface Cursor {
  line: number;
  column: number;
}

/**
 * The string offset of a cursor in `text`. Throws InputError naming the file, line and column
 * when the cursor lies outside the file.
 */
export function cursorOffset(text: string, cursor: Cursor, file: string): number {
  const lines = text.split("\n");
  if (!Number.isInteger(cursor.line) || cursor.line < 1 || cursor.line > lines.length)
    throw new InputError(
      `--line ${cursor.line}: ${file} has ${lines.length} line(s); give a line from 1 to ${lines.length}`,
    );
  const lineText = lines[cursor.line - 1] ?? "";
  if (!Number.isInteger(cursor.column) || cursor.column < 1 || cursor.column > lineText.length + 1)
    throw new InputError(
      `--column ${cursor.column}: line ${cursor.line} of ${file} has ${lineText.length} character(s); give a column from 1 to ${lineText.length + 1}`,
    );
  let offset = 0;
  for (let i = 0; i < cursor.line - 1; i++) offset += (lines[i] as string).length + 1;
  return offset + cursor.column - 1;
}

/** An identifier used near the cursor, with how much it matters for the completion there. */
export interface NearIdentifier {
  name: string;
  /** The identifier before a `.` in front of it (`money.FormatAmount` → `money`). */
  qualifier: string | undefined;
  /** 1 for the call the cursor is in, lower with distance from the cursor. */
  weight: number;
}

/** Lines above and below the cursor whose identifiers are considered. */
export const WINDOW_LINES_BEFORE = 30;
export const WINDOW_LINES_AFTER = 10;

const IDENTIFIER = /[A-Za-z_$][\w$]*/g;
const NOISE = new Set(
  "if else for while do switch case return function def class const let var new this self super import from export async await true false null nil None undefined public private protected static void int string bool boolean number any".split(
    " ",
  ),
);

/**
 * Identifiers around the cursor, weighted: the function whose call the cursor is inside (the
 * callee of the nearest unclosed `(`) gets 1, the word at the cursor 0.9, others decay with
 * line distance (half weight below the cursor). Works on text that does not parse.
 */
export function identifiersNearCursor(text: string, offset: number): NearIdentifier[] {
  const weights = new Map<string, NearIdentifier>();
  const put = (name: string, qualifier: string | undefined, weight: number) => {
    if (name.length < 2 || NOISE.has(name) || /^\d/.test(name)) return;
    const existing = weights.get(name);
    if (!existing || existing.weight < weight) weights.set(name, { name, qualifier, weight });
  };
  const callee = enclosingCallee(text, offset);
  if (callee) put(callee.name, callee.qualifier, 1);
  const before = /([A-Za-z_$][\w$]*)$/.exec(text.slice(Math.max(0, offset - 100), offset))?.[1];
  if (before) put(before, qualifierBefore(text, offset - before.length), 0.9);
  const starts = lineStarts(text);
  const cursorLine = lineAt(starts, offset);
  const start = starts[Math.max(1, cursorLine - WINDOW_LINES_BEFORE) - 1] ?? 0;
  const end = starts[cursorLine + WINDOW_LINES_AFTER] ?? text.length;
  const window = text.slice(start, end);
  IDENTIFIER.lastIndex = 0;
  for (let match = IDENTIFIER.exec(window); match; match = IDENTIFIER.exec(window)) {
    const at = start + match.index;
    const distance = Math.abs(lineAt(starts, at) - cursorLine);
    const weight = 0.8 * Math.exp(-distance / 8) * (at > offset ? 0.5 : 1);
    put(match[0], qualifierBefore(text, at), weight);
  }
  return [...weights.values()].sort((a, b) => b.weight - a.weight || a.name.localeCompare(b.name));
}

const LOCAL_BINDING = [
  // JS/TS declarations, Kotlin/Swift-style val/var, Python/Ruby `for x in`
  /\b(?:const|let|var|val)\s+([A-Za-z_$][\w$]*)/g,
  // `name = …` at the start of a statement (Python, JS, Ruby; not `==`, not `obj.name =`)
  /^[ \t]*([A-Za-z_$][\w$]*)[ \t]*(?::[^=\n]{1,80})?=(?!=)/gm,
  // Go `name := …` and `a, b := …` (first name)
  /\b([A-Za-z_][\w]*)(?:\s*,\s*[A-Za-z_]\w*)*\s*:=/g,
  /\bfor\s+([A-Za-z_$][\w$]*)\s+in\b/g,
];

/**
 * Names the open file binds to a value itself (`app = Flask(…)`, `const client = …`,
 * `err := …`): a definition of the same name elsewhere is a namesake, not what the code uses,
 * unless an import binds it. Lexical, so it works on text that does not parse.
 */
export function locallyBoundNames(text: string): Set<string> {
  const names = new Set<string>();
  for (const pattern of LOCAL_BINDING) {
    pattern.lastIndex = 0;
    for (let match = pattern.exec(text); match; match = pattern.exec(text)) names.add(match[1] as string);
  }
  return names;
}

/** The name called by the innermost unclosed `(` before the offset (within 2,000 characters). */
export function enclosingCallee(
  text: string,
  offset: number,
): { name: string; qualifier: string | undefined } | undefined {
  let depth = 0;
  for (let i = offset - 1; i >= Math.max(0, offset - 2000); i--) {
    const ch = text[i];
    if (ch === ")") depth++;
    else if (ch === "(") {
      if (depth === 0) {
        const name = /([A-Za-z_$][\w$]*)\s*(<[^<>()]*>)?\s*$/.exec(text.slice(Math.max(0, i - 200), i))?.[1];
        if (!name || NOISE.has(name)) return undefined;
        const nameStart = text.lastIndexOf(name, i);
        return { name, qualifier: qualifierBefore(text, nameStart) };
      }
      depth--;
    } else if (ch === "{" || ch === "}" || ch === ";") {
      if (depth === 0) return undefined;
    }
  }
  return undefined;
}

function qualifierBefore(text: string, at: number): string | undefined {
  return /([A-Za-z_$][\w$]*)\s*(\.|::|->)\s*$/.exec(text.slice(Math.max(0, at - 100), at))?.[1];
}

/** Offsets where each line starts (index 0 = line 1). */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) starts.push(i + 1);
  return starts;
}

/** The 1-based line of an offset, by binary search over `lineStarts`. */
export function lineAt(starts: readonly number[], offset: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if ((starts[mid] as number) <= offset) low = mid;
    else high = mid - 1;
  }
  return low + 1;
}

/** Words of identifiers, for matching a name typed in another convention. */
export function nameKey(name: string): string {
  return splitIdentifier(name).join("");
}
