/** A path with an extension: `src/receipt.ts`, `shop/receipt.py`, `C:\\x\\y.cs`. */
const PATH = String.raw`([\w@.~+-]*(?:[\\/][\w@.~+-]+)*\.[A-Za-z0-9]{1,10})`;

/** How IDE assistants name the file at the top of a prompt, and how the FIM formats do. */
const PATTERNS: readonly RegExp[] = [
  new RegExp(String.raw`^\s*(?:\/\/|#|--|;|\/\*|<!--)\s*(?:path|file|filename|filepath)\s*:\s*${PATH}`, "i"),
  new RegExp(String.raw`^\s*(?:\/\/|#|--|;)\s*${PATH}\s*$`),
  new RegExp(String.raw`^\s*<(?:filename|file_sep|\|file_sep\|)>\s*${PATH}\s*$`),
];

/** Lines at the top of the prompt that are searched for a file path. */
const HEADER_LINES = 5;

/**
 * The open file's path when the prompt names it in its first lines — `// Path: src/a.ts`,
 * `# file: shop/receipt.py`, `// src/a.ts`, `<filename>src/a.ts` — else undefined.
 */
export function filePathFromPrompt(prompt: string): string | undefined {
  for (const line of prompt.split("\n", HEADER_LINES)) {
    for (const pattern of PATTERNS) {
      const path = pattern.exec(line)?.[1];
      if (path && /[A-Za-z]/.test(path.slice(0, path.lastIndexOf(".")))) return path;
    }
  }
  return undefined;
}
