import { createEmbedder, type JobQueue } from "@uplift/core";
import { registerKbSyncJob } from "@uplift/kb";
import { registerCampaignJob } from "@uplift/upkeep";
import { campaignJobDeps } from "./commands/upkeep/campaign-job-deps.js";
import type { CliContext } from "./context.js";

/**
 * Every background job type a process can run, registered in one place (the worker and any
 * process that schedules jobs call this). Drivers are opened on the first job that needs them.
 */
export function registerJobs(ctx: CliContext, queue: JobQueue): void {
  registerKbSyncJob(queue, async () => ({
    store: await ctx.store(),
    index: await ctx.searchIndex(),
    embedder: createEmbedder(ctx.config.embedder, { logger: ctx.logger }),
  }));
  registerCampaignJob(queue, campaignJobDeps(ctx));
}
