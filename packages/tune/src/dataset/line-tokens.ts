/**
 * Counting by lines, for a tokenizer none of whose tokens spans a newline (LLaMA's: the newline
 * is a byte token of its own). Then the tokens of a text are the sum of its lines' plus one per
 * newline, so pass 2 counts a file once (`DatasetTokenizer.lineTokens`) and derives the counts
 * of its parts (`splitCountedDocument`) and of their FIM rewrites (`joinedTokens`) from it.
 */

/** A text's tokens line by line (lines cut at `\n`, which is not counted in its line). */
export interface LineTokens {
  /** Offset of each line in the text. */
  starts: Int32Array;
  /** Tokens of each line. */
  tokens: Int32Array;
}

/** A stretch of a rewritten text: literal characters, or `[from, to)` of the counted text. */
export type TextPart = string | readonly [number, number];

/** Index of the line holding offset `at` (binary search over the line starts). */
export function lineAt(lines: LineTokens, at: number): number {
  let lo = 0;
  let hi = lines.starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((lines.starts[mid] as number) <= at) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * Tokens of the concatenation of `parts` (pieces of `text`, whose lines `lines` counted, and
 * literals such as FIM sentinels): the lines that are whole lines of `text` come from `lines`;
 * the lines put together from several parts (at most a few per rewrite) are counted by `count`.
 * Equals `count` of the concatenation for a tokenizer that counts line by line.
 */
export function joinedTokens(
  text: string,
  lines: LineTokens,
  parts: readonly TextPart[],
  count: (text: string) => number,
): number {
  let tokens = 0;
  let pending = ""; // the line being put together
  for (const part of parts) {
    if (typeof part === "string") {
      let at = 0;
      for (let newline = part.indexOf("\n"); newline !== -1; newline = part.indexOf("\n", at)) {
        tokens += count(pending + part.slice(at, newline)) + 1;
        pending = "";
        at = newline + 1;
      }
      pending += part.slice(at);
      continue;
    }
    const [from, to] = part;
    const newline = text.indexOf("\n", from);
    if (newline === -1 || newline >= to) {
      pending += text.slice(from, to);
      continue;
    }
    tokens += count(pending + text.slice(from, newline)) + 1;
    let line = lineAt(lines, newline) + 1;
    while (line + 1 < lines.starts.length && (lines.starts[line + 1] as number) <= to) {
      tokens += (lines.tokens[line] as number) + 1;
      line++;
    }
    pending = text.slice(lines.starts[line], to);
  }
  return pending === "" ? tokens : tokens + count(pending);
}
