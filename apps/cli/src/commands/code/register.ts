import type { Command } from "commander";
import { lazy, withGlobalOptions } from "../../options.js";

const collect = (value: string, previous: string[]) => [...previous, value];

/** Adds the `uplift code …` commands (DESIGN: CLI contract); implementations load lazily. */
export function registerCodeCommands(program: Command): void {
  const code = program
    .command("code")
    .description("organisation-wide code index: search, similar code, context for a cursor");
  withGlobalOptions(code.command("index"))
    .description("index repositories into the org code index (incremental by content hash)")
    .option("--path <dir>", "a repository root (repeat for many repositories)", collect, [])
    .action(lazy(async () => (await import("./index-command.js")).codeIndexCommand));
  withGlobalOptions(code.command("repos"))
    .description("indexed repositories: files, lines, parse health, languages, packages, last indexed")
    .action(lazy(async () => (await import("./repos-command.js")).codeReposCommand));

  withGlobalOptions(code.command("search <query>"))
    .description("search code chunks (BM25 over split identifiers; hybrid when an embedder is configured)")
    .option("--k <n>", "number of results", "10")
    .option("--repo <name>", "only this repository")
    .action(lazy(async () => (await import("./search-command.js")).codeSearchCommand));
  withGlobalOptions(code.command("similar"))
    .description("near-duplicates of a file or of some of its lines across the org (MinHash/LSH)")
    .requiredOption("--file <file>", "the file to compare")
    .option("--lines <a-b>", "only these lines (1-based, inclusive), e.g. 10-42")
    .option("--threshold <j>", "minimum estimated Jaccard similarity, 0–1", "0.5")
    .option("--k <n>", "maximum matches", "10")
    .action(lazy(async () => (await import("./similar-command.js")).codeSimilarCommand));
  withGlobalOptions(code.command("context"))
    .description(
      "rank and pack the context for a cursor: definitions across repositories, similar code, imports",
    )
    .requiredOption("--file <file>", "the open file, read from disk as it is now")
    .requiredOption("--line <n>", "cursor line, 1-based")
    .requiredOption("--column <n>", "cursor column, 1-based (length + 1 = end of line)")
    .option("--budget-tokens <n>", "token budget of the snippets", "2048")
    .option(
      "--fim <model>",
      "also build a fill-in-the-middle prompt: codellama|starcoder2|deepseek-coder|qwen2.5-coder",
    )
    .action(lazy(async () => (await import("./context-command.js")).codeContextCommand));
}
