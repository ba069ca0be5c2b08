import { InputError } from "@uplift/core";
import {
  createWorkItemSource,
  type ImportWorkItemsResult,
  importWorkItems,
  linkWorkItemsToPrs,
  type WorkItemRateLimitWait,
  type WorkItemSource,
} from "@uplift/measure";
import { withContext } from "../../context.js";
import type { GlobalOptions } from "../../options.js";

export interface ImportJiraFlags {
  url?: string;
  project?: string;
  jql?: string;
  apiVersion?: string;
  since?: string;
  devInfo?: boolean;
}

export interface ImportIssuesFlags {
  repo?: string;
  project?: string;
  since?: string;
  apiUrl?: string;
  projectOwner?: string;
}

/** `--since DATE|INSTANT` → an ISO instant (a date is its UTC midnight). */
function parseSince(since: string | undefined): string | undefined {
  if (since === undefined) return undefined;
  const text = /^\d{4}-\d{2}-\d{2}$/.test(since) ? `${since}T00:00:00Z` : since;
  if (!/(Z|[+-]\d{2}:?\d{2})$/.test(text) || Number.isNaN(Date.parse(text)))
    throw new InputError(`--since ${since}: expected a date YYYY-MM-DD or an ISO 8601 time with offset`);
  return new Date(Date.parse(text)).toISOString();
}

async function run(global: GlobalOptions, make: () => WorkItemSource, link: boolean): Promise<void> {
  await withContext(global, async (ctx) => {
    const store = await ctx.store();
    const onRateLimit = process.stderr.isTTY
      ? (wait: WorkItemRateLimitWait) =>
          process.stderr.write(
            `${wait.forge} rate limit: resuming at ${wait.resumeAt.toISOString().slice(11, 19)} UTC\n`,
          )
      : undefined;
    const result = await importWorkItems(store, make(), { logger: ctx.logger, onRateLimit });
    const linked = link ? await linkWorkItemsToPrs(store) : undefined;
    ctx.print({ ...result, ...(linked === undefined ? {} : { pr_links_added: linked }) }, render);
  });
}

/** `uplift measure import jira --url URL --project KEY|--jql Q` (token from JIRA_TOKEN, JIRA_EMAIL for Cloud). */
export async function importJiraCommand(global: GlobalOptions, options: ImportJiraFlags): Promise<void> {
  const url = options.url ?? process.env.JIRA_URL;
  if (!url)
    throw new InputError("--url: give the Jira site, e.g. https://acme.atlassian.net (or set JIRA_URL)");
  if (options.apiVersion !== undefined && options.apiVersion !== "2" && options.apiVersion !== "3")
    throw new InputError(`--api-version ${options.apiVersion}: 2 (Server/Data Center) or 3 (Cloud)`);
  const since = parseSince(options.since);
  await run(
    global,
    () =>
      createWorkItemSource("jira", {
        url,
        project: options.project,
        jql: options.jql,
        apiVersion: options.apiVersion as "2" | "3" | undefined,
        since,
        devInfo: options.devInfo,
        token: process.env.JIRA_TOKEN,
        email: process.env.JIRA_EMAIL,
      }),
    true,
  );
}

/**
 * `uplift measure import github-issues --repo OWNER/NAME [--project N [--project-owner ORG]]`, or
 * `--project-owner ORG --project N` alone (token from GITHUB_TOKEN).
 */
export async function importGitHubIssuesCommand(
  global: GlobalOptions,
  options: ImportIssuesFlags,
): Promise<void> {
  if (!options.repo && !(options.project && options.projectOwner))
    throw new InputError(
      "--repo OWNER/NAME is required (e.g. --repo acme/web), or --project-owner ORG --project N for a board",
    );
  const since = parseSince(options.since);
  let project: number | undefined;
  if (options.project !== undefined) {
    project = Number(options.project);
    if (!/^\d+$/.test(options.project) || project < 1)
      throw new InputError(
        `--project ${options.project}: expected the project number from its URL (…/projects/N)`,
      );
  }
  const { repo, projectOwner, apiUrl } = options;
  await run(
    global,
    () => createWorkItemSource("github-issues", { repo, since, project, projectOwner, apiUrl }),
    false,
  );
}

/** `uplift measure import gitlab-issues --project GROUP/NAME` (token from GITLAB_TOKEN). */
export async function importGitLabIssuesCommand(
  global: GlobalOptions,
  options: ImportIssuesFlags,
): Promise<void> {
  if (!options.project)
    throw new InputError("--project GROUP/NAME is required (e.g. --project platform/api)");
  const since = parseSince(options.since);
  const project = options.project;
  await run(
    global,
    () => createWorkItemSource("gitlab-issues", { project, since, apiUrl: options.apiUrl }),
    false,
  );
}

function render(r: ImportWorkItemsResult & { pr_links_added?: number }): string {
  const lines = [
    `${r.source} ${r.scope}: ${r.items} work items, ${r.transitions} transitions imported`,
    `${r.requests} requests, ${r.rate_limited_waits} rate-limit waits`,
  ];
  if (r.pr_links_added !== undefined)
    lines.push(`pull request links added from keys in PR titles/branches: ${r.pr_links_added}`);
  if (r.unmapped.length > 0) {
    lines.push("unmapped (excluded from Flow metrics until mapped: uplift measure statuses export|import):");
    for (const u of r.unmapped) lines.push(`  ${u.kind} "${u.name}": ${u.items} items`);
  }
  return lines.join("\n");
}
