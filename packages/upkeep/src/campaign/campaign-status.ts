import path from "node:path";
import type { Logger, Store } from "@uplift/core";
import { type CampaignRepoRow, CampaignStore } from "./campaign-store.js";
import { deliveredState, type ForgeClients } from "./deliver.js";
import { campaignBranch, campaignLabels } from "./pr-body.js";
import { reopenSandbox } from "./sandbox.js";
import { type Campaign, type CampaignRepoStatus, REPO_STATES, type RepoState } from "./types.js";

/** `campaign status NAME --json`. */
export interface CampaignStatus {
  campaign: string;
  id: string;
  kind: Campaign["kind"];
  created_at: string;
  /** How campaign pull requests are tagged (labels and branch), for measure and experiments. */
  tags: { labels: string[]; branch: string };
  states: Record<RepoState, number>;
  repositories: CampaignRepoStatus[];
  summary: {
    repositories: number;
    /** Repositories with a change (bump committed): the denominators below. */
    changed: number;
    /** Lines written by the model / lines changed outside lock files, over changed repositories. */
    model_line_share: number | null;
    /** Changed repositories whose change includes model-written lines / changed repositories. */
    model_change_share: number | null;
    /** Merged changes with model lines whose merged head is the one Uplift pushed / merged changes with model lines. */
    model_merged_without_edits_share: number | null;
    median_seconds_per_repo: number | null;
  };
  refreshed?: { checked: number; errors: { repo: string; message: string }[] };
}

/**
 * Repositories by state, time per repository and the model's share. With `refresh`, open pull
 * requests are looked up at their forge (or remote) first: merged ones become `merged`, and
 * whether the merged head is the commit Uplift pushed (no human edits) is recorded.
 */
export async function campaignStatus(
  name: string,
  deps: { store: Store; dataDir: string; logger: Logger; forges?: ForgeClients; refresh?: boolean },
): Promise<CampaignStatus> {
  const campaigns = new CampaignStore(deps.store);
  const campaign = await campaigns.get(name);
  let refreshed: CampaignStatus["refreshed"];
  if (deps.refresh && deps.forges)
    refreshed = await refresh(campaigns, campaign, deps.dataDir, deps.forges, deps.logger);
  const rows = await campaigns.repos(campaign.id);
  const attempts = await campaigns.attempts(campaign.id);
  const states = Object.fromEntries(REPO_STATES.map((s) => [s, 0])) as Record<RepoState, number>;
  for (const r of rows) states[r.state] += 1;
  const changed = rows.filter((r) => r.totalLines > 0);
  const withModel = changed.filter((r) => r.modelLines > 0);
  const mergedModel = withModel.filter((r) => r.state === "merged");
  const seconds = rows
    .map(secondsOf)
    .filter((s): s is number => s !== null)
    .sort((a, b) => a - b);
  const sum = (xs: CampaignRepoRow[], f: (r: CampaignRepoRow) => number) => xs.reduce((a, r) => a + f(r), 0);
  const totalLines = sum(changed, (r) => r.totalLines);
  return {
    campaign: campaign.name,
    id: campaign.id,
    kind: campaign.kind,
    created_at: campaign.createdAt.toISOString(),
    tags: { labels: campaignLabels(campaign.id), branch: campaignBranch(campaign.id) },
    states,
    repositories: rows.map((r) => ({
      repo: r.repo,
      path: r.path,
      state: r.state,
      targets: r.targets,
      branch: r.branch,
      pr_url: r.prUrl,
      model_lines: r.modelLines,
      total_lines: r.totalLines,
      merged_without_edits: r.mergedWithoutEdits,
      seconds: secondsOf(r),
      reason: r.checkpoint.reason ?? null,
      attempts: attempts.filter((a) => a.repo === r.repo).length,
    })),
    summary: {
      repositories: rows.length,
      changed: changed.length,
      model_line_share: totalLines > 0 ? sum(changed, (r) => r.modelLines) / totalLines : null,
      model_change_share: changed.length > 0 ? withModel.length / changed.length : null,
      model_merged_without_edits_share:
        mergedModel.length > 0
          ? mergedModel.filter((r) => r.mergedWithoutEdits).length / mergedModel.length
          : null,
      median_seconds_per_repo: seconds.length ? median(seconds) : null,
    },
    ...(refreshed && { refreshed }),
  };
}

async function refresh(
  campaigns: CampaignStore,
  campaign: Campaign,
  dataDir: string,
  forges: ForgeClients,
  logger: Logger,
): Promise<NonNullable<CampaignStatus["refreshed"]>> {
  const out: NonNullable<CampaignStatus["refreshed"]> = { checked: 0, errors: [] };
  for (const row of await campaigns.repos(campaign.id)) {
    if (row.state !== "pr_open" || !row.branch || !row.pushedSha) continue;
    const sandbox = reopenSandbox(path.join(dataDir, "upkeep", "sandboxes", campaign.id, row.repo));
    try {
      const state = await deliveredState(
        {
          dir: sandbox?.dir ?? row.path,
          remoteUrl: sandbox?.remoteUrl,
          branch: row.branch,
          number: row.prNumber,
          pushedSha: row.pushedSha,
        },
        forges,
      );
      out.checked += 1;
      if (state?.merged)
        await campaigns.update(
          campaign.id,
          row.repo,
          { state: "merged", mergedWithoutEdits: state.headSha === row.pushedSha },
          "merged",
          { head_sha: state.headSha ?? null, pushed_sha: row.pushedSha },
        );
    } catch (error) {
      logger.warn({ repo: row.repo, error: String(error) }, "could not refresh the pull request");
      out.errors.push({ repo: row.repo, message: error instanceof Error ? error.message : String(error) });
    }
  }
  return out;
}

function secondsOf(r: CampaignRepoRow): number | null {
  if (!r.startedAt || !r.finishedAt) return null;
  return Math.max(0, Math.round((r.finishedAt.getTime() - r.startedAt.getTime()) / 100) / 10);
}

function median(sorted: number[]): number {
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}
