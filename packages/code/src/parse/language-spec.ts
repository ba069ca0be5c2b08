import type { Node } from "web-tree-sitter";
import type { CodeImport, SymbolKind } from "./types.js";

/** A definition recognised at a node. */
export interface DefinitionMatch {
  name: string;
  kind: SymbolKind;
  /** The body node (class body, block); the signature is the text before it. */
  body: Node | null;
  /** The node whose range a chunk covers and above which the doc comment sits (e.g. `export_statement`). */
  outer: Node;
  /** Where the signature starts (usually `outer`; the `def` itself under a Python decorator). */
  signatureStart: Node;
  /** Set when the grammar names the container itself (a Go method's receiver type). */
  container?: string;
}

/** How one tree-sitter grammar maps onto symbols, imports and references. */
export interface LanguageSpec {
  /** Leaf node types whose text is an identifier (references). */
  identifierTypes: ReadonlySet<string>;
  commentTypes: ReadonlySet<string>;
  /** Node types `definition` is asked about. */
  definitionTypes: ReadonlySet<string>;
  definition(node: Node): DefinitionMatch | undefined;
  importTypes: ReadonlySet<string>;
  /** Imports of an import node (empty when the node is not an import after all, e.g. a call that is not `require`). */
  imports(node: Node): CodeImport[];
  /** Cheap test on the source before a node of an import type is materialised (e.g. a call starting with `require`). */
  mayImport?(type: string, source: string, startIndex: number): boolean;
  namespaceTypes: ReadonlySet<string>;
  namespace(node: Node): string | undefined;
  /** A docstring inside the body (Python), preferred over comments above. */
  docstring?(match: DefinitionMatch): string | undefined;
  /** Only comments matching this count as doc comments (e.g. `/**` in Java/TS, `///` in C#). */
  isDocComment(text: string): boolean;
}

/** The `name` field's text, or undefined. */
export function fieldText(node: Node, field: string): string | undefined {
  return node.childForFieldName(field)?.text;
}

/** Climbs through wrapper nodes (export, declarations with one declarator, decorators). */
export function outerOf(node: Node, wrappers: ReadonlySet<string>): Node {
  let outer = node;
  for (let parent = outer.parent; parent && wrappers.has(parent.type); parent = parent.parent) {
    if (
      parent.namedChildCount > 2 &&
      parent.type !== "export_statement" &&
      parent.type !== "decorated_definition"
    )
      break;
    outer = parent;
  }
  return outer;
}

/** Strips the quotes of a string literal. */
export function unquote(literal: string): string {
  return literal.replace(/^[`'"]|[`'"]$/g, "");
}

export function lineOf(node: Node): number {
  return node.startPosition.row + 1;
}
