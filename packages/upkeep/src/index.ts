/** Public API of @uplift/upkeep; filled in by its issue (see docs/architecture.md). */

export {
  type ApplyCampaignOptions,
  applyCampaign,
  CAMPAIGN_REPO_JOB,
  type CampaignRepoJob,
  registerCampaignJob,
} from "./campaign/apply-campaign.js";
export type { ApplyDeps, RepoOutcome } from "./campaign/apply-repository.js";
export { type CampaignStatus, campaignStatus } from "./campaign/campaign-status.js";
export { type AttemptRecord, type CampaignRepoRow, CampaignStore } from "./campaign/campaign-store.js";
export {
  type CreateCampaignDeps,
  type CreateCampaignInput,
  type CreatedCampaign,
  createCampaign,
} from "./campaign/create-campaign.js";
export type { ForgeClients } from "./campaign/deliver.js";
export { parseRemote } from "./campaign/forge-remote.js";
export { type PlanDeps, planCampaign } from "./campaign/plan-campaign.js";
export type {
  ApiChange,
  ApiDiff,
  BumpTarget,
  CallSite,
  Campaign,
  CampaignKind,
  CampaignRepoStatus,
  ManifestEdit,
  RepoPlan,
  RepoState,
} from "./campaign/types.js";
export { REPO_STATES } from "./campaign/types.js";
export { upkeepMigrations } from "./migrations.js";
export type { AdvisoryIndex, IndexedAffected } from "./scan/advisories/advisory-index.js";
export { type AdvisoryDatabase, loadAdvisories } from "./scan/advisories/load-advisories.js";
export type { OsvRecord } from "./scan/advisories/osv-schema.js";
export { parseSeverity, SEVERITY_ORDER, type Severity, severityRank } from "./scan/advisories/severity.js";
export { type ScanOptions, scanRepositories, scanWithAdvisories } from "./scan/scan-repositories.js";
export type {
  AdvisoryRollup,
  Dependency,
  Ecosystem,
  Finding,
  RepositoryScan,
  ScanReport,
  ScanSummary,
} from "./scan/types.js";
export { ecosystemScheme, type VersionScheme } from "./scan/versions/version-scheme.js";
