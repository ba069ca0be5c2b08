import { getJson } from "./client.js";

/** Mirrors CampaignsResponse of apps/server/src/api/campaign-schemas.ts. */
export type CampaignRepoState =
  | "created"
  | "planned"
  | "patched"
  | "tests_green"
  | "pr_open"
  | "merged"
  | "failed"
  | "baseline_failed";

export interface CampaignRepo {
  repo: string;
  path: string;
  state: CampaignRepoState;
  packages: string[];
  advisories: string[];
  branch: string | null;
  pr_url: string | null;
  model_lines: number;
  total_lines: number;
  merged_without_edits: boolean | null;
  seconds: number | null;
  reason: string | null;
  attempts: number;
}

export interface CampaignSummary {
  campaign: string;
  id: string;
  kind: "vulnerability" | "upgrade";
  created_at: string;
  tags: { labels: string[]; branch: string };
  states: Record<string, number>;
  repositories: CampaignRepo[];
  summary: {
    repositories: number;
    changed: number;
    model_line_share: number | null;
    model_change_share: number | null;
    model_merged_without_edits_share: number | null;
    median_seconds_per_repo: number | null;
  };
}

export const listCampaigns = (token: string, signal?: AbortSignal) =>
  getJson<{ campaigns: CampaignSummary[] }>("/api/campaigns", token, signal);
