/**
 * Languages the code index knows. Those with a `grammar` are parsed with tree-sitter
 * (definitions, imports, references); the others are indexed as text in line windows.
 */
export type LanguageId =
  | "typescript"
  | "tsx"
  | "javascript"
  | "python"
  | "java"
  | "go"
  | "csharp"
  | "kotlin"
  | "scala"
  | "rust"
  | "c"
  | "cpp"
  | "ruby"
  | "php"
  | "swift"
  | "shell";

/** Languages with definition/import extraction (packages/code/src/parse). */
export const PARSED_LANGUAGES: ReadonlySet<LanguageId> = new Set([
  "typescript",
  "tsx",
  "javascript",
  "python",
  "java",
  "go",
  "csharp",
  "kotlin",
]);

const BY_EXTENSION: Readonly<Record<string, LanguageId>> = {
  ".ts": "typescript",
  ".mts": "typescript",
  ".cts": "typescript",
  ".tsx": "tsx",
  ".js": "javascript",
  ".mjs": "javascript",
  ".cjs": "javascript",
  ".jsx": "javascript",
  ".py": "python",
  ".pyi": "python",
  ".java": "java",
  ".go": "go",
  ".cs": "csharp",
  ".kt": "kotlin",
  ".kts": "kotlin",
  ".scala": "scala",
  ".rs": "rust",
  ".c": "c",
  ".h": "c",
  ".cc": "cpp",
  ".cpp": "cpp",
  ".cxx": "cpp",
  ".hpp": "cpp",
  ".hh": "cpp",
  ".rb": "ruby",
  ".php": "php",
  ".swift": "swift",
  ".sh": "shell",
  ".bash": "shell",
};

/** The language of a file from its extension (case-insensitive), or undefined when it is not code we index. */
export function languageOf(filePath: string): LanguageId | undefined {
  const base = filePath.slice(filePath.lastIndexOf("/") + 1).toLowerCase();
  if (base.endsWith(".d.ts")) return "typescript";
  const dot = base.lastIndexOf(".");
  if (dot <= 0) return undefined;
  return BY_EXTENSION[base.slice(dot)];
}

/** The line-comment marker of a language, for file-path headers in prompts. */
export function lineCommentOf(language: LanguageId | undefined): string {
  return language === "python" || language === "ruby" || language === "shell" ? "#" : "//";
}
