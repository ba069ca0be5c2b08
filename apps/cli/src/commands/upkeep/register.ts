import type { Command } from "commander";
import { lazy, withGlobalOptions } from "../../options.js";
import { registerCampaignCommands } from "./campaign-register.js";

const collect = (value: string, previous: string[]) => [...previous, value];

/** Adds the `uplift upkeep …` commands (DESIGN: CLI contract); implementations load lazily. */
export function registerUpkeepCommands(program: Command): void {
  const upkeep = program
    .command("upkeep")
    .description("dependency upkeep across repositories: vulnerability scan, upgrade and fix campaigns");

  withGlobalOptions(upkeep.command("scan"))
    .description("match every repository's dependencies (manifests and lock files) against OSV advisories")
    .option("--repo <dir>", "a repository root (repeat for many repositories)", collect, [])
    .option("--repos-from <file>", "a file with one repository path per line (# comments allowed)")
    .option("--advisories <dir>", "directory of OSV JSON records, searched recursively (e.g. an OSV export)")
    .option("--severity <level>", "report only findings of at least this severity: low|medium|high|critical")
    .option(
      "--fail-on <level>",
      "exit 1 when a finding of at least this severity exists: low|medium|high|critical",
    )
    .action(lazy(async () => (await import("./scan-command.js")).upkeepScanCommand));
  registerCampaignCommands(upkeep);
}
