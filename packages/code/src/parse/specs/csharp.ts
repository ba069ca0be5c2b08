import type { Node } from "web-tree-sitter";
import { type DefinitionMatch, fieldText, type LanguageSpec, lineOf } from "../language-spec.js";
import type { CodeImport, SymbolKind } from "../types.js";

const KINDS: Record<string, SymbolKind> = {
  class_declaration: "class",
  record_declaration: "class",
  interface_declaration: "interface",
  struct_declaration: "struct",
  record_struct_declaration: "struct",
  enum_declaration: "enum",
  method_declaration: "method",
  constructor_declaration: "method",
  local_function_statement: "function",
  delegate_declaration: "type",
};

function definition(node: Node): DefinitionMatch | undefined {
  const kind = KINDS[node.type];
  const name = fieldText(node, "name");
  if (!kind || !name) return undefined;
  return { name, kind, body: node.childForFieldName("body"), outer: node, signatureStart: node };
}

const USING = /^(?:global\s+)?using\s+(static\s+)?(?:(\w+)\s*=\s*)?([\w.]+)\s*;/;

function imports(node: Node): CodeImport[] {
  const match = USING.exec(node.text.replace(/\s+/g, " "));
  if (!match?.[3]) return [];
  return [{ module: match[3], names: [{ imported: "*", local: match[2] ?? "*" }], line: lineOf(node) }];
}

export const csharpSpec: LanguageSpec = {
  identifierTypes: new Set(["identifier"]),
  commentTypes: new Set(["comment"]),
  definitionTypes: new Set(Object.keys(KINDS)),
  definition,
  importTypes: new Set(["using_directive"]),
  imports,
  namespaceTypes: new Set(["namespace_declaration", "file_scoped_namespace_declaration"]),
  namespace: (node) => fieldText(node, "name"),
  isDocComment: (text) => text.startsWith("///") || text.startsWith("/**"),
};
