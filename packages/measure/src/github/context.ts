import type { GitHubClient, Logger, RateLimitWait, Store } from "@uplift/core";

/** A resource the GitHub connector imports, each with its own cursor. */
export type GitHubResource = "pulls" | "incidents" | "deployments" | "releases" | "copilot";

/** What an import reports while it runs (the CLI shows it on a TTY). */
export type ImportProgress =
  | { kind: "page"; connector: "github" | "gitlab"; resource: string; items: number; total: number }
  | { kind: "rate_limit"; wait: RateLimitWait };

/** Everything one resource importer needs. */
export interface GitHubImportContext {
  store: Store;
  client: GitHubClient;
  owner: string;
  name: string;
  /** "owner/name", the `repo` of the records. */
  repo: string;
  /** ISO instant: ignore what was last updated (or created) before it on a first import. */
  since: string | undefined;
  logger: Logger;
  /** The clock (injected for tests). */
  now: Date;
  progress(resource: GitHubResource, items: number, total: number): void;
}

/** Drains a page iterator into one array. */
export async function collect<T>(pages: AsyncIterable<{ data: T[] }>): Promise<T[]> {
  const all: T[] = [];
  for await (const page of pages) all.push(...page.data);
  return all;
}
