import path from "node:path";
import { type Logger, type Store, silentLogger } from "@uplift/core";
import {
  type DeploymentLink,
  forgetRemovedDeployments,
  writeDeploymentLinks,
} from "./deployment-link-writer.js";
import { runGit } from "./git-command.js";
import { resolveCommits } from "./resolve-commits.js";
import { type ShippedCommit, shippedCommitsByGitLog, shippedCommitsByGraph } from "./shipped-commits.js";

export interface LinkDeploymentsOptions {
  /** The local clone holding the deployed commits. */
  repoPath: string;
  /** `deployments.repo` of the deployments to link (as imported). */
  repo: string;
  /** Environment names that are production; default {@link isProductionEnvironment}. */
  production?: RegExp | undefined;
  /**
   * How ranges are read: "git-log" runs one `git log <sha> ^<previous>` per deployment;
   * "graph" reads the deployed commits' ancestry once and computes every range in memory.
   * "auto" (default) takes "graph" above 20 deployments to link.
   */
  ranges?: "auto" | "graph" | "git-log" | undefined;
  logger?: Logger | undefined;
}

export interface LinkDeploymentsResult {
  repo: string;
  /** Successful production deployments of the repo, in `finished_at` order. */
  deployments: number;
  /** Deployments whose shipped commits were (re)computed by this run. */
  linked: number;
  /** Deployments linked by an earlier run with the same SHAs, left as they were. */
  unchanged: number;
  /** `deployment_commits` rows written by this run. */
  commits: number;
  /** Deployments whose SHA the clone does not have: counted and listed, never guessed. */
  unknownSha: number;
  unknownShas: { deployment_id: string; sha: string }[];
  /** The first deployment with a known SHA has no previous one to compare with: nothing linked. */
  noBaseline: number;
  /** Deployments compared with an earlier deployment than the previous one, whose SHA was unknown. */
  baselineSkippedUnknown: number;
}

interface DeploymentRow {
  id: string;
  sha: string;
  environment: string;
}

interface LinkRow {
  deployment_id: string;
  resolved_sha: string | null;
  previous_sha: string | null;
  status: string;
}

/** Production by name: "production", "prod", and those with a suffix ("production-eu", "prod/us"). */
export function isProductionEnvironment(environment: string): boolean {
  return /^prod(uction)?([-_/. :].*)?$/i.test(environment.trim());
}

const MAX_LISTED = 50;
const WRITE_EVERY = 500;
const GRAPH_ABOVE = 20;

/**
 * Links each successful production deployment of `repo` (from `deployments`, ordered by
 * `finished_at`) to the commits it shipped: `git rev-list <its sha> ^<previous successful
 * production deployment's sha>`, written to `deployment_commits` with their author and
 * committer times (DORA lead time for changes). A SHA the clone does not have is counted and
 * reported, never guessed; the next deployment is then compared with the latest earlier one
 * whose SHA is known. Incremental: a deployment linked before against the same two SHAs is
 * left alone. A commit shipped again after a rollback is linked to each deployment that
 * shipped it; lead time takes its first.
 */
export async function linkDeploymentCommits(
  store: Store,
  options: LinkDeploymentsOptions,
): Promise<LinkDeploymentsResult> {
  const logger = (options.logger ?? silentLogger()).child({ repo: options.repo });
  const repoPath = path.resolve(options.repoPath);
  const deployments = (
    await store.query<DeploymentRow>(
      `SELECT id, sha, environment FROM deployments WHERE repo = $1 AND status = 'success'
       ORDER BY finished_at, id`,
      [options.repo],
    )
  ).rows.filter((row) =>
    options.production ? options.production.test(row.environment) : isProductionEnvironment(row.environment),
  );
  const result: LinkDeploymentsResult = {
    repo: options.repo,
    deployments: deployments.length,
    linked: 0,
    unchanged: 0,
    commits: 0,
    unknownSha: 0,
    unknownShas: [],
    noBaseline: 0,
    baselineSkippedUnknown: 0,
  };
  if (deployments.length === 0) {
    await forgetRemovedDeployments(store, options.repo, []);
    return result;
  }

  await runGit(repoPath, ["rev-parse", "--git-dir"]);
  const resolved = await resolveCommits(
    repoPath,
    deployments.map((d) => d.sha),
  );
  const previousLinks = new Map(
    (
      await store.query<LinkRow>(
        "SELECT deployment_id, resolved_sha, previous_sha, status FROM git_deployment_links WHERE repo = $1",
        [options.repo],
      )
    ).rows.map((row) => [row.deployment_id, row]),
  );

  const links: DeploymentLink[] = [];
  let previous: { id: string; sha: string } | undefined;
  let unknownSincePrevious = false;
  for (const deployment of deployments) {
    const sha = resolved.get(deployment.sha);
    if (!sha) {
      result.unknownSha++;
      if (result.unknownShas.length < MAX_LISTED) {
        result.unknownShas.push({ deployment_id: deployment.id, sha: deployment.sha });
      }
      links.push({ deployment, sha: undefined, previous: undefined, status: "unknown_sha", commits: [] });
      unknownSincePrevious = true;
      continue;
    }
    if (!previous) {
      result.noBaseline++;
      links.push({ deployment, sha, previous: undefined, status: "no_baseline", commits: [] });
    } else {
      if (unknownSincePrevious) result.baselineSkippedUnknown++;
      const before = previousLinks.get(deployment.id);
      if (
        before?.status === "linked" &&
        before.resolved_sha === sha &&
        before.previous_sha === previous.sha
      ) {
        result.unchanged++;
      } else {
        links.push({ deployment, sha, previous, status: "linked", commits: [] });
        result.linked++;
      }
    }
    previous = { id: deployment.id, sha };
    unknownSincePrevious = false;
  }

  const toRead = links.filter((link) => link.status === "linked");
  const ranges = toRead.map((link) => ({ sha: link.sha as string, previous: link.previous?.sha as string }));
  const strategy = options.ranges ?? "auto";
  const shipped: ShippedCommit[][] =
    strategy === "graph" || (strategy === "auto" && ranges.length > GRAPH_ABOVE)
      ? await shippedCommitsByGraph(repoPath, ranges)
      : await shippedCommitsByGitLog(repoPath, ranges);
  toRead.forEach((link, i) => {
    link.commits = shipped[i] ?? [];
  });
  for (let start = 0; start < links.length; start += WRITE_EVERY) {
    result.commits += await writeDeploymentLinks(
      store,
      options.repo,
      links.slice(start, start + WRITE_EVERY),
    );
  }
  await forgetRemovedDeployments(
    store,
    options.repo,
    deployments.map((d) => d.id),
  );
  if (result.unknownSha > 0) {
    logger.warn(
      { unknown: result.unknownSha, examples: result.unknownShas.slice(0, 5) },
      "deployments whose SHA is not in the local clone were not linked (fetch the clone, or check the SHAs)",
    );
  }
  return result;
}
