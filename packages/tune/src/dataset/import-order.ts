import path from "node:path";
import type { LanguageId } from "@uplift/code";

/**
 * Repository-level ordering (DeepSeek-Coder's repository-level data, Guo et al. 2024): the
 * files of a repository are ordered so that a file comes after the files it imports. Imports
 * are read with regular expressions (fast enough for the dataset's throughput; tree-sitter is
 * used by the code index where symbols matter) and resolved to files of the same repository:
 * relative JS/TS specifiers (with the usual extension and index rules), Python modules
 * (absolute and relative), Java/Kotlin/Scala fully qualified names, Go package paths by
 * directory suffix, C/C++ quoted includes. The order is a depth-first post-order over files
 * sorted by path; an import that closes a cycle is ignored, so cycles break deterministically.
 */
export interface OrderedFile {
  path: string;
  language: LanguageId;
}

const JS_IMPORT =
  /(?:^|[\s;])(?:import|export)\s[^'"`;]*?\sfrom\s*["']([^"']+)["']|(?:^|[\s;])import\s*["']([^"']+)["']|\brequire\(\s*["']([^"']+)["']\s*\)|\bimport\(\s*["']([^"']+)["']\s*\)/g;
const PY_IMPORT = /^\s*from\s+(\.*[\w.]*)\s+import\s|^\s*import\s+([\w.]+(?:\s*,\s*[\w.]+)*)/gm;
const JVM_IMPORT = /^\s*import\s+(?:static\s+)?([\w.]+)(?:\.\*)?\s*;?\s*$/gm;
const GO_IMPORT_BLOCK = /^import\s*\(([\s\S]*?)\)|^import\s+(?:\w+\s+)?"([^"]+)"/gm;
const C_INCLUDE = /^\s*#\s*include\s*"([^"]+)"/gm;

const JS_EXTENSIONS = [".ts", ".tsx", ".mts", ".cts", ".js", ".jsx", ".mjs", ".cjs", ".d.ts"];
const JS_LANGUAGES = new Set<LanguageId>(["typescript", "tsx", "javascript"]);

/** Import specifiers as written in a file. */
export function importSpecifiers(text: string, language: LanguageId): string[] {
  const found: string[] = [];
  const collect = (pattern: RegExp, pick: (m: RegExpExecArray) => Array<string | undefined>) => {
    pattern.lastIndex = 0;
    for (let m = pattern.exec(text); m; m = pattern.exec(text))
      for (const value of pick(m)) if (value) found.push(value);
  };
  if (JS_LANGUAGES.has(language)) collect(JS_IMPORT, (m) => [m[1] ?? m[2] ?? m[3] ?? m[4]]);
  else if (language === "python") collect(PY_IMPORT, (m) => (m[1] ? [m[1]] : (m[2] ?? "").split(/\s*,\s*/)));
  else if (language === "java" || language === "kotlin" || language === "scala")
    collect(JVM_IMPORT, (m) => [m[1]]);
  else if (language === "go")
    collect(GO_IMPORT_BLOCK, (m) =>
      m[2] ? [m[2]] : [...(m[1] ?? "").matchAll(/"([^"]+)"/g)].map((x) => x[1]),
    );
  else if (language === "c" || language === "cpp") collect(C_INCLUDE, (m) => [m[1]]);
  return found;
}

/** Resolves specifiers to repository files (`/`-separated relative paths). */
export class ImportResolver {
  readonly #files: ReadonlySet<string>;
  readonly #byDirectory = new Map<string, string[]>();
  readonly #cache = new Map<string, string[]>();

  constructor(files: Iterable<string>) {
    this.#files = new Set(files);
    for (const file of this.#files) {
      const dir = path.posix.dirname(file);
      const list = this.#byDirectory.get(dir) ?? [];
      list.push(file);
      this.#byDirectory.set(dir, list);
    }
  }

  resolve(from: string, specifier: string, language: LanguageId): string[] {
    const dir = path.posix.dirname(from);
    // files of one directory import the same modules: resolve each (directory, specifier) once
    const key = `${language}\0${dir}\0${specifier}`;
    let resolved = this.#cache.get(key);
    if (!resolved) {
      resolved = this.#resolve(dir, specifier, language);
      this.#cache.set(key, resolved);
    }
    return resolved;
  }

  #resolve(dir: string, specifier: string, language: LanguageId): string[] {
    if (JS_LANGUAGES.has(language)) {
      if (!specifier.startsWith(".")) return [];
      const base = path.posix.normalize(path.posix.join(dir, specifier));
      const stem = base.replace(/\.(m|c)?jsx?$/, "");
      const candidates = [
        base,
        ...JS_EXTENSIONS.map((e) => stem + e),
        ...JS_EXTENSIONS.map((e) => `${base}/index${e}`),
      ];
      return first(candidates, this.#files);
    }
    if (language === "python") {
      const dots = /^\.*/.exec(specifier)?.[0].length ?? 0;
      const rest = specifier.slice(dots).replace(/\./g, "/");
      let root = dots > 0 ? dir : "";
      for (let i = 1; i < dots; i++) root = path.posix.dirname(root);
      const base = path.posix.join(root === "." ? "" : root, rest);
      return first(
        [`${base}.py`, `${base}/__init__.py`, `src/${base}.py`, `src/${base}/__init__.py`],
        this.#files,
      );
    }
    if (language === "java" || language === "kotlin" || language === "scala") {
      const suffix = `/${specifier.replace(/\./g, "/")}`;
      for (const ext of [".java", ".kt", ".scala"])
        for (const file of this.#files) if (`/${file}`.endsWith(suffix + ext)) return [file];
      return [];
    }
    if (language === "go") {
      for (const [directory, files] of this.#byDirectory)
        if (directory !== "." && (`/${specifier}`.endsWith(`/${directory}`) || specifier === directory))
          return files.filter((f) => f.endsWith(".go") && !f.endsWith("_test.go")).sort();
      return [];
    }
    if (language === "c" || language === "cpp")
      return first([path.posix.normalize(path.posix.join(dir, specifier)), specifier], this.#files);
    return [];
  }
}

function first(candidates: readonly string[], files: ReadonlySet<string>): string[] {
  const hit = candidates.find((c) => files.has(c));
  return hit ? [hit] : [];
}

/**
 * Orders files dependencies-first. `importsOf(file)` gives the repository files a file imports.
 * Iterative depth-first post-order over files sorted by path, dependencies visited in sorted order.
 */
export function dependencyOrder(
  files: readonly string[],
  importsOf: (file: string) => readonly string[],
): string[] {
  const sorted = [...files].sort();
  const state = new Map<string, "open" | "done">();
  const order: string[] = [];
  for (const root of sorted) {
    if (state.has(root)) continue;
    const stack: Array<{ file: string; deps: string[]; next: number }> = [];
    const enter = (file: string) => {
      state.set(file, "open");
      stack.push({ file, deps: [...new Set(importsOf(file))].filter((d) => d !== file).sort(), next: 0 });
    };
    enter(root);
    while (stack.length > 0) {
      const top = stack[stack.length - 1] as { file: string; deps: string[]; next: number };
      if (top.next < top.deps.length) {
        const dep = top.deps[top.next++] as string;
        if (!state.has(dep)) enter(dep); // "open" = a cycle back to an ancestor: ignored
        continue;
      }
      stack.pop();
      state.set(top.file, "done");
      order.push(top.file);
    }
  }
  return order;
}
