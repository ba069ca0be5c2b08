import type { Command } from "commander";
import { lazy, withGlobalOptions } from "../../options.js";

/** Adds the `uplift measure …` commands (DESIGN: CLI contract); implementations load lazily. */
export function registerMeasureCommands(program: Command): void {
  const measure = program
    .command("measure")
    .description("connectors and metrics: PR flow, DORA, assistant telemetry");
  const imports = measure.command("import").description("import records from files and systems");
  for (const format of ["csv", "json"] as const) {
    withGlobalOptions(imports.command(`${format} <file>`))
      .description(
        `import a ${format === "csv" ? "CSV (header row required)" : "JSON array or JSONL"} file of one kind; one transaction per file`,
      )
      .requiredOption(
        "--kind <kind>",
        "prs|deployments|incidents|telemetry|survey|developers|workitems — columns in docs/measure.md",
      )
      .option(
        "--transitions <file>",
        "with --kind workitems: status transitions item_id,at,from,to (docs/measure-flow.md)",
      )
      .option("--format <format>", "csv|json|jsonl (default: from the file extension)")
      .action(
        lazy(async () => {
          const { importFileCommand } = await import("./import-file.js");
          return (global, options, args) => importFileCommand(global, options as never, args, format);
        }),
      );
  }
  withGlobalOptions(measure.command("simulate"))
    .description("write a synthetic organisation with known ground truth as importable CSV files (demo data)")
    .requiredOption("--out <dir>", "directory to write developers.csv, prs.csv, … and truth.json to")
    .option("--seed <n>", "random seed (same seed, same data)", "20261126")
    .option("--developers <n>", "developers, in 6 teams, half in each arm", "60")
    .option("--weeks <n>", "weeks simulated (the assistant rolls out after week 4)", "12")
    .action(lazy(async () => (await import("./simulate.js")).simulateCommand));
  withGlobalOptions(imports.command("git"))
    .description(
      "import a local clone's history (commits, the PRs found in it) and link production deployments to the commits they shipped",
    )
    .requiredOption("--path <dir>", "the local clone (work tree or bare repository)")
    .option("--repo <name>", "name in records (default: owner/name of origin, else the directory name)")
    .option("--since <date>", "first import only: history landed since DATE")
    .option("--branch <name>", "branch to import (default: origin's default branch)")
    .option("--mailmap <file>", "an external mailmap file")
    .option("--production-env <regex>", "environment names that are production")
    .option(
      "--deployments-from-tags [regex]",
      "take the branch's release tags as production deployments (default pattern: v1.2 / v1.2.3)",
    )
    .action(lazy(async () => (await import("./import-git.js")).importGitCommand));
  withGlobalOptions(imports.command("github"))
    .description(
      "import pull requests, deployments, releases, incidents and Copilot metrics (token from GITHUB_TOKEN)",
    )
    .option("--repo <owner/name>", "the repository, e.g. acme/web")
    .option("--since <date>", "first import only: items updated since DATE")
    .option(
      "--api-url <url>",
      "GitHub Enterprise API URL (env GITHUB_API_URL), e.g. https://ghe.example.com/api/v3",
    )
    .option("--incident-label <label>", "issues with this label are incidents", "incident")
    .option("--service-label-prefix <prefix>", "label prefix naming an incident's service", "service:")
    .option("--production-env <regex>", "deployment environments that are production")
    .option("--release-environment <env>", "environment name for releases (none: skip releases)", "release")
    .option("--copilot-org <org>", "also import the organisation's Copilot per-user daily usage")
    .option("--copilot-until <date>", "last day of Copilot usage to import")
    .action(lazy(async () => (await import("./import-github.js")).importGitHubCommand));
  withGlobalOptions(imports.command("gitlab"))
    .description("import merge requests, approvals and deployments (token from GITLAB_TOKEN)")
    .option("--project <group/name>", "the project, e.g. platform/api")
    .option("--since <date>", "first import only: items updated since DATE")
    .option("--api-url <url>", "GitLab URL for self-managed instances")
    .option("--production-env <regex>", "deployment environments that are production")
    .action(lazy(async () => (await import("./import-gitlab.js")).importGitLabCommand));
  withGlobalOptions(imports.command("sarif <files...>"))
    .description(
      "import SARIF 2.1.0 files (CodeQL, Semgrep, ESLint, SonarQube …) as the analysis of one PR or commit; validated first, one transaction",
    )
    .requiredOption("--repo <name>", "the repository analysed, as in PR records (e.g. acme/web)")
    .option("--pr <number>", "the PR analysed (its head)")
    .option("--commit <sha>", "the commit analysed")
    .option(
      "--base <sha>",
      "the commit whose analysis decides what is new (default: first parent of the landing)",
    )
    .action(lazy(async () => (await import("./import-sarif.js")).importSarifCommand));
  const quality = measure.command("quality").description("code-quality guardrails (docs/measure-quality.md)");
  withGlobalOptions(quality.command("git"))
    .description(
      "rework (lines changed again within 21 days) and reverts from a local clone's history; replaces the repository's quality rows",
    )
    .requiredOption("--path <dir>", "the local clone (work tree or bare repository)")
    .option("--repo <name>", "name in records (default: owner/name of origin, else the directory name)")
    .option("--branch <name>", "branch to analyse (default: origin's default branch)")
    .option("--window-days <n>", "rework window in days", "21")
    .action(lazy(async () => (await import("./quality-git.js")).qualityGitCommand));
  withGlobalOptions(imports.command("jira"))
    .description(
      "import Jira issues with their status changelog (token from JIRA_TOKEN; Cloud API tokens also need JIRA_EMAIL)",
    )
    .option("--url <url>", "the Jira site, e.g. https://acme.atlassian.net (env JIRA_URL)")
    .option("--project <key>", "the project key, e.g. WEB")
    .option("--jql <query>", "or any JQL selecting the issues (without ORDER BY)")
    .option(
      "--api-version <n>",
      "3 (Cloud, /search/jql) or 2 (Server/Data Center); default 3 on *.atlassian.net",
    )
    .option("--since <date>", "first import only: issues updated since DATE")
    .option(
      "--dev-info",
      "also read linked pull requests from development information (one request per issue)",
    )
    .action(lazy(async () => (await import("./import-work-items.js")).importJiraCommand));
  withGlobalOptions(imports.command("github-issues"))
    .description(
      "import GitHub issues as work items, with timeline state and label events (token from GITHUB_TOKEN)",
    )
    .option("--repo <owner/name>", "the repository, e.g. acme/web")
    .option("--since <date>", "first import only: issues updated since DATE")
    .option(
      "--project <n>",
      "also read the Projects v2 board N: its Status values become transitions (GraphQL; read:project scope)",
    )
    .option(
      "--project-owner <login>",
      "the organisation or user owning the board (default: the repo's owner)",
    )
    .option("--api-url <url>", "GitHub Enterprise API URL (env GITHUB_API_URL)")
    .action(lazy(async () => (await import("./import-work-items.js")).importGitHubIssuesCommand));
  withGlobalOptions(imports.command("gitlab-issues"))
    .description(
      "import GitLab issues as work items, with resource state and label events (token from GITLAB_TOKEN)",
    )
    .option("--project <group/name>", "the project, e.g. platform/api")
    .option("--since <date>", "first import only: issues updated since DATE")
    .option("--api-url <url>", "GitLab URL for self-managed instances")
    .action(lazy(async () => (await import("./import-work-items.js")).importGitLabIssuesCommand));
  const identities = measure
    .command("identities")
    .description("review the identity mapping (Git emails, forge logins, survey ids → developer login)");
  withGlobalOptions(identities.command("export"))
    .description(
      "write alias,login,source (sorted by login, then alias) plus unresolved names with an empty login",
    )
    .requiredOption("--out <file>", "the CSV file to write")
    .action(lazy(async () => (await import("./identities.js")).exportIdentitiesCommand));
  withGlobalOptions(identities.command("import <file>"))
    .description(
      "upsert an alias,login[,source] CSV in one transaction; rows with an empty login are skipped",
    )
    .action(lazy(async () => (await import("./identities.js")).importIdentitiesCommand));
  const statuses = measure
    .command("statuses")
    .description("review the mapping of work-item statuses and types to Flow states and item types");
  withGlobalOptions(statuses.command("export"))
    .description(
      "write kind,name,flow,origin,items: every mapping plus unmapped names (empty flow) with item counts",
    )
    .requiredOption("--out <file>", "the CSV file to write")
    .action(lazy(async () => (await import("./statuses.js")).exportStatusesCommand));
  withGlobalOptions(statuses.command("import <file>"))
    .description(
      "store a reviewed kind,name,flow CSV in one transaction; rows with an empty flow are skipped",
    )
    .action(lazy(async () => (await import("./statuses.js")).importStatusesCommand));
  withGlobalOptions(measure.command("metrics"))
    .description("compute the metrics (definitions in docs/measure.md) per group and window")
    .option("--from <date>", "first day (YYYY-MM-DD, UTC, inclusive) or an ISO 8601 time")
    .option("--to <date>", "last day (YYYY-MM-DD, UTC, inclusive) or an ISO 8601 time (exclusive)")
    .option("--group-by <keys>", "author|team|repo|week|arm, or several comma-separated (author,week)")
    .option("--metric <names...>", "only these metrics (space- or comma-separated)")
    .option(
      "--experiment <name>",
      "with --group-by arm: the experiment whose arms to use (default: the latest)",
    )
    .option("--explain <metric>", "print the metric's definition and the records behind its values")
    .option("--group <group>", "with --explain: only this group's records")
    .option("--csv <file>", "also write the rows (or, with --explain, the records) to a CSV file")
    .option("--include-drafts", "count draft PRs in PR-flow metrics (excluded by default)")
    .option("--include-bots", "count bot-authored PRs (excluded by default)")
    .option(
      "--hotfix-pattern <regex>",
      "hotfix_rate: PR titles, head branches or labels matching it (case-insensitive)",
    )
    .option("--bug-pattern <regex>", "bug_fix_share: PR titles or labels matching it (case-insensitive)")
    .option("--incident-window <hours>", "incident ↔ deployment link window in hours (default 24)")
    .option("--environment <names>", "comma-separated production environment names (default production,prod)")
    .action(lazy(async () => (await import("./metrics.js")).metricsCommand));
}
