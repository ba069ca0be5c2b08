import type { Command } from "commander";
import { lazy, withGlobalOptions } from "../../options.js";

/** Adds the `uplift kb …` commands (DESIGN: CLI contract); implementations load lazily. */
export function registerKbCommands(program: Command): void {
  const kb = program
    .command("kb")
    .description("knowledge base: sources, sync, search, cited answers, feedback, evaluation");

  const source = kb
    .command("source")
    .description(
      "document sources (jsonl, markdown, git, confluence-export, jira-export, slack-export, gdocs-export, github-issues, github-discussions)",
    );
  withGlobalOptions(source.command("add <name>"))
    .description("add a source; nothing is read until kb sync")
    .requiredOption(
      "--type <type>",
      "jsonl|markdown|git|confluence-export|jira-export|slack-export|gdocs-export|github-issues|github-discussions",
    )
    .requiredOption(
      "--path <path>",
      "the file (jsonl, Jira .json/.csv), the folder (markdown, exports), the Git repository, or OWNER/NAME (github-issues, github-discussions)",
    )
    .option("--acl <groups>", "comma-separated groups that may read documents without an ACL of their own")
    .option(
      "--url-base <url>",
      "prefix of document URLs (markdown, exports; git: instead of the remote's web URL)",
    )
    .action(lazy(async () => (await import("./source.js")).sourceAddCommand));
  withGlobalOptions(source.command("list"))
    .description("sources with their document counts and last sync")
    .action(lazy(async () => (await import("./source.js")).sourceListCommand));
  withGlobalOptions(source.command("remove <name>"))
    .description(
      "remove a source: its documents leave the index and the store (the source itself is untouched)",
    )
    .action(lazy(async () => (await import("./source.js")).sourceRemoveCommand));

  withGlobalOptions(kb.command("sync [name]"))
    .description("bring the index up to date with every source (or NAME): incremental by content hash")
    .option(
      "--every <interval>",
      "keep syncing at this interval (15m, 1h, 1d) as a scheduled job, until Ctrl-C",
    )
    .action(lazy(async () => (await import("./sync.js")).syncCommand));

  withGlobalOptions(kb.command("search <query>"))
    .description("search the documents the user may read (--as LOGIN; default: public documents only)")
    .option("--k <n>", "number of results", "10")
    .option("--source <name>", "only this source")
    .option("--all-chunks", "every matching chunk instead of the best chunk per document")
    .action(lazy(async () => (await import("./search.js")).searchCommand));

  withGlobalOptions(kb.command("ask <question>"))
    .description("answer from the documents the user may read, with citations")
    .option("--source <name>", "only this source")
    .action(lazy(async () => (await import("./ask.js")).askCommand));

  withGlobalOptions(kb.command("feedback <answerId> <vote>"))
    .description("thumbs up or down on an answer (vote: up|down)")
    .option("--comment <text>", "what was right or wrong")
    .action(lazy(async () => (await import("./feedback.js")).feedbackCommand));

  withGlobalOptions(kb.command("feedback-set"))
    .description("write the thumbs up/down as a judged set for kb eval: queries.jsonl + qrels.tsv")
    .requiredOption("--out <dir>", "directory for queries.jsonl and qrels.tsv")
    .action(lazy(async () => (await import("./feedback-set.js")).feedbackSetCommand));

  withGlobalOptions(kb.command("gaps"))
    .description(
      "coverage gaps: frequent questions whose answers were weak (not found, not grounded, thumbs down)",
    )
    .option("--since <date>", "only questions asked from this date (2026-11-01) or ISO 8601 time on")
    .option("--min-count <n>", "report a question cluster with at least this many weak answers", "2")
    .option("--limit <n>", "at most this many gaps, most frequent first", "50")
    .action(lazy(async () => (await import("./gaps.js")).gapsCommand));

  withGlobalOptions(kb.command("eval"))
    .description("retrieval quality on judged queries: nDCG@k, Recall@k, MRR@k")
    .requiredOption("--queries <file>", 'queries.jsonl: { "id", "text" } per line')
    .requiredOption("--qrels <file>", "qrels.tsv: query_id<TAB>doc_id<TAB>relevance, no header")
    .option("--k <n>", "cut-off", "10")
    .option("--source <name>", "only this source")
    .action(lazy(async () => (await import("./eval.js")).evalCommand));
}
