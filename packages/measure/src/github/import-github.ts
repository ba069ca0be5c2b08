import {
  GitHubClient,
  type HttpCache,
  type Logger,
  type Store,
  StoreHttpCache,
  silentLogger,
} from "@uplift/core";
import type { GitHubImportContext, GitHubResource, ImportProgress } from "./context.js";
import { DEFAULT_PRODUCTION_PATTERN } from "./environment.js";
import { importCopilot } from "./import-copilot.js";
import { importDeployments } from "./import-deployments.js";
import { importIncidents } from "./import-incidents.js";
import { importPulls } from "./import-pulls.js";
import { importReleases } from "./import-releases.js";
import { parseDay, parsePattern, parseRepo, parseSince } from "./options.js";
import { repositorySchema } from "./payloads.js";

/** Cache entries not refreshed for this long are dropped at the end of an import. */
const CACHE_KEEP_MS = 90 * 86_400_000;

export interface ImportGitHubOptions {
  /** "OWNER/NAME". */
  repo: string;
  /** First import only: skip what was last updated (PRs, incidents) or created (deployments, releases, Copilot days) before it. */
  since?: string | Date | undefined;
  /** REST base URL (GitHub Enterprise: `https://HOST/api/v3`); default `$GITHUB_API_URL`, else api.github.com. */
  apiUrl?: string | undefined;
  /** Default `$GITHUB_TOKEN`. */
  token?: string | undefined;
  env?: NodeJS.ProcessEnv;
  /** Issues with this label are incidents (default "incident"). */
  incidentLabel?: string | undefined;
  /** Labels `<prefix><service>` name an incident's service (default "service:"). */
  serviceLabelPrefix?: string | undefined;
  /** Environment names that are production (case-insensitive regex; default `^prod(uction)?([-_/ .:].*)?$`). */
  productionEnvironment?: string | RegExp | undefined;
  /** Environment of the deployment records made from releases (default "release"); `null` skips releases. */
  releaseEnvironment?: string | null | undefined;
  /** Also import this organisation's Copilot usage metrics (per-user daily reports). */
  copilotOrg?: string | undefined;
  /** Last Copilot report day to import (default yesterday, UTC). */
  copilotUntil?: string | Date | undefined;
  logger?: Logger;
  onProgress?: ((event: ImportProgress) => void) | undefined;
  /** ETag cache; default the store's `forge_http_cache` table. */
  cache?: HttpCache | undefined;
  /** Longest rate-limit pause before failing with the reset time (default 1 h). */
  maxRateLimitWaitMs?: number | undefined;
  /** The clock, for tests. */
  now?: Date | undefined;
}

/** What one import did (the JSON of `uplift measure import github`). */
export interface ImportGitHubResult {
  repo: string;
  /** Pull request records written (new or updated) by this run. */
  prs: number;
  /** Deployment records written from GitHub deployments (statuses included). */
  deployments: number;
  /** Deployment records written from releases. */
  releases: number;
  incidents: number;
  telemetry_days: number;
  /** HTTP requests sent (retries and report downloads included). */
  requests: number;
  /** Conditional requests answered 304 (body reused from the cache). */
  not_modified: number;
  rate_limited_waits: number;
}

/**
 * Imports a GitHub repository's pull requests (with commits, reviews, review requests and
 * timeline), deployments with statuses, releases, issues labelled as incidents and, with
 * `copilotOrg`, the organisation's Copilot usage metrics into the records store. Incremental
 * and resumable: each resource has a cursor in `import_cursors`, advanced in the same
 * transaction as the page of records it covers; requests are conditional (ETag cache) and wait
 * out rate limits. Throws InputError for bad options, ConfigError for a rejected token,
 * NotFoundError when the repository is not visible.
 *
 * @example
 * const result = await importGitHub(store, { repo: "acme/web", since: "2026-01-01", logger });
 */
export async function importGitHub(store: Store, options: ImportGitHubOptions): Promise<ImportGitHubResult> {
  const { owner, name, repo } = parseRepo(options.repo);
  const since = parseSince(options.since);
  const production =
    parsePattern(options.productionEnvironment, "--production-env") ?? DEFAULT_PRODUCTION_PATTERN;
  const now = options.now ?? new Date();
  const copilotUntil = parseDay(
    options.copilotUntil ?? new Date(now.getTime() - 86_400_000),
    "--copilot-until",
  );
  const logger = (options.logger ?? silentLogger()).child({ connector: "github", repo });
  const onProgress = options.onProgress;
  const cache = options.cache ?? new StoreHttpCache(store);
  const client = new GitHubClient({
    token: options.token,
    baseUrl: options.apiUrl,
    env: options.env,
    cache,
    logger,
    maxRateLimitWaitMs: options.maxRateLimitWaitMs,
    onRateLimit: (wait) => onProgress?.({ kind: "rate_limit", wait }),
  });
  const ctx: GitHubImportContext = {
    store,
    client,
    owner,
    name,
    repo,
    since,
    logger,
    now,
    progress: (resource: GitHubResource, items, total) =>
      onProgress?.({ kind: "page", connector: "github", resource, items, total }),
  };

  await client.get("GET /repos/{owner}/{repo}", { owner, repo: name }, repositorySchema, {
    notFound: `GitHub repository ${repo} not found or no access (at ${client.baseUrl})`,
  });
  const prs = await importPulls(ctx);
  const incidents = await importIncidents(ctx, {
    label: options.incidentLabel?.trim() || "incident",
    servicePrefix: options.serviceLabelPrefix ?? "service:",
  });
  const deployments = await importDeployments(ctx, production);
  const releaseEnvironment =
    options.releaseEnvironment === undefined ? "release" : options.releaseEnvironment;
  const releases = releaseEnvironment ? await importReleases(ctx, releaseEnvironment) : 0;
  const telemetry = options.copilotOrg
    ? await importCopilot(ctx, {
        org: options.copilotOrg,
        since: since?.slice(0, 10),
        until: copilotUntil,
      })
    : 0;
  // listing URLs carry the cursor, so old cache entries are never asked for again
  if (cache instanceof StoreHttpCache) await cache.prune(new Date(now.getTime() - CACHE_KEEP_MS));
  const result: ImportGitHubResult = {
    repo,
    prs,
    deployments,
    releases,
    incidents,
    telemetry_days: telemetry,
    requests: client.stats.requests,
    not_modified: client.stats.not_modified,
    rate_limited_waits: client.stats.rate_limited_waits,
  };
  logger.info(result, "GitHub import done");
  return result;
}
