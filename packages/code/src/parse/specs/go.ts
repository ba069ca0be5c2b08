import type { Node } from "web-tree-sitter";
import { type DefinitionMatch, fieldText, type LanguageSpec, lineOf, unquote } from "../language-spec.js";
import type { CodeImport } from "../types.js";

function definition(node: Node): DefinitionMatch | undefined {
  const name = fieldText(node, "name");
  if (!name) return undefined;
  switch (node.type) {
    case "function_declaration":
      return {
        name,
        kind: "function",
        body: node.childForFieldName("body"),
        outer: node,
        signatureStart: node,
      };
    case "method_declaration": {
      const receiver = node.childForFieldName("receiver")?.text ?? "";
      const container = /(\w+)(\[[^\]]*\])?\s*\)\s*$/.exec(receiver)?.[1];
      return {
        name,
        kind: "method",
        body: node.childForFieldName("body"),
        outer: node,
        signatureStart: node,
        ...(container && { container }),
      };
    }
    case "type_spec": {
      const type = node.childForFieldName("type");
      const kind =
        type?.type === "struct_type" ? "struct" : type?.type === "interface_type" ? "interface" : "type";
      const outer =
        node.parent?.type === "type_declaration" && node.parent.namedChildCount === 1 ? node.parent : node;
      // the header stops at the `{` of a struct or interface: `type Receipt struct`
      const body =
        kind === "struct"
          ? type?.namedChildren[0]
          : kind === "interface"
            ? type?.children.find((child) => child?.type === "{")
            : null;
      return { name, kind, body: body ?? null, outer, signatureStart: outer };
    }
    case "method_elem":
    case "method_spec":
      return { name, kind: "method", body: null, outer: node, signatureStart: node };
    default:
      return undefined;
  }
}

function imports(node: Node): CodeImport[] {
  return node.descendantsOfType("import_spec").flatMap((spec) => {
    const path = spec && fieldText(spec, "path");
    if (!spec || !path) return [];
    const module = unquote(path);
    const local = fieldText(spec, "name") ?? defaultPackageName(module);
    return [{ module, names: [{ imported: "*", local }], line: lineOf(spec) }];
  });
}

/** Go's default package name for an import path: its last element, skipping a `/vN` major-version suffix. */
export function defaultPackageName(importPath: string): string {
  const parts = importPath.split("/");
  const last = parts[parts.length - 1] ?? importPath;
  return /^v\d+$/.test(last) && parts.length > 1
    ? (parts[parts.length - 2] ?? last)
    : last.replace(/^go-/, "");
}

export const goSpec: LanguageSpec = {
  identifierTypes: new Set(["identifier", "type_identifier", "field_identifier", "package_identifier"]),
  commentTypes: new Set(["comment"]),
  definitionTypes: new Set([
    "function_declaration",
    "method_declaration",
    "type_spec",
    "method_elem",
    "method_spec",
  ]),
  definition,
  importTypes: new Set(["import_declaration"]),
  imports,
  namespaceTypes: new Set(["package_clause"]),
  namespace: (node) => node.namedChildren[0]?.text,
  isDocComment: (text) => text.startsWith("//") || text.startsWith("/*"),
};
