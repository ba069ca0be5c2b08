import type { Command } from "commander";
import { lazy, withGlobalOptions } from "../../options.js";

const collect = (value: string, previous: string[]) => [...previous, value];

/** Adds `uplift upkeep campaign create|plan|apply|status` under the `upkeep` command. */
export function registerCampaignCommands(upkeep: Command): void {
  const campaign = upkeep
    .command("campaign")
    .description(
      "vulnerability and upgrade campaigns across repositories, verified by each repository's tests",
    );
  withGlobalOptions(campaign.command("create <name>"))
    .description("create a campaign from scan findings, an OSV directory, or a package and target version")
    .option("--from-scan <file>", "findings of `uplift upkeep scan --json`")
    .option("--advisories <dir>", "scan the repositories against this OSV directory")
    .option("--package <name>", "upgrade campaign: the package to move")
    .option("--to <version>", "upgrade campaign: the version to move it to")
    .option("--repo <dir>", "a repository root (repeat for many repositories)", collect, [])
    .option("--all-indexed", "every repository of the code index (`uplift code index`)")
    .action(lazy(async () => (await import("./campaign-command.js")).campaignCreateCommand));
  withGlobalOptions(campaign.command("plan <name>"))
    .description(
      "per repository: the manifest bump, lock file, API changes between versions and their call sites",
    )
    .option("--test-cmd <cmd>", "test command to plan with instead of the detected one")
    .action(lazy(async () => (await import("./campaign-command.js")).campaignPlanCommand));
  withGlobalOptions(campaign.command("apply <name>"))
    .description("apply in sandboxes: baseline tests, bump, tests, model patches, branch and pull request")
    .option("--concurrency <n>", "repositories processed at once", "2")
    .option("--max-attempts <n>", "model patch attempts per repository", "3")
    .option("--test-cmd <cmd>", "test command (run with sh -c in the sandbox) instead of the detected one")
    .option(
      "--retry-failed",
      "put failed repositories back to planned first (earlier model attempts are kept)",
    )
    .action(lazy(async () => (await import("./campaign-command.js")).campaignApplyCommand));
  withGlobalOptions(campaign.command("status <name>"))
    .description("repositories by state, time per repository, share of changes written by the model")
    .option("--refresh", "look up open pull requests at their forge or remote first (merged, edited)")
    .action(lazy(async () => (await import("./campaign-command.js")).campaignStatusCommand));
}
