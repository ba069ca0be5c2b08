import type { Node } from "web-tree-sitter";
import {
  type DefinitionMatch,
  fieldText,
  type LanguageSpec,
  lineOf,
  outerOf,
  unquote,
} from "../language-spec.js";
import type { CodeImport, ImportedName, SymbolKind } from "../types.js";

const WRAPPERS = new Set(["export_statement", "lexical_declaration", "variable_declaration"]);
const CLASS_KINDS: Record<string, SymbolKind> = {
  class_declaration: "class",
  abstract_class_declaration: "class",
  class: "class",
  interface_declaration: "interface",
  enum_declaration: "enum",
  type_alias_declaration: "type",
  function_declaration: "function",
  generator_function_declaration: "function",
  function_signature: "function",
  method_definition: "method",
  method_signature: "method",
  abstract_method_signature: "method",
};
const FUNCTION_VALUES = new Set(["arrow_function", "function_expression", "function", "generator_function"]);

function definition(node: Node): DefinitionMatch | undefined {
  const type = node.type;
  if (type === "variable_declarator" || type === "public_field_definition") {
    const value = node.childForFieldName("value");
    if (!value || !FUNCTION_VALUES.has(value.type)) return undefined;
    const name = fieldText(node, "name");
    if (!name) return undefined;
    const outer = type === "variable_declarator" ? outerOf(node, WRAPPERS) : node;
    const kind: SymbolKind = type === "public_field_definition" ? "method" : "function";
    return { name, kind, body: value.childForFieldName("body"), outer, signatureStart: outer };
  }
  const kind = CLASS_KINDS[type];
  const name = fieldText(node, "name");
  if (!kind || !name) return undefined;
  const outer = outerOf(node, WRAPPERS);
  const body = type === "type_alias_declaration" ? null : node.childForFieldName("body");
  return { name, kind, body, outer, signatureStart: outer };
}

function imports(node: Node): CodeImport[] {
  const line = lineOf(node);
  if (node.type === "call_expression") {
    const callee = node.childForFieldName("function");
    const argument = node.childForFieldName("arguments")?.namedChildren[0];
    if (callee?.text !== "require" || argument?.type !== "string") return [];
    const holder = node.parent?.type === "variable_declarator" ? node.parent.childForFieldName("name") : null;
    const names: ImportedName[] = [];
    if (holder?.type === "identifier") names.push({ imported: "*", local: holder.text });
    else if (holder?.type === "object_pattern") {
      for (const child of holder.namedChildren) {
        if (child?.type === "shorthand_property_identifier_pattern")
          names.push({ imported: child.text, local: child.text });
        else if (child?.type === "pair_pattern") {
          const key = fieldText(child, "key");
          const value = fieldText(child, "value");
          if (key && value) names.push({ imported: key, local: value });
        }
      }
    }
    return [{ module: unquote(argument.text), names, line }];
  }
  const source = node.childForFieldName("source");
  if (!source) return [];
  const names: ImportedName[] = [];
  for (const child of node.namedChildren) {
    if (child?.type === "import_clause") {
      for (const part of child.namedChildren) {
        if (!part) continue;
        if (part.type === "identifier") names.push({ imported: "default", local: part.text });
        else if (part.type === "namespace_import") {
          const local = part.namedChildren[0]?.text;
          if (local) names.push({ imported: "*", local });
        } else if (part.type === "named_imports") {
          for (const specifier of part.namedChildren) {
            const imported = specifier && fieldText(specifier, "name");
            if (specifier && imported)
              names.push({ imported, local: fieldText(specifier, "alias") ?? imported });
          }
        }
      }
    } else if (child?.type === "export_clause") {
      for (const specifier of child.namedChildren) {
        const imported = specifier && fieldText(specifier, "name");
        if (specifier && imported) names.push({ imported, local: fieldText(specifier, "alias") ?? imported });
      }
    }
  }
  if (node.type === "export_statement" && names.length === 0) names.push({ imported: "*", local: "*" });
  return [{ module: unquote(source.text), names, line }];
}

const DEFINITION_TYPES = new Set([
  ...Object.keys(CLASS_KINDS),
  "variable_declarator",
  "public_field_definition",
]);

/** TypeScript, TSX and JavaScript (the grammars share node names). */
export const typescriptSpec: LanguageSpec = {
  identifierTypes: new Set([
    "identifier",
    "type_identifier",
    "property_identifier",
    "shorthand_property_identifier",
    "shorthand_property_identifier_pattern",
  ]),
  commentTypes: new Set(["comment"]),
  definitionTypes: DEFINITION_TYPES,
  definition,
  importTypes: new Set(["import_statement", "export_statement", "call_expression"]),
  imports,
  mayImport: (type, source, start) => type !== "call_expression" || source.startsWith("require", start),
  namespaceTypes: new Set(),
  namespace: () => undefined,
  isDocComment: (text) => text.startsWith("/**") || text.startsWith("//"),
};
