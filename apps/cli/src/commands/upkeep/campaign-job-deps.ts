import { createLlmProvider, GitHubClient, GitLabClient, type LlmProvider, type Logger } from "@uplift/core";
import type { ApplyDeps, ForgeClients } from "@uplift/upkeep";
import type { CliContext } from "../../context.js";

/** GitHub/GitLab clients, built on first use (tokens from GITHUB_TOKEN / GITLAB_TOKEN, URLs from *_API_URL). */
export function forgeClients(logger: Logger): ForgeClients {
  let github: GitHubClient | undefined;
  let gitlab: GitLabClient | undefined;
  return {
    github: () => {
      github ??= new GitHubClient({ logger, userAgent: "uplift-upkeep" });
      return github;
    },
    gitlab: () => {
      gitlab ??= new GitLabClient({ logger });
      return gitlab;
    },
  };
}

/**
 * What a campaign job needs from the CLI's context (the store, the data dir, the model, the forge
 * clients), opened on the first job. Without `llm` the configured model is created on that first
 * job and shared by the process's later jobs.
 */
export function campaignJobDeps(
  ctx: Pick<CliContext, "store" | "dataDir" | "logger" | "config">,
  llm?: LlmProvider,
): () => Promise<Omit<ApplyDeps, "maxAttempts" | "testCmd">> {
  const forges = forgeClients(ctx.logger);
  let model: { value: LlmProvider | undefined } | undefined = llm ? { value: llm } : undefined;
  return async () => {
    model ??= { value: createLlmProvider(ctx.config.llm, { logger: ctx.logger }) };
    return { store: await ctx.store(), dataDir: ctx.dataDir, logger: ctx.logger, llm: model.value, forges };
  };
}
