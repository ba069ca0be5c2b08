import { InputError } from "@uplift/core";
import { type ImportGitHubResult, importGitHub } from "@uplift/measure";
import { withContext } from "../../context.js";
import type { GlobalOptions } from "../../options.js";
import { ForgeProgress } from "./forge-progress.js";

export interface ImportGitHubFlags {
  repo?: string;
  since?: string;
  apiUrl?: string;
  incidentLabel?: string;
  serviceLabelPrefix?: string;
  productionEnv?: string;
  releaseEnvironment?: string;
  copilotOrg?: string;
  copilotUntil?: string;
}

/**
 * `uplift measure import github --repo OWNER/NAME [--since DATE] [--api-url URL]
 * [--incident-label L] [--copilot-org ORG] --json`: imports pull requests, deployments,
 * releases, incidents and Copilot metrics incrementally (token from GITHUB_TOKEN).
 */
export async function importGitHubCommand(
  global: GlobalOptions,
  options: ImportGitHubFlags,
  _args: string[],
) {
  if (!options.repo) throw new InputError("--repo OWNER/NAME is required (e.g. --repo acme/web)");
  const repo = options.repo;
  await withContext(global, async (ctx) => {
    const store = await ctx.store();
    const progress = ForgeProgress.forTty();
    let result: ImportGitHubResult;
    try {
      result = await importGitHub(store, {
        repo,
        since: options.since,
        apiUrl: options.apiUrl,
        incidentLabel: options.incidentLabel,
        serviceLabelPrefix: options.serviceLabelPrefix,
        productionEnvironment: options.productionEnv,
        releaseEnvironment: options.releaseEnvironment === "none" ? null : options.releaseEnvironment,
        copilotOrg: options.copilotOrg,
        copilotUntil: options.copilotUntil,
        logger: ctx.logger,
        onProgress: progress?.show,
      });
    } finally {
      progress?.clear();
    }
    ctx.print(result, renderHuman);
  });
}

function renderHuman(r: ImportGitHubResult): string {
  return [
    `GitHub ${r.repo}: ${r.prs} pull requests, ${r.deployments} deployments, ${r.releases} releases, ${r.incidents} incidents, ${r.telemetry_days} Copilot user-days imported`,
    `${r.requests} requests (${r.not_modified} not modified), ${r.rate_limited_waits} rate-limit waits`,
  ].join("\n");
}
