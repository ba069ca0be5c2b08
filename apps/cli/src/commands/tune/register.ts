import type { Command } from "commander";
import { lazy, withGlobalOptions } from "../../options.js";
import { registerTuneRecipeCommand } from "./recipe-register.js";

const collect = (value: string, previous: string[]) => [...previous, value];

/** Adds the `uplift tune …` commands (DESIGN: CLI contract); implementations load lazily. */
export function registerTuneCommands(program: Command): void {
  const tune = program
    .command("tune")
    .description("company code model: training dataset, recipes, evaluation tasks, evaluation, comparison");

  withGlobalOptions(tune.command("dataset"))
    .description(
      "build a training dataset (JSONL shards + manifest.json) from repositories, docs and feedback",
    )
    .option("--repo <dir>", "a repository root (repeat for many repositories)", collect, [])
    .option(
      "--docs <dir>",
      "a documentation folder: Markdown, reStructuredText, text (repeatable)",
      collect,
      [],
    )
    .requiredOption("--out <dir>", "output directory (written to a temporary name, renamed at the end)")
    .option("--history", "also emit commit message → diff instruction records from each repository's history")
    .option("--history-limit <n>", "most recent commits per repository read with --history", "500")
    .option("--feedback", "also emit chosen/rejected preference pairs from kb feedback (DPO)")
    .option("--licenses <spdx>", "comma-separated SPDX licence allow-list (default: permissive list)")
    .option(
      "--unknown-license <policy>",
      "repositories whose licence cannot be determined: include|exclude",
      "include",
    )
    .option(
      "--decontaminate <file>",
      "evaluation tasks (JSONL) or benchmark files to decontaminate against (repeatable)",
      collect,
      [],
    )
    .option(
      "--tokenizer <name>",
      "base model tokenizer: codellama|llama2|cl100k_base|o200k_base",
      "codellama",
    )
    .option("--seq-len <n>", "tokens per packed sequence", "4096")
    .option("--fim-rate <p>", "share of files given the fill-in-the-middle transformation", "0.5")
    .option("--fim-spm-rate <p>", "share of FIM files in SPM rather than PSM order", "0.5")
    .option(
      "--fim-format <model>",
      "FIM sentinel tokens: codellama|starcoder2|deepseek-coder|qwen2.5-coder (default codellama)",
    )
    .option("--shard-size <n>", "records per JSONL shard", "10000")
    .option(
      "--near-dup-threshold <j>",
      "estimated Jaccard at or above which two files are near-duplicates",
      "0.7",
    )
    .option("--seed <n>", "seed of the FIM sampling", "42")
    .option("--parquet", "also write every shard as Parquet (hyparquet-writer)")
    .option(
      "--workers <n>",
      "worker threads for the per-file work (default: CPU count; same output for any n)",
    )
    .action(lazy(async () => (await import("./dataset-command.js")).tuneDatasetCommand));

  withGlobalOptions(tune.command("tasks"))
    .description(
      "build evaluation tasks from code the model has not seen (held-out repositories, files changed after a date)",
    )
    .option(
      "--repo <dir>",
      "an organisation repository (repeat); with --after, its files changed since give tasks",
      collect,
      [],
    )
    .option(
      "--holdout-repo <dir>",
      "a repository kept out of training: all its files give tasks (repeat)",
      collect,
      [],
    )
    .option(
      "--after <date>",
      "training cutoff: only files changed after this date (git log) give tasks from --repo",
    )
    .requiredOption("--out <file>", "tasks.jsonl to write (temporary name, renamed at the end)")
    .option("--seed <n>", "seed of the draws and of the order", "1")
    .option("--limit <n>", "at most this many tasks (kinds interleaved)")
    .option("--per-file <n>", "next-line and API-usage tasks drawn per file", "2")
    .option("--no-context", "do not add next_line_context tasks even when the data dir has a code index")
    .action(lazy(async () => (await import("./tasks-command.js")).tuneTasksCommand));

  withGlobalOptions(tune.command("eval"))
    .description("run a model (OpenAI-compatible endpoint or local GGUF) on evaluation tasks and score it")
    .option(
      "--endpoint <url>",
      "OpenAI-compatible base URL, e.g. http://127.0.0.1:8000/v1 (vLLM, llama.cpp, Ollama)",
    )
    .option("--model <name>", "model id the endpoint serves")
    .option("--gguf <path>", "a local GGUF model run through node-llama-cpp (instead of --endpoint)")
    .requiredOption("--tasks <file>", "tasks.jsonl (uplift tune tasks)")
    .option(
      "--mode <mode>",
      "fim|completion|chat (default: fim when the model's FIM format is known, else completion)",
    )
    .option(
      "--fim <model>",
      "FIM format: auto|none|codellama|starcoder2|deepseek-coder|qwen2.5-coder",
      "auto",
    )
    .option("--concurrency <n>", "tasks in flight at once", "4")
    .option("--retries <n>", "retries of a failed request (429, 5xx, timeout) with exponential backoff", "3")
    .option("--timeout <ms>", "time limit of one request", "60000")
    .option("--test-timeout <ms>", "time limit of one task's test (pass@1)", "30000")
    .option("--max-tokens <n>", "generation limit (default 64 for a line, 256 for a body)")
    .option("--results <file>", "JSONL of finished tasks, appended per task; a rerun skips them (resume)")
    .option("--api-key-env <name>", "environment variable holding the endpoint's API key")
    .action(lazy(async () => (await import("./eval-command.js")).tuneEvalCommand));

  withGlobalOptions(tune.command("compare <base> <tuned>"))
    .description(
      "paired difference per metric between two tune eval --json reports, with bootstrap CIs over tasks",
    )
    .option("--resamples <n>", "bootstrap resamples", "2000")
    .option("--seed <n>", "seed of the resampling", "1")
    .option("--confidence <level>", "confidence level", "0.95")
    .action(lazy(async () => (await import("./compare-command.js")).tuneCompareCommand));

  registerTuneRecipeCommand(tune);
}
