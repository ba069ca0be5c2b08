import { createRequire } from "node:module";
import path from "node:path";
import { UnavailableError } from "@uplift/core";
import type { Language, Parser } from "web-tree-sitter";
import type { LanguageId } from "../walk/languages.js";

const VSCODE_GRAMMARS = "@vscode/tree-sitter-wasm";

/** Grammar files of the parsed languages: the package that ships each and its path in it. */
const GRAMMAR_FILES: Partial<Record<LanguageId, { from: string; file: string }>> = {
  typescript: { from: VSCODE_GRAMMARS, file: "wasm/tree-sitter-typescript.wasm" },
  tsx: { from: VSCODE_GRAMMARS, file: "wasm/tree-sitter-tsx.wasm" },
  javascript: { from: VSCODE_GRAMMARS, file: "wasm/tree-sitter-javascript.wasm" },
  python: { from: VSCODE_GRAMMARS, file: "wasm/tree-sitter-python.wasm" },
  java: { from: VSCODE_GRAMMARS, file: "wasm/tree-sitter-java.wasm" },
  go: { from: VSCODE_GRAMMARS, file: "wasm/tree-sitter-go.wasm" },
  csharp: { from: VSCODE_GRAMMARS, file: "wasm/tree-sitter-c-sharp.wasm" },
  kotlin: { from: "@tree-sitter-grammars/tree-sitter-kotlin", file: "tree-sitter-kotlin.wasm" },
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

  async #createParser(source: { from: string; file: string }): Promise<Parser> {
    const treeSitter = await this.#load();
    const grammar = path.join(packageDir(source.from), source.file);
    let language: Language;
    try {
      language = await treeSitter.Language.load(grammar);
    } catch (error) {
      throw new UnavailableError(`cannot load the tree-sitter grammar ${grammar}`, {
        cause: error,
        hint: `reinstall ${source.from} (npm ci)`,
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

function packageDir(name: string): string {
  const require = createRequire(import.meta.url);
  return path.dirname(require.resolve(`${name}/package.json`));
}
