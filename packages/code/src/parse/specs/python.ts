import type { Node } from "web-tree-sitter";
import { cleanDocstring } from "../doc-comments.js";
import { type DefinitionMatch, fieldText, type LanguageSpec, lineOf } from "../language-spec.js";
import type { CodeImport, ImportedName } from "../types.js";

function definition(node: Node): DefinitionMatch | undefined {
  const name = fieldText(node, "name");
  if (!name) return undefined;
  const outer = node.parent?.type === "decorated_definition" ? node.parent : node;
  const kind = node.type === "class_definition" ? "class" : "function";
  return { name, kind, body: node.childForFieldName("body"), outer, signatureStart: node };
}

function docstring(match: DefinitionMatch): string | undefined {
  const first = match.body?.namedChildren[0];
  const literal = first?.type === "expression_statement" ? first.namedChildren[0] : undefined;
  return literal?.type === "string" ? cleanDocstring(literal.text) : undefined;
}

function imports(node: Node): CodeImport[] {
  const line = lineOf(node);
  if (node.type === "import_statement") {
    // import a.b as c, d  → one import per module
    return node.namedChildren.flatMap((child) => {
      if (child?.type === "dotted_name")
        return [{ module: child.text, names: [{ imported: "*", local: child.text }], line }];
      if (child?.type === "aliased_import") {
        const module = fieldText(child, "name");
        const alias = fieldText(child, "alias");
        return module ? [{ module, names: [{ imported: "*", local: alias ?? module }], line }] : [];
      }
      return [];
    });
  }
  const moduleNode = node.childForFieldName("module_name");
  if (!moduleNode) return [];
  const names: ImportedName[] = [];
  for (const child of node.childrenForFieldName("name")) {
    if (child?.type === "dotted_name") names.push({ imported: child.text, local: child.text });
    else if (child?.type === "aliased_import") {
      const imported = fieldText(child, "name");
      if (imported) names.push({ imported, local: fieldText(child, "alias") ?? imported });
    }
  }
  if (node.namedChildren.some((child) => child?.type === "wildcard_import"))
    names.push({ imported: "*", local: "*" });
  return [{ module: moduleNode.text, names, line }];
}

export const pythonSpec: LanguageSpec = {
  identifierTypes: new Set(["identifier"]),
  commentTypes: new Set(["comment"]),
  definitionTypes: new Set(["function_definition", "class_definition"]),
  definition,
  docstring,
  importTypes: new Set(["import_statement", "import_from_statement"]),
  imports,
  namespaceTypes: new Set(),
  namespace: () => undefined,
  isDocComment: (text) => text.startsWith("#"),
};
