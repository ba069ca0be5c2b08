import type { Node } from "web-tree-sitter";
import { type DefinitionMatch, fieldText, type LanguageSpec, lineOf } from "../language-spec.js";
import type { CodeImport, SymbolKind } from "../types.js";

const BODY_TYPES = new Set(["class_body", "enum_class_body", "function_body"]);

/** `class`, `interface`, `enum class`, `data class`, `object`: one node type for most of them. */
function classKind(node: Node): SymbolKind {
  if (node.type === "object_declaration") return "class";
  if (node.children.some((child) => child?.type === "interface")) return "interface";
  const modifiers = node.children.find((child) => child?.type === "modifiers");
  return modifiers?.children.some((m) => m?.type === "class_modifier" && m.text === "enum")
    ? "enum"
    : "class";
}

function definition(node: Node): DefinitionMatch | undefined {
  // the grammar names a type alias's new name `type` (`typealias Money = Long`)
  const name = fieldText(node, node.type === "type_alias" ? "type" : "name");
  if (!name) return undefined;
  // the header stops where the body starts: `{` of a class, `{` or `=` of a function
  const body = node.children.find((child) => child !== null && BODY_TYPES.has(child.type)) ?? null;
  switch (node.type) {
    case "function_declaration":
      return { name, kind: "function", body, outer: node, signatureStart: node };
    case "class_declaration":
    case "object_declaration":
      return { name, kind: classKind(node), body, outer: node, signatureStart: node };
    case "type_alias":
      return { name, kind: "type", body: null, outer: node, signatureStart: node };
    default:
      return undefined;
  }
}

/** `import a.b.C`, `import a.b.*`, `import a.b.c as d` (the grammar's `import` node). */
const IMPORT = /^import\s+([\w.`]+?)(\.\*)?(?:\s+as\s+(\w+))?\s*;?$/;

function imports(node: Node): CodeImport[] {
  const match = IMPORT.exec(node.text.replace(/\s+/g, " ").trim());
  if (!match?.[1]) return [];
  const line = lineOf(node);
  const path = match[1].replaceAll("`", "");
  if (match[2]) return [{ module: path, names: [{ imported: "*", local: "*" }], line }];
  const dot = path.lastIndexOf(".");
  const name = path.slice(dot + 1);
  return [
    { module: path.slice(0, Math.max(dot, 0)), names: [{ imported: name, local: match[3] ?? name }], line },
  ];
}

/**
 * Kotlin (tree-sitter-grammars/tree-sitter-kotlin): top-level functions, classes, interfaces,
 * objects, enums and type aliases; member functions become methods of their class (a companion
 * object's functions are members of the class, as Kotlin calls them: `Format.of(…)`). Imports
 * and the `package` header resolve like Java's, through the symbol table.
 */
export const kotlinSpec: LanguageSpec = {
  identifierTypes: new Set(["identifier"]),
  commentTypes: new Set(["block_comment", "line_comment"]),
  definitionTypes: new Set(["function_declaration", "class_declaration", "object_declaration", "type_alias"]),
  definition,
  importTypes: new Set(["import"]),
  imports,
  namespaceTypes: new Set(["package_header"]),
  namespace: (node) => /^package\s+([\w.`]+)/.exec(node.text)?.[1]?.replaceAll("`", ""),
  isDocComment: (text) => text.startsWith("/**"),
};
