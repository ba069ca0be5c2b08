/** A file tasks are cut from: repository name, repository-relative path, language and text (LF). */
export interface TaskSource {
  repo: string;
  path: string;
  language: string;
  text: string;
}

/** Lines that are worth predicting: some code, not a comment, a bracket or an import. */
export function isInterestingLine(line: string): boolean {
  const trimmed = line.trim();
  if (trimmed.length < 8) return false;
  if (/^(\/\/|#|\/?\*|--|"""|''')/.test(trimmed)) return false;
  if (/^(import|from|package|using|export \* from|#include)\b/.test(trimmed)) return false;
  return /[A-Za-z_$]/.test(trimmed) && !/^[\])}{;,]+$/.test(trimmed);
}

/** The file cut at the start of 0-based line `index`: prefix (through the line's indentation), the rest of the line, suffix. */
export function cutAtLine(text: string, index: number): { prefix: string; expected: string; suffix: string } {
  const lines = text.split("\n");
  const line = lines[index] ?? "";
  const indent = /^\s*/.exec(line)?.[0] ?? "";
  const before = lines.slice(0, index);
  const after = lines.slice(index + 1);
  return {
    prefix: (before.length > 0 ? `${before.join("\n")}\n` : "") + indent,
    expected: line.slice(indent.length).trimEnd(),
    suffix: after.length > 0 ? `\n${after.join("\n")}` : "",
  };
}

/** The last `count` lines of a prefix: what a next-line task asks about, in words a person reads. */
export function lastLines(prefix: string, count = 15): string {
  return prefix.split("\n").slice(-count).join("\n");
}
