/** What a definition is; `function` covers free functions, `method` those inside a class/struct/interface. */
export type SymbolKind =
  | "function"
  | "method"
  | "class"
  | "interface"
  | "struct"
  | "enum"
  | "type"
  | "module";

/** A definition found in a file. Lines are 1-based and inclusive. */
export interface CodeSymbol {
  name: string;
  kind: SymbolKind;
  /** Enclosing class/struct/interface name for methods and nested types, else undefined. */
  container: string | undefined;
  startLine: number;
  endLine: number;
  /** The header up to the body, whitespace collapsed (e.g. `export function formatAmount(cents: number): string`). */
  signature: string;
  /** The doc comment (JSDoc, docstring, `///`, `//` above a Go declaration), markers stripped; "" when none. */
  doc: string;
  /** First line of the doc comment/decorators, so a chunk can include them. */
  docStartLine: number;
  /** Top-level (not nested in a function or a class). */
  topLevel: boolean;
}

/** One imported name: `import { a as b } from "m"` → `{ imported: "a", local: "b" }`; `*` for a namespace/wildcard. */
export interface ImportedName {
  imported: string;
  local: string;
}

/** An import statement: module specifier as written (`@acme/money`, `./format`, `com.acme.money`, `github.com/acme/money`). */
export interface CodeImport {
  module: string;
  names: ImportedName[];
  line: number;
}

/** What parsing a file yields. */
export interface ParsedFile {
  symbols: CodeSymbol[];
  imports: CodeImport[];
  /** Distinct identifiers used in the file (references), in first-seen order. */
  references: string[];
  /** Declared package/namespace (Java `package`, C# `namespace`, Go `package`), "" when none. */
  namespace: string;
  /** Lines spanned by import statements: [first, last], or undefined. */
  importLines: [number, number] | undefined;
  /** Whether tree-sitter produced a tree without ERROR nodes. */
  clean: boolean;
}
