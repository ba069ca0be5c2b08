import { GitLabClient, InputError, type Logger, type Store, silentLogger } from "@uplift/core";
import type { ImportProgress } from "../github/context.js";
import { DEFAULT_PRODUCTION_PATTERN } from "../github/environment.js";
import { parsePattern, parseSince } from "../github/options.js";
import type { GitLabContext } from "./context.js";
import { importDeployments } from "./import-deployments.js";
import { importMergeRequests } from "./import-merge-requests.js";
import { projectSchema } from "./payloads.js";

export interface ImportGitLabOptions {
  /** "GROUP/NAME" (subgroups allowed: "group/sub/name"). */
  project: string;
  /** First import only: skip merge requests and deployments last updated before it. */
  since?: string | Date | undefined;
  /** Instance URL or API root; default `$GITLAB_API_URL`, else https://gitlab.com. */
  apiUrl?: string | undefined;
  /** Default `$GITLAB_TOKEN`. */
  token?: string | undefined;
  env?: NodeJS.ProcessEnv;
  /** Environment names that are production, besides tier `production` (case-insensitive regex). */
  productionEnvironment?: string | RegExp | undefined;
  logger?: Logger;
  onProgress?: ((event: ImportProgress) => void) | undefined;
  /** First 5xx backoff (default 1 s). */
  retryBaseMs?: number | undefined;
}

/** What one import did (the JSON of `uplift measure import gitlab`). */
export interface ImportGitLabResult {
  project: string;
  prs: number;
  deployments: number;
  requests: number;
  rate_limited_waits: number;
}

const PROJECT = /^[A-Za-z0-9_.-]+(\/[A-Za-z0-9_.-]+)+$/;

/**
 * Imports a GitLab project's merge requests (commits, notes, approvals, diff stats) and
 * deployments (with their environments' tiers) into the records store. Incremental and
 * resumable: `updated_after` listings sorted by `updated_at`, one cursor per resource in
 * `import_cursors`, stored with each page of records.
 *
 * @example
 * await importGitLab(store, { project: "grp/api", apiUrl: "https://gitlab.example.com", logger });
 */
export async function importGitLab(store: Store, options: ImportGitLabOptions): Promise<ImportGitLabResult> {
  const project = options.project.trim().replace(/\.git$/, "");
  if (!PROJECT.test(project)) {
    throw new InputError(`--project: expected GROUP/NAME (e.g. platform/api), got "${options.project}"`);
  }
  const since = parseSince(options.since);
  const production =
    parsePattern(options.productionEnvironment, "--production-env") ?? DEFAULT_PRODUCTION_PATTERN;
  const logger = (options.logger ?? silentLogger()).child({ connector: "gitlab", project });
  const client = new GitLabClient({
    token: options.token,
    baseUrl: options.apiUrl,
    env: options.env,
    logger,
    retryBaseMs: options.retryBaseMs,
    onRateLimit: (wait) => options.onProgress?.({ kind: "rate_limit", wait }),
  });
  const base = `/projects/${encodeURIComponent(project)}`;
  const progress = (resource: string, items: number, total: number) =>
    options.onProgress?.({ kind: "page", connector: "gitlab", resource, items, total });
  await client.get(base, {}, projectSchema, {
    notFound: `GitLab project ${project} not found or no access (at ${client.baseUrl})`,
  });

  const ctx: GitLabContext = { store, client, project, base, since, logger, progress };
  const prs = await importMergeRequests(ctx);
  const deployments = await importDeployments(ctx, production);
  const result: ImportGitLabResult = {
    project,
    prs,
    deployments,
    requests: client.stats.requests,
    rate_limited_waits: client.stats.rate_limited_waits,
  };
  logger.info(result, "GitLab import done");
  return result;
}
