import type { Logger } from "@uplift/core";

/** Text formats the chunker understands; "text" is parsed like Markdown (a plain paragraph is valid Markdown). */
export type DocFormat = "markdown" | "asciidoc" | "rst" | "text";

/** One document as a source yields it (DESIGN: kb). */
export interface KbDocument {
  /** Stable within its source, e.g. a jsonl `id` or a path relative to the source root. */
  id: string;
  title: string;
  text: string;
  url?: string;
  /** ISO 8601. */
  updated_at?: string;
  /** Groups allowed to read it; absent or empty: the source's `--acl`, else everyone. */
  acl?: string[];
  /** Name of the source it came from. */
  source: string;
  /** Path of the file it came from, relative to the source root, when there is one. */
  path?: string;
  format: DocFormat;
}

/** A configured source, as `uplift kb source add` stored it. */
export interface SourceConfig {
  name: string;
  type: string;
  /** Absolute path of the file, directory or repository. */
  path: string;
  /** Groups given with `--acl`: documents without their own ACL get these. */
  acl: string[];
  /** `--url-base`: prefix of document URLs for sources without URLs of their own. */
  urlBase?: string;
}

/** Something a source could not read; it is counted, reported in the sync run, and the sync goes on. */
export interface SkippedItem {
  /** File (and line) or record the problem is in. */
  where: string;
  /** The document id, when known: an indexed document that is skipped now keeps its last good version. */
  id?: string;
  /**
   * When the skipped part may hold several documents whose ids are not known (a Slack day file):
   * indexed documents whose id starts with this keep their last version instead of being deleted.
   */
  keepIdsStartingWith?: string;
  reason: string;
}

export interface ScanContext {
  logger: Logger;
  /** Records an item the source skipped (unknown encoding, oversized file…). */
  skip(item: SkippedItem): void;
  /**
   * The `updated_at` of the indexed version of document `id` (absent when it is not indexed, or
   * was reset): an API source compares it with the source's own to skip fetching what did not change.
   */
  indexedUpdatedAt?(id: string): string | undefined;
  /** Keeps document `id` as indexed (unchanged at the source, not fetched): counted as unchanged. */
  keep?(id: string): void;
}

/**
 * A connector: reads documents from one kind of source. Plugins live one per file in
 * `sources/` and are registered in `sources/index.ts`.
 */
export interface DocSource {
  /** The `--type` of `uplift kb source add`. */
  readonly type: string;
  readonly description: string;
  /** False when `--path` names something remote (a GitHub repository), which is stored as given; default true (resolved against the working directory). */
  readonly localPath?: boolean;
  /**
   * Checks `--path` (and the other settings) when the source is added; throws InputError
   * naming the problem.
   */
  check(config: SourceConfig): Promise<void>;
  /**
   * Yields every document the source holds now (or keeps an unchanged one through
   * `context.keep`). Throws InputError (exit 2) for input that makes
   * the whole source unreadable (a bad jsonl row) before yielding anything; items it can skip
   * are reported through `context.skip`.
   */
  scan(config: SourceConfig, context: ScanContext): AsyncIterable<KbDocument>;
}
