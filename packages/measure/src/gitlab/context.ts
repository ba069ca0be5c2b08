import type { GitLabClient, Logger, Store } from "@uplift/core";

/** Everything one GitLab resource importer needs. */
export interface GitLabContext {
  store: Store;
  client: GitLabClient;
  project: string;
  base: string;
  since: string | undefined;
  logger: Logger;
  progress(resource: string, items: number, total: number): void;
}
