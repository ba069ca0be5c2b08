import type { Node } from "web-tree-sitter";
import { type DefinitionMatch, fieldText, type LanguageSpec, lineOf } from "../language-spec.js";
import type { CodeImport, SymbolKind } from "../types.js";

const KINDS: Record<string, SymbolKind> = {
  class_declaration: "class",
  record_declaration: "class",
  interface_declaration: "interface",
  annotation_type_declaration: "interface",
  enum_declaration: "enum",
  method_declaration: "method",
  constructor_declaration: "method",
};

function definition(node: Node): DefinitionMatch | undefined {
  const kind = KINDS[node.type];
  const name = fieldText(node, "name");
  if (!kind || !name) return undefined;
  return { name, kind, body: node.childForFieldName("body"), outer: node, signatureStart: node };
}

const IMPORT = /^import\s+(static\s+)?([\w.$]+?)(\.\*)?\s*;/;

function imports(node: Node): CodeImport[] {
  const match = IMPORT.exec(node.text.replace(/\s+/g, " ").replace(/ \./g, "."));
  if (!match?.[2]) return [];
  const line = lineOf(node);
  const path = match[2];
  if (match[3]) return [{ module: path, names: [{ imported: "*", local: "*" }], line }];
  const dot = path.lastIndexOf(".");
  const name = path.slice(dot + 1);
  return [{ module: path.slice(0, Math.max(dot, 0)), names: [{ imported: name, local: name }], line }];
}

export const javaSpec: LanguageSpec = {
  identifierTypes: new Set(["identifier", "type_identifier"]),
  commentTypes: new Set(["block_comment", "line_comment"]),
  definitionTypes: new Set(Object.keys(KINDS)),
  definition,
  importTypes: new Set(["import_declaration"]),
  imports,
  namespaceTypes: new Set(["package_declaration"]),
  namespace: (node) => /^package\s+([\w.]+)/.exec(node.text)?.[1],
  isDocComment: (text) => text.startsWith("/**"),
};
