import { InputError } from "@uplift/core";
import { type ImportGitLabResult, importGitLab } from "@uplift/measure";
import { withContext } from "../../context.js";
import type { GlobalOptions } from "../../options.js";
import { ForgeProgress } from "./forge-progress.js";

export interface ImportGitLabFlags {
  project?: string;
  since?: string;
  apiUrl?: string;
  productionEnv?: string;
}

/**
 * `uplift measure import gitlab --project GROUP/NAME [--since DATE] [--api-url URL] --json`:
 * imports merge requests and deployments incrementally (token from GITLAB_TOKEN).
 */
export async function importGitLabCommand(
  global: GlobalOptions,
  options: ImportGitLabFlags,
  _args: string[],
) {
  if (!options.project)
    throw new InputError("--project GROUP/NAME is required (e.g. --project platform/api)");
  const project = options.project;
  await withContext(global, async (ctx) => {
    const store = await ctx.store();
    const progress = ForgeProgress.forTty();
    let result: ImportGitLabResult;
    try {
      result = await importGitLab(store, {
        project,
        since: options.since,
        apiUrl: options.apiUrl,
        productionEnvironment: options.productionEnv,
        logger: ctx.logger,
        onProgress: progress?.show,
      });
    } finally {
      progress?.clear();
    }
    ctx.print(result, renderHuman);
  });
}

function renderHuman(r: ImportGitLabResult): string {
  return [
    `GitLab ${r.project}: ${r.prs} merge requests, ${r.deployments} deployments imported`,
    `${r.requests} requests, ${r.rate_limited_waits} rate-limit waits`,
  ].join("\n");
}
