import { type Logger, type Store, silentLogger } from "@uplift/core";
import type { CampaignSummaryResponse, CampaignsService } from "@uplift/server";
import { type CampaignStatus, CampaignStore, campaignStatus } from "@uplift/upkeep";

/** The server's campaigns over @uplift/upkeep: each campaign's stored status (no forge lookups). */
export function createCampaignsService(deps: {
  store: Store;
  dataDir: string;
  logger?: Logger;
}): CampaignsService {
  return {
    async list() {
      const campaigns = [];
      for (const campaign of await new CampaignStore(deps.store).list()) {
        const status = await campaignStatus(campaign.id, {
          store: deps.store,
          dataDir: deps.dataDir,
          logger: deps.logger ?? silentLogger(),
        });
        campaigns.push(summary(status));
      }
      return { campaigns };
    },
  };
}

function summary(s: CampaignStatus): CampaignSummaryResponse {
  return {
    campaign: s.campaign,
    id: s.id,
    kind: s.kind,
    created_at: s.created_at,
    tags: s.tags,
    states: s.states,
    repositories: s.repositories.map((r) => ({
      repo: r.repo,
      path: r.path,
      state: r.state,
      packages: r.targets.map((t) => `${t.package} ${t.from ?? "?"} → ${t.to}`),
      advisories: [...new Set(r.targets.flatMap((t) => t.advisories.map((a) => a.id)))],
      branch: r.branch,
      pr_url: r.pr_url,
      model_lines: r.model_lines,
      total_lines: r.total_lines,
      merged_without_edits: r.merged_without_edits,
      seconds: r.seconds,
      reason: r.reason,
      attempts: r.attempts,
    })),
    summary: s.summary,
  };
}
