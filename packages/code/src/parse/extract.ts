import type { Node, Tree, TreeCursor } from "web-tree-sitter";
import { cleanDocComment, normaliseSignature } from "./doc-comments.js";
import type { DefinitionMatch, LanguageSpec } from "./language-spec.js";
import type { CodeImport, CodeSymbol, ParsedFile } from "./types.js";

const CONTAINER_KINDS = new Set(["class", "interface", "struct", "enum"]);

interface Scope {
  name: string;
  isContainer: boolean;
}

/**
 * Walks a tree once: definitions (top level and members of classes, not locals inside
 * functions) with signature and doc comment, imports, the namespace and every identifier.
 */
export function extractFromTree(tree: Tree, source: string, spec: LanguageSpec): ParsedFile {
  const symbols: CodeSymbol[] = [];
  const imports: CodeImport[] = [];
  const references = new Set<string>();
  const scopes: Scope[] = [];
  let namespace = "";
  let importFirst = 0;
  let importLast = 0;

  const visit = (cursor: TreeCursor): void => {
    const type = cursor.nodeType;
    if (spec.identifierTypes.has(type)) {
      references.add(source.slice(cursor.startIndex, cursor.endIndex));
      return; // identifiers are leaves
    }
    let pushed = false;
    if (spec.definitionTypes.has(type)) {
      const inFunction = scopes.length > 0 && !scopes[scopes.length - 1]?.isContainer;
      const match = spec.definition(cursor.currentNode);
      if (match) {
        if (!inFunction) symbols.push(toSymbol(match, scopes, spec, source));
        scopes.push({ name: match.name, isContainer: CONTAINER_KINDS.has(match.kind) });
        pushed = true;
      }
    } else if (spec.importTypes.has(type) && (spec.mayImport?.(type, source, cursor.startIndex) ?? true)) {
      const found = spec.imports(cursor.currentNode);
      imports.push(...found);
      // the imports section shown as context is the module's own, not an import inside a function
      if (found.length && scopes.length === 0) {
        const first = cursor.startPosition.row + 1;
        const last = cursor.endPosition.row + 1;
        importFirst = importFirst === 0 ? first : Math.min(importFirst, first);
        importLast = Math.max(importLast, last);
      }
    } else if (!namespace && spec.namespaceTypes.has(type)) {
      namespace = spec.namespace(cursor.currentNode) ?? "";
    }
    if (cursor.gotoFirstChild()) {
      do visit(cursor);
      while (cursor.gotoNextSibling());
      cursor.gotoParent();
    }
    if (pushed) scopes.pop();
  };

  const cursor = tree.walk();
  try {
    visit(cursor);
  } finally {
    cursor.delete();
  }
  return {
    symbols,
    imports,
    references: [...references],
    namespace,
    importLines: importFirst ? [importFirst, importLast] : undefined,
    clean: !tree.rootNode.hasError,
  };
}

function toSymbol(
  match: DefinitionMatch,
  scopes: readonly Scope[],
  spec: LanguageSpec,
  source: string,
): CodeSymbol {
  const parent = scopes[scopes.length - 1];
  const container = match.container ?? (parent?.isContainer ? parent.name : undefined);
  const kind = match.kind === "function" && parent?.isContainer ? "method" : match.kind;
  const { doc, startLine: docStartLine } = docOf(match, spec);
  const start = match.signatureStart;
  const headerEnd = match.body
    ? match.body.startIndex
    : Math.min(match.outer.endIndex, start.startIndex + 400);
  const header = source.slice(start.startIndex, Math.max(headerEnd, start.startIndex));
  return {
    name: match.name,
    kind,
    container,
    startLine: match.outer.startPosition.row + 1,
    endLine: match.outer.endPosition.row + 1 - (match.outer.endPosition.column === 0 ? 1 : 0),
    signature: normaliseSignature(header),
    doc,
    docStartLine,
    topLevel: scopes.length === 0,
  };
}

/** The doc comment of a definition: a docstring (Python), else the comments right above it. */
function docOf(match: DefinitionMatch, spec: LanguageSpec): { doc: string; startLine: number } {
  const startLine = match.outer.startPosition.row + 1;
  const docstring = spec.docstring?.(match);
  const comments: Node[] = [];
  let expectedRow = match.outer.startPosition.row;
  for (let sibling = match.outer.previousSibling; sibling; sibling = sibling.previousSibling) {
    if (!spec.commentTypes.has(sibling.type) || sibling.endPosition.row < expectedRow - 1) break;
    if (!spec.isDocComment(sibling.text)) break;
    comments.unshift(sibling);
    expectedRow = sibling.startPosition.row;
    if (sibling.text.startsWith("/*")) break; // one block comment is the whole doc
  }
  const first = comments[0];
  const commentStart = first ? first.startPosition.row + 1 : startLine;
  if (docstring !== undefined) return { doc: docstring, startLine: commentStart };
  return { doc: cleanDocComment(comments.map((c) => c.text).join("\n")), startLine: commentStart };
}
