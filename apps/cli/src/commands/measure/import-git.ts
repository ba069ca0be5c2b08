import { InputError } from "@uplift/core";
import {
  type GitImportProgress,
  type GitImportResult,
  importGitRepository,
  importTagDeployments,
  type LinkDeploymentsResult,
  linkDeploymentCommits,
  type TagDeploymentsResult,
  tagPattern,
} from "@uplift/measure";
import { withContext } from "../../context.js";
import type { GlobalOptions } from "../../options.js";

export interface ImportGitFlags {
  path?: string;
  repo?: string;
  since?: string;
  branch?: string;
  mailmap?: string;
  productionEnv?: string;
  deploymentsFromTags?: string | true;
}

/**
 * `uplift measure import git --path REPO [--repo NAME] [--since DATE] [--branch B] [--mailmap FILE]
 * [--deployments-from-tags [REGEX]]`: imports the branch's history (commits, PRs found in it)
 * incrementally, optionally takes its release tags as production deployments, then links the
 * repo's successful production deployments to the commits they shipped.
 */
export async function importGitCommand(global: GlobalOptions, options: ImportGitFlags, _args: string[]) {
  if (!options.path) throw new InputError("--path REPO is required: the local clone to import");
  const repoPath = options.path;
  const production = parseProductionPattern(options.productionEnv);
  const tags = tagPattern(options.deploymentsFromTags);
  await withContext(global, async (ctx) => {
    const store = await ctx.store();
    const progress = process.stderr.isTTY ? new TtyProgress() : undefined;
    let result: GitImportResult;
    try {
      result = await importGitRepository(store, {
        path: repoPath,
        repo: options.repo,
        since: options.since,
        branch: options.branch,
        mailmap: options.mailmap,
        logger: ctx.logger,
        onProgress: progress ? (p) => progress.show(p) : undefined,
      });
    } finally {
      progress?.clear();
    }
    const fromTags = tags
      ? await importTagDeployments(store, { repoPath, repo: result.repo, tip: result.cursor, pattern: tags })
      : undefined;
    const deployments = await linkDeploymentCommits(store, {
      repoPath,
      repo: result.repo,
      production,
      logger: ctx.logger,
    });
    ctx.print(toJson(result, deployments, fromTags), renderHuman);
  });
}

function parseProductionPattern(pattern: string | undefined): RegExp | undefined {
  if (pattern === undefined) return undefined;
  try {
    return new RegExp(pattern, "i");
  } catch (error) {
    throw new InputError(
      `--production-env ${pattern}: not a regular expression (${(error as Error).message})`,
      {
        cause: error,
      },
    );
  }
}

function toJson(
  result: GitImportResult,
  deployments: LinkDeploymentsResult,
  fromTags: TagDeploymentsResult | undefined,
) {
  return {
    repo: result.repo,
    branch: result.branch,
    mode: result.mode,
    commits: result.commits,
    prs: result.prs,
    prs_by_kind: result.prsByKind,
    direct_commits: result.directCommits,
    other_merges: result.otherMerges,
    squashes_with_head_ref: result.squashesWithHeadRef,
    skipped: result.skipped,
    skipped_reasons: result.skippedReasons,
    cursor: result.cursor,
    previous_cursor: result.previousCursor ?? null,
    force_pushed: result.forcePushed,
    removed_prs: result.removedPrs,
    duration_ms: result.durationMs,
    deployments: {
      production_successes: deployments.deployments,
      linked: deployments.linked,
      unchanged: deployments.unchanged,
      commits: deployments.commits,
      unknown_sha: deployments.unknownSha,
      unknown_shas: deployments.unknownShas,
      no_baseline: deployments.noBaseline,
      ...(fromTags && { from_tags: fromTags.tags, tags_not_matching: fromTags.skipped }),
    },
  };
}

function renderHuman(out: ReturnType<typeof toJson>): string {
  const kinds = Object.entries(out.prs_by_kind)
    .filter(([, n]) => n > 0)
    .map(([kind, n]) => `${kind} ${n}`)
    .join(", ");
  const lines = [
    `${out.repo} (${out.branch}): ${out.mode === "up-to-date" ? "already up to date" : `${out.mode} import`}, cursor ${out.cursor.slice(0, 12)}`,
    `  commits ${out.commits}, PRs ${out.prs}${kinds ? ` (${kinds})` : ""}, direct ${out.direct_commits}, other merges ${out.other_merges}`,
  ];
  if (out.force_pushed) {
    lines.push(
      `  the branch was force-pushed since ${out.previous_cursor?.slice(0, 12)}: re-walked, ${out.removed_prs} PRs no longer on it removed`,
    );
  }
  if (out.skipped > 0)
    lines.push(`  skipped ${out.skipped} (first: ${out.skipped_reasons[0]?.reason ?? ""})`);
  const d = out.deployments;
  if (d.from_tags !== undefined)
    lines.push(
      `  release tags taken as deployments: ${d.from_tags} (${d.tags_not_matching} other tags left out)`,
    );
  if (d.production_successes > 0) {
    lines.push(
      `  deployments: ${d.production_successes} successful production, ${d.linked} linked (${d.commits} commits), ${d.unchanged} unchanged, ${d.no_baseline} without a previous one`,
    );
    if (d.unknown_sha > 0)
      lines.push(`  ${d.unknown_sha} deployment SHAs are not in this clone (not linked): fetch it`);
  }
  return lines.join("\n");
}

/** "commits processed" on one rewritten stderr line; only on a terminal. */
class TtyProgress {
  #shown = false;

  show(progress: GitImportProgress): void {
    const text =
      progress.phase === "reading"
        ? `reading history: ${progress.commits.toLocaleString("en")} commits processed`
        : `${progress.phase}: ${progress.commits.toLocaleString("en")} commits`;
    process.stderr.write(`\r\x1b[2K${text}`);
    this.#shown = true;
  }

  clear(): void {
    if (this.#shown) process.stderr.write("\r\x1b[2K");
  }
}
