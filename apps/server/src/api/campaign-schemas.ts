import { z } from "zod";

/**
 * `GET /api/campaigns`: every upkeep campaign as `uplift upkeep campaign status NAME --json`
 * reports it (newest first): repositories by state, time per repository, the model's share.
 */

export const campaignRepoSchema = z
  .object({
    repo: z.string(),
    path: z.string(),
    state: z.enum([
      "created",
      "planned",
      "patched",
      "tests_green",
      "pr_open",
      "merged",
      "failed",
      "baseline_failed",
    ]),
    packages: z.array(z.string()).meta({ description: "Bumps as `name from → to`." }),
    advisories: z.array(z.string()),
    branch: z.string().nullable(),
    pr_url: z.string().nullable(),
    model_lines: z.number().int(),
    total_lines: z.number().int(),
    merged_without_edits: z.boolean().nullable(),
    seconds: z.number().nullable(),
    reason: z.string().nullable(),
    attempts: z.number().int(),
  })
  .meta({ id: "CampaignRepo" });

export const campaignSummarySchema = z
  .object({
    campaign: z.string(),
    id: z.string(),
    kind: z.enum(["vulnerability", "upgrade"]),
    created_at: z.string(),
    tags: z.object({ labels: z.array(z.string()), branch: z.string() }),
    states: z.record(z.string(), z.number().int()),
    repositories: z.array(campaignRepoSchema),
    summary: z.object({
      repositories: z.number().int(),
      changed: z.number().int(),
      model_line_share: z.number().nullable(),
      model_change_share: z.number().nullable(),
      model_merged_without_edits_share: z.number().nullable(),
      median_seconds_per_repo: z.number().nullable(),
    }),
  })
  .meta({ id: "CampaignSummary" });

export const campaignsResponseSchema = z
  .object({ campaigns: z.array(campaignSummarySchema) })
  .meta({ id: "CampaignsResponse" });

export type CampaignRepoResponse = z.output<typeof campaignRepoSchema>;
export type CampaignSummaryResponse = z.output<typeof campaignSummarySchema>;
export type CampaignsResponse = z.output<typeof campaignsResponseSchema>;
