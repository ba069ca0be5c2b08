import { existsSync } from "node:fs";
import path from "node:path";
import { InputError, type Logger, type Store, silentLogger } from "@uplift/core";
import { z } from "zod";
import { loadIdentityMap } from "../store/identities.js";
import { type CommitNode, toCommitNode } from "./commit-node.js";
import { CommitWriter } from "./commit-writer.js";
import { type GitCursor, readCursor } from "./cursor.js";
import { detectPullRequests } from "./detect-pull-requests.js";
import { streamGit } from "./git-command.js";
import { IdentityTable } from "./identity.js";
import { LOG_FORMAT, parseGitLog } from "./log-stream.js";
import { PR_KINDS, type PrKind } from "./pr-evidence.js";
import { addSquashedCommits } from "./pull-request-heads.js";
import { writePullRequests } from "./pull-request-writer.js";
import { firstParentBefore, isAncestor, type ResolvedRepository, resolveRepository } from "./repository.js";

export interface ImportGitOptions {
  /** A local clone: work tree or bare repository. */
  path: string;
  /** Name used in records (`repo` column); default: "owner/name" of the origin URL, else the directory name. */
  repo?: string | undefined;
  /** Branch to import; default: the remote's default branch (origin/HEAD), else the checked-out one. */
  branch?: string | undefined;
  /** ISO date or instant: the first import (and a re-walk) reads the first-parent history landed since then. */
  since?: string | undefined;
  /** An external mailmap file, used on top of the repository's own `.mailmap`. */
  mailmap?: string | undefined;
  logger?: Logger | undefined;
  /** Called every 1,000 commits read and at each phase change. */
  onProgress?: ((progress: GitImportProgress) => void) | undefined;
}

export interface GitImportProgress {
  phase: "reading" | "detecting" | "writing" | "done";
  commits: number;
}

/** What one import did. */
export interface GitImportResult {
  repo: string;
  branch: string;
  /** "full": no cursor yet; "incremental": from the cursor; "rewalk": the cursor was not an ancestor any more (force push). */
  mode: "full" | "incremental" | "rewalk" | "up-to-date";
  /** The branch tip imported, stored as the new cursor. */
  cursor: string;
  previousCursor: string | undefined;
  forcePushed: boolean;
  /** Commits read and stored by this run. */
  commits: number;
  /** PRs written (inserted or updated) by this run. */
  prs: number;
  prsByKind: Record<PrKind, number>;
  /** First-parent commits of this run that landed without PR evidence. */
  directCommits: number;
  /** First-parent merges that are not PRs (merged tags, syncs). */
  otherMerges: number;
  /** Squash-merged PRs whose original commits were read from their head ref (refs/pull/N/head). */
  squashesWithHeadRef: number;
  /** Git PRs of this branch removed because a re-walk no longer finds them (force push). */
  removedPrs: number;
  /** Commits or PRs not stored, each with its reason in `skippedReasons` (first 20). */
  skipped: number;
  skippedReasons: { sha: string; reason: string }[];
  durationMs: number;
}

const sinceSchema = z.union([z.iso.date(), z.iso.datetime({ offset: true })]);
const PROGRESS_EVERY = 1_000;
const MAX_REASONS = 20;

/**
 * Imports a local clone's history of one branch into `commits` and the PRs it can detect into
 * `prs` (source "git"). Incremental: the branch tip is stored as a cursor and the next run
 * reads only `git log <tip> ^<cursor>`; when the cursor is no longer an ancestor of the tip
 * (force push) the branch is re-walked, rows are upserted, and git PRs it no longer finds are
 * removed. Resumable: commits are written in batches as they are read, the PRs and the cursor
 * together at the end, so an interrupted run is redone from the old cursor.
 * @example
 * const result = await importGitRepository(store, { path: "../web", logger });
 * // { repo: "acme/web", mode: "full", commits: 5120, prs: 830, prsByKind: { "github-squash": 790, … }, … }
 */
export async function importGitRepository(store: Store, options: ImportGitOptions): Promise<GitImportResult> {
  const started = performance.now();
  const startedAt = new Date();
  const logger = options.logger ?? silentLogger();
  const since = parseSince(options.since);
  const config = mailmapConfig(options.mailmap);
  const repository = await resolveRepository(options.path, { repo: options.repo, branch: options.branch });
  const cursor = await readCursor(store, repository.repo, repository.branch);
  const log = logger.child({ repo: repository.repo, branch: repository.branch });

  const plan = await planWalk(repository, cursor, since);
  if (since && plan.mode === "incremental" && since !== plan.since) {
    log.info(
      { since, cursor: cursor?.sha },
      "--since applies to a first import or a re-walk; continuing from the cursor",
    );
  }
  const result = emptyResult(repository, plan.mode, cursor);
  if (plan.mode === "up-to-date") return finish(result, started);
  if (plan.mode === "rewalk") {
    log.warn(
      { cursor: cursor?.sha, tip: repository.tip },
      "the stored cursor is not an ancestor of the branch tip any more (force push?): re-walking the branch",
    );
  }

  const identities = new IdentityTable(await loadIdentityMap(store));
  const graph = await readHistory(
    store,
    repository,
    plan.exclude,
    config,
    identities,
    result,
    options.onProgress,
    log,
  );
  options.onProgress?.({ phase: "detecting", commits: result.commits });
  const detection = detectPullRequests(graph, repository.tip);
  result.directCommits = detection.direct;
  result.otherMerges = detection.otherMerges;
  result.squashesWithHeadRef = await addSquashedCommits(
    repository.path,
    repository.tip,
    detection.pullRequests,
    identities,
    repository.branch,
    config,
  );

  options.onProgress?.({ phase: "writing", commits: result.commits });
  const written = await writePullRequests(store, {
    repository,
    pullRequests: detection.pullRequests,
    cursor: { repo: repository.repo, branch: repository.branch, sha: repository.tip, since: plan.since },
    removeMissingSince: plan.mode === "rewalk" ? { after: plan.excludeCommittedAt } : undefined,
    commits: {
      startedAt,
      read: result.commits + result.skipped,
      written: result.commits,
      skipped: result.skipped,
    },
  });
  result.prs = written.written;
  result.removedPrs = written.removed;
  for (const [kind, count] of Object.entries(written.byKind)) result.prsByKind[kind as PrKind] = count;
  for (const problem of written.skipped) addSkipped(result, problem.sha, problem.reason);
  if (written.duplicateIds.length > 0) {
    log.warn(
      { ids: written.duplicateIds.slice(0, MAX_REASONS) },
      "several landings carry the same PR number; kept the latest",
    );
  }
  options.onProgress?.({ phase: "done", commits: result.commits });
  log.info(
    { mode: result.mode, commits: result.commits, prs: result.prs, skipped: result.skipped },
    "imported git history",
  );
  return finish(result, started);
}

interface WalkPlan {
  mode: GitImportResult["mode"];
  /** `git log <tip> --not <exclude>`: the cursor, or the first-parent commit before `since`. */
  exclude: string | undefined;
  excludeCommittedAt: string | undefined;
  since: string | undefined;
}

async function planWalk(
  repository: ResolvedRepository,
  cursor: GitCursor | undefined,
  since: string | undefined,
): Promise<WalkPlan> {
  if (cursor?.sha === repository.tip) {
    return { mode: "up-to-date", exclude: undefined, excludeCommittedAt: undefined, since: cursor.since };
  }
  if (cursor && (await isAncestor(repository.path, cursor.sha, repository.tip))) {
    return { mode: "incremental", exclude: cursor.sha, excludeCommittedAt: undefined, since: cursor.since };
  }
  const window = since ?? cursor?.since;
  const base = window ? await firstParentBefore(repository.path, repository.tip, window) : undefined;
  return {
    mode: cursor ? "rewalk" : "full",
    exclude: base?.sha,
    excludeCommittedAt: base?.committedAt,
    since: window,
  };
}

/** Streams `git log` of the walk into `commits` and returns the walk's commit graph. */
async function readHistory(
  store: Store,
  repository: ResolvedRepository,
  exclude: string | undefined,
  config: string[],
  identities: IdentityTable,
  result: GitImportResult,
  onProgress: ImportGitOptions["onProgress"],
  log: Logger,
): Promise<Map<string, CommitNode>> {
  const args = [
    "log",
    "--no-renames",
    "--no-ext-diff",
    "--no-textconv",
    "--diff-merges=first-parent",
    "--numstat",
    "--encoding=UTF-8",
    `--format=${LOG_FORMAT}`,
    repository.tip,
    ...(exclude ? ["--not", exclude] : []),
    "--",
  ];
  const git = streamGit(repository.path, args, { config });
  const graph = new Map<string, CommitNode>();
  const writer = new CommitWriter(store, repository.repo);
  let read = 0;
  try {
    for await (const raw of parseGitLog(git.stdout)) {
      const node = toCommitNode(raw, identities, repository.branch);
      graph.set(node.sha, node);
      read++;
      if (node.problem) {
        addSkipped(result, node.sha, node.problem);
        log.warn({ sha: node.sha, problem: node.problem }, "commit not stored");
      } else {
        await writer.add(node);
      }
      if (read % PROGRESS_EVERY === 0) onProgress?.({ phase: "reading", commits: read });
    }
    await git.done;
    result.commits = await writer.finish();
  } catch (error) {
    git.kill();
    // The batches already written stay (upserts, resumable); the first error is the one to report.
    await writer
      .finish()
      .catch((writeError: unknown) => log.error({ err: writeError }, "writing commits failed too"));
    throw error;
  }
  log.debug({ commits: read, identities: identities.size }, "read git history");
  return graph;
}

function parseSince(since: string | undefined): string | undefined {
  if (since === undefined || since === "") return undefined;
  if (!sinceSchema.safeParse(since).success) {
    throw new InputError(
      `--since ${since}: not a date; use YYYY-MM-DD or an ISO 8601 instant with an offset (2025-01-31T00:00:00Z)`,
    );
  }
  return new Date(since.length === 10 ? `${since}T00:00:00Z` : since).toISOString();
}

function mailmapConfig(mailmap: string | undefined): string[] {
  if (!mailmap) return [];
  const file = path.resolve(mailmap);
  if (!existsSync(file)) throw new InputError(`--mailmap ${mailmap}: no such file`);
  return [`mailmap.file=${file}`];
}

function emptyResult(
  repository: ResolvedRepository,
  mode: GitImportResult["mode"],
  cursor: GitCursor | undefined,
): GitImportResult {
  return {
    repo: repository.repo,
    branch: repository.branch,
    mode,
    cursor: repository.tip,
    previousCursor: cursor?.sha,
    forcePushed: mode === "rewalk",
    commits: 0,
    prs: 0,
    prsByKind: Object.fromEntries(PR_KINDS.map((kind) => [kind, 0])) as Record<PrKind, number>,
    directCommits: 0,
    otherMerges: 0,
    squashesWithHeadRef: 0,
    removedPrs: 0,
    skipped: 0,
    skippedReasons: [],
    durationMs: 0,
  };
}

function addSkipped(result: GitImportResult, sha: string, reason: string): void {
  result.skipped++;
  if (result.skippedReasons.length < MAX_REASONS) result.skippedReasons.push({ sha, reason });
}

function finish(result: GitImportResult, started: number): GitImportResult {
  result.durationMs = Math.round(performance.now() - started);
  return result;
}
