/** The local Git connector: history → `commits` and `prs`, deployments → `deployment_commits`. */
export {
  type GitImportProgress,
  type GitImportResult,
  type ImportGitOptions,
  importGitRepository,
} from "./import-git-repository.js";
export {
  isProductionEnvironment,
  type LinkDeploymentsOptions,
  type LinkDeploymentsResult,
  linkDeploymentCommits,
} from "./link-deployments.js";
export { gitMigrations } from "./migrations.js";
export { PR_KINDS, type PrKind } from "./pr-evidence.js";
export {
  DEFAULT_RELEASE_TAG,
  importTagDeployments,
  type TagDeploymentsOptions,
  type TagDeploymentsResult,
  tagPattern,
} from "./tag-deployments.js";
