import { createRequire } from "node:module";
import path from "node:path";
import { UnavailableError } from "@uplift/core";
import type { Language, Parser } from "web-tree-sitter";
import type { LanguageId } from "../walk/languages.js";

/** Grammar file names in `@vscode/tree-sitter-wasm/wasm/` for the parsed languages. */
const GRAMMAR_FILES: Partial<Record<LanguageId, string>> = {
  typescript: "tree-sitter-typescript.wasm",
  tsx: "tree-sitter-tsx.wasm",
  javascript: "tree-sitter-javascript.wasm",
  python: "tree-sitter-python.wasm",
  java: "tree-sitter-java.wasm",
  go: "tree-sitter-go.wasm",
  csharp: "tree-sitter-c-sharp.wasm",
};

/**
 * Loads web-tree-sitter and the grammars on first use only (the CLI's `--help` never pays for
 * them). One loader per process is enough; it caches one Parser per language.
 */
export class TreeSitterLoader {
  #module: Promise<typeof import("web-tree-sitter")> | undefined;
  readonly #parsers = new Map<LanguageId, Promise<Parser>>();

  /** A parser for `language`, or undefined when the language has no grammar here. */
  async parser(language: LanguageId): Promise<Parser | undefined> {
    const file = GRAMMAR_FILES[language];
    if (!file) return undefined;
    let parser = this.#parsers.get(language);
    if (!parser) {
      parser = this.#createParser(file);
      this.#parsers.set(language, parser);
    }
    return parser;
  }

  async #createParser(file: string): Promise<Parser> {
    const treeSitter = await this.#load();
    const grammar = path.join(grammarDir(), file);
    let language: Language;
    try {
      language = await treeSitter.Language.load(grammar);
    } catch (error) {
      throw new UnavailableError(`cannot load the tree-sitter grammar ${grammar}`, {
        cause: error,
        hint: "reinstall @vscode/tree-sitter-wasm (npm ci)",
      });
    }
    const parser = new treeSitter.Parser();
    parser.setLanguage(language);
    return parser;
  }

  #load(): Promise<typeof import("web-tree-sitter")> {
    this.#module ??= import("web-tree-sitter").then(async (module) => {
      await module.Parser.init();
      return module;
    });
    return this.#module;
  }
}

function grammarDir(): string {
  const require = createRequire(import.meta.url);
  return path.join(path.dirname(require.resolve("@vscode/tree-sitter-wasm/package.json")), "wasm");
}
