import type { LanguageId } from "../walk/languages.js";
import { extractFromTree } from "./extract.js";
import { LANGUAGE_SPECS } from "./specs/index.js";
import type { TreeSitterLoader } from "./tree-sitter-loader.js";
import type { ParsedFile } from "./types.js";

const IDENTIFIER = /[A-Za-z_$][\w$]*/g;

/**
 * Parses a file with its tree-sitter grammar. Returns undefined for a language without one
 * (the caller indexes it as text). Tree-sitter recovers from syntax errors, so a file being
 * edited still yields the definitions it can; `clean` says whether the tree had errors.
 */
export async function parseSource(
  loader: TreeSitterLoader,
  language: LanguageId,
  source: string,
): Promise<ParsedFile | undefined> {
  const spec = LANGUAGE_SPECS[language];
  const parser = spec && (await loader.parser(language));
  if (!spec || !parser) return undefined;
  const tree = parser.parse(source);
  if (!tree) return undefined;
  try {
    return extractFromTree(tree, source, spec);
  } finally {
    tree.delete();
  }
}

/** Identifiers found by a regular expression: the references of a file no grammar parses. */
export function lexicalIdentifiers(source: string): string[] {
  return [...new Set(source.match(IDENTIFIER) ?? [])];
}

/** What a file yields when it has no grammar or cannot be parsed: references only. */
export function textOnlyParse(source: string): ParsedFile {
  return {
    symbols: [],
    imports: [],
    references: lexicalIdentifiers(source),
    namespace: "",
    importLines: undefined,
    clean: false,
  };
}
