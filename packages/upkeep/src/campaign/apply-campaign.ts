import { type JobQueue, type Logger, silentLogger } from "@uplift/core";
import { z } from "zod";
import { type ApplyDeps, applyRepository, type RepoOutcome } from "./apply-repository.js";
import { CampaignStore } from "./campaign-store.js";
import type { Campaign } from "./types.js";

/** Job name of one repository of a campaign. */
export const CAMPAIGN_REPO_JOB = "upkeep.campaign.repo";

const jobSchema = z.object({
  campaign: z.string(),
  repo: z.string(),
  maxAttempts: z.number().int().min(0),
  testCmd: z.string().optional(),
});
export type CampaignRepoJob = z.infer<typeof jobSchema>;

/** Tries of one repository's job: a crash or a forge outage is retried once, then the repository is failed. */
const JOB_ATTEMPTS = 2;

/**
 * Registers the per-repository job on a queue (`uplift worker` and `campaign apply` both do).
 * The last try of a job that throws marks the repository `failed` with the error, so a
 * campaign never hangs on a repository.
 */
export function registerCampaignJob(
  queue: JobQueue,
  deps: () => Promise<Omit<ApplyDeps, "maxAttempts" | "testCmd">>,
): void {
  queue.register<CampaignRepoJob, RepoOutcome>(
    CAMPAIGN_REPO_JOB,
    async (job) => {
      const base = await deps();
      const logger = job.log;
      try {
        return await applyRepository(job.data.campaign, job.data.repo, {
          ...base,
          logger,
          signal: job.signal,
          maxAttempts: job.data.maxAttempts,
          testCmd: job.data.testCmd,
        });
      } catch (error) {
        if (job.attempt < JOB_ATTEMPTS) throw error;
        const reason = `error: ${error instanceof Error ? error.message : String(error)}`;
        await new CampaignStore(base.store).update(
          job.data.campaign,
          job.data.repo,
          { state: "failed", finished: true, checkpoint: { reason } },
          "error",
          { reason },
        );
        return { repo: job.data.repo, state: "failed", reason, pr_url: null };
      }
    },
    { schema: jobSchema },
  );
}

export interface ApplyCampaignOptions {
  concurrency: number;
  /** Put `failed` repositories back to `planned` first (their earlier attempts are kept). */
  retryFailed?: boolean;
  maxAttempts: number;
  testCmd?: string | undefined;
  logger?: Logger;
}

/**
 * `campaign apply NAME`: one job per repository not finished yet, keyed by campaign and
 * repository (a rerun finds the same jobs, or a finished repository's stored state), run with
 * `concurrency` at a time; waits for all and returns each repository's outcome.
 */
export async function applyCampaign(
  name: string,
  queue: JobQueue,
  store: ApplyDeps["store"],
  options: ApplyCampaignOptions,
): Promise<{ campaign: string; id: string; repositories: RepoOutcome[] }> {
  const logger = options.logger ?? silentLogger();
  const campaigns = new CampaignStore(store);
  const campaign = await campaigns.get(name);
  if (options.retryFailed) {
    const reset = await campaigns.retryFailed(campaign.id);
    logger.info({ repositories: reset }, "failed repositories put back to planned");
  }
  const rows = await campaigns.repos(campaign.id);
  const ids: string[] = [];
  for (const row of rows) {
    const data: CampaignRepoJob = {
      campaign: campaign.id,
      repo: row.repo,
      maxAttempts: options.maxAttempts,
      ...(options.testCmd && { testCmd: options.testCmd }),
    };
    const { id, deduplicated } = await queue.enqueue(CAMPAIGN_REPO_JOB, data, {
      idempotencyKey: jobKey(campaign, row.repo, row.checkpoint.retry ?? 0),
      attempts: JOB_ATTEMPTS,
      backoff: { type: "fixed", delayMs: 1000 },
    });
    if (deduplicated) logger.info({ repo: row.repo, job: id }, "job already queued: not enqueued twice");
    ids.push(id);
  }
  await queue.start({ concurrency: options.concurrency });
  for (const id of ids) await queue.waitFor(id);
  const repositories: RepoOutcome[] = [];
  for (const row of await campaigns.repos(campaign.id))
    repositories.push({
      repo: row.repo,
      state: row.state,
      reason: row.checkpoint.reason ?? null,
      pr_url: row.prUrl,
    });
  return { campaign: campaign.name, id: campaign.id, repositories };
}

/**
 * Idempotency key of a repository's job: no ":" and not an integer, as JobQueue requires. The
 * campaign's creation time is part of it: campaign ids restart at c1 in every store, and stores
 * may share one Redis; a repository put back by `--retry-failed` gets a new key.
 */
export function jobKey(campaign: Pick<Campaign, "id" | "createdAt">, repo: string, retry = 0): string {
  const name = repo.replace(/[^A-Za-z0-9._-]/g, "_");
  return `campaign-${campaign.id}-${campaign.createdAt.getTime()}-${name}${retry ? `-retry${retry}` : ""}`;
}
