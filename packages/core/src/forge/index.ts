export {
  type GetOptions,
  GITHUB_DEFAULT_API_URL,
  GitHubClient,
  type GitHubClientOptions,
} from "./github-client.js";
export { GITLAB_DEFAULT_URL, GitLabClient, type GitLabClientOptions } from "./gitlab-client.js";
export { type CachedPage, type HttpCache, MemoryHttpCache } from "./http-cache.js";
export { parseLinkHeader } from "./link-header.js";
export { forgeMigrations } from "./migrations.js";
export type { ForgePage, PayloadParser } from "./payload.js";
export { formatRateLimitNotice, type RateLimitListener, type RateLimitWait } from "./rate-limit.js";
export { emptyRequestStats, type ForgeRequestStats } from "./request-stats.js";
export { StoreHttpCache } from "./store-http-cache.js";
