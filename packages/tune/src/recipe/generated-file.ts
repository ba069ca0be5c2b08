import { stringify } from "yaml";

/** One file of a recipe, by its path relative to the output directory. */
export interface GeneratedFile {
  readonly path: string;
  readonly content: string;
}

/** YAML without line folding (commands and paths stay on one line), after a comment header. */
export function yamlFile(filePath: string, value: unknown, header: readonly string[] = []): GeneratedFile {
  const comments = header.map((line) => `# ${line}`.trimEnd()).join("\n");
  const body = Array.isArray(value)
    ? value.map((doc) => stringify(doc, { lineWidth: 0 })).join("---\n")
    : stringify(value, { lineWidth: 0 });
  return { path: filePath, content: comments ? `${comments}\n${body}` : body };
}

/** Quotes a word for a POSIX shell when it needs it. */
export function shellQuote(word: string): string {
  return /^[\w@%+=:,./~-]+$/.test(word) ? word : `'${word.replaceAll("'", `'\\''`)}'`;
}
