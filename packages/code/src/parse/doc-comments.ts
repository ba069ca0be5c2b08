/**
 * Turns raw comment text into doc text: strips `/**`, `*\/`, leading `*`, `///`, `//`, `#`
 * and C#'s XML tags, keeps line breaks between paragraphs, trims.
 */
export function cleanDocComment(raw: string): string {
  const lines = raw
    .replace(/^\s*\/\*\*?/, "")
    .replace(/\*\/\s*$/, "")
    .split("\n")
    .map((line) =>
      line
        .trim()
        .replace(/^(\/\/\/?|#+|\*(?!\/))\s?/, "")
        .replace(/<\/?(summary|remarks|returns|para)>/g, "")
        .trimEnd(),
    );
  while (lines.length && !lines[0]) lines.shift();
  while (lines.length && !lines[lines.length - 1]) lines.pop();
  return lines.join("\n");
}

/** A Python docstring literal without its quotes and prefix, dedented. */
export function cleanDocstring(literal: string): string {
  const body = literal.replace(/^[rRuUbBfF]*("""|'''|"|')/, "").replace(/("""|'''|"|')$/, "");
  const lines = body.split("\n");
  const indents = lines
    .slice(1)
    .filter((line) => line.trim())
    .map((line) => line.length - line.trimStart().length);
  const indent = indents.length ? Math.min(...indents) : 0;
  return [lines[0]?.trim() ?? "", ...lines.slice(1).map((line) => line.slice(indent).trimEnd())]
    .join("\n")
    .trim();
}

/** Collapses whitespace and caps the length of a signature (the header of a definition up to its body). */
export function normaliseSignature(header: string, maxChars = 300): string {
  const collapsed = header
    .replace(/\s+/g, " ")
    .trim()
    .replace(/\s*\{$/, "");
  return collapsed.length > maxChars ? `${collapsed.slice(0, maxChars - 1)}…` : collapsed;
}
