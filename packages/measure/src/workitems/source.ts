import type { Logger, Store } from "@uplift/core";
import type { FlowMappingEntry } from "./flow-mapping.js";
import type { WorkItemWithTransitions } from "./work-item-records.js";

/** One page of a source's items, and where the source stands after it. */
export interface WorkItemPage {
  items: WorkItemWithTransitions[];
  /** The cursor to resume after this page (stored with the page, in one transaction). */
  cursor: unknown;
  /** Mappings the source states itself (Jira status categories); stored without overwriting any. */
  mappings?: FlowMappingEntry[];
}

/** A pause for a rate limit (HTTP 429), reported before the source sleeps. */
export interface WorkItemRateLimitWait {
  /** "jira", "github", "gitlab". */
  forge: string;
  resumeAt: Date;
  waitMs: number;
  url: string;
}

/** What a source gets: the stored cursor (undefined on a first import) and the injected services. */
export interface WorkItemSourceContext {
  store: Store;
  cursor: unknown;
  logger: Logger;
  onRateLimit?: ((wait: WorkItemRateLimitWait) => void) | undefined;
}

/**
 * A system work items come from (Jira, GitHub issues, GitLab issues). A source lists the items
 * changed since its cursor, oldest change first, one page at a time, each item with its complete
 * status history in time order; the import driver writes each page with its cursor in one
 * transaction, so a crash loses at most the page in flight and a rerun resumes there.
 */
export interface WorkItemSource {
  /** The connector name in `import_cursors` and `import_runs` ("jira", "github-issues", …). */
  readonly name: string;
  /** What is imported, e.g. "https://acme.atlassian.net project = WEB", "acme/web". */
  readonly scope: string;
  pages(context: WorkItemSourceContext): AsyncIterable<WorkItemPage>;
  /** HTTP requests and rate-limit waits so far. */
  stats(): { requests: number; rate_limited_waits: number };
}
