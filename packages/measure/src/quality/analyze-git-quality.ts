import { insertRows, type Logger, type Store, silentLogger } from "@uplift/core";
import { streamGit } from "../git/git-command.js";
import { IdentityTable } from "../git/identity.js";
import { resolveRepository } from "../git/repository.js";
import { loadIdentityMap } from "../store/identities.js";
import { recordImportRun } from "../store/import-runs.js";
import { type CommitGraph, graphLogArgs, landingsOf, readCommitGraph, resolveSha } from "./commit-graph.js";
import { parsePatchLog, patchLogArgs } from "./patch-stream.js";
import { type LandingRework, REWORK_WINDOW_DAYS, ReworkTracker } from "./rework-tracker.js";

export interface AnalyzeGitQualityOptions {
  /** A local clone: work tree or bare repository. */
  path: string;
  /** Name in records; default as `measure import git` (owner/name of origin, else the directory name). */
  repo?: string | undefined;
  branch?: string | undefined;
  windowDays?: number | undefined;
  /** Base names of files whose lines are not counted (default: lock files). */
  excludedFiles?: readonly string[] | undefined;
  logger?: Logger | undefined;
}

/** The import report of one analysis (also stored in `import_runs`, connector "git", kind "quality"). */
export interface GitQualityResult {
  repo: string;
  branch: string;
  commits: number;
  landings: number;
  linesAdded: number;
  linesReworked: number;
  /** Landings whose 21-day window ends after the newest landing (their rework is not final). */
  landingsWindowOpen: number;
  windowDays: number;
  reverts: {
    /** Revert claims found in messages ("This reverts commit X"). */
    found: number;
    /** … whose reverted commit landed on the branch before. */
    linked: number;
    /** … of those, landed by a PR known in `prs` (by merge_sha). */
    linkedToPrs: number;
    /** … naming a commit that is not in the analysed history (counted, not an error). */
    notInHistory: number;
    /** … reverting a commit of the same landing (undone before it landed: not a revert of landed work). */
    sameLanding: number;
    /** First 20 commits whose revert target is not in the history. */
    notInHistoryExamples: { revert: string; reverted: string }[];
  };
  durationMs: number;
}

interface RevertRow {
  revertSha: string;
  revertedSha: string;
  revertLanding: string | null;
  revertedLanding: string | null;
  revertedAt: string;
}

/**
 * Reads a branch's local history twice, streamed — every commit's parents and message (revert
 * claims, which landing brought each commit) and the first-parent patches oldest first (line
 * origins) — then replaces the repository's rows of `quality_landings` and `quality_reverts` in
 * one transaction with its import report. A full recomputation: rework depends on every earlier
 * line, and 50,000 commits take seconds (docs/benchmarks.md).
 */
export async function analyzeGitQuality(
  store: Store,
  options: AnalyzeGitQualityOptions,
): Promise<GitQualityResult> {
  const started = performance.now();
  const startedAt = new Date();
  const logger = options.logger ?? silentLogger();
  const repository = await resolveRepository(options.path, { repo: options.repo, branch: options.branch });
  const log = logger.child({ repo: repository.repo, branch: repository.branch });
  const windowDays = options.windowDays ?? REWORK_WINDOW_DAYS;

  const graph = await readGraph(repository.path, repository.tip);
  const landing = landingsOf(graph.parents, repository.tip);
  log.debug({ commits: graph.parents.size, reverts: graph.reverts.length }, "read the commit graph");

  const tracker = new ReworkTracker({ windowDays, excludedFiles: options.excludedFiles });
  const git = streamGit(repository.path, patchLogArgs(repository.tip));
  try {
    for await (const commit of parsePatchLog(git.stdout)) tracker.add(commit);
    await git.done;
  } catch (error) {
    git.kill();
    throw error;
  }
  const landings = tracker.finish();

  const result: GitQualityResult = {
    repo: repository.repo,
    branch: repository.branch,
    commits: graph.parents.size,
    landings: landings.length,
    linesAdded: 0,
    linesReworked: 0,
    landingsWindowOpen: 0,
    windowDays,
    reverts: {
      found: 0,
      linked: 0,
      linkedToPrs: 0,
      notInHistory: 0,
      sameLanding: 0,
      notInHistoryExamples: [],
    },
    durationMs: 0,
  };
  for (const row of landings) {
    result.linesAdded += row.linesAdded;
    result.linesReworked += row.linesReworked;
    if (!row.windowClosed) result.landingsWindowOpen++;
  }
  const reverts = revertRows(graph, landing, result);
  const identities = new IdentityTable(await loadIdentityMap(store));
  await store.transaction(async (tx) => {
    await tx.query("DELETE FROM quality_landings WHERE repo = $1", [repository.repo]);
    await tx.query("DELETE FROM quality_reverts WHERE repo = $1", [repository.repo]);
    await insertRows(
      tx,
      "quality_landings",
      ["repo", "sha", "landed_at", "author", "lines_added", "lines_reworked", "window_closed"],
      landings.map((row: LandingRework) => [
        repository.repo,
        row.sha,
        row.landedAt,
        identities.get(row.authorName, row.authorEmail).login,
        row.linesAdded,
        row.linesReworked,
        row.windowClosed,
      ]),
    );
    await insertRows(
      tx,
      "quality_reverts",
      ["repo", "revert_sha", "reverted_sha", "revert_landing", "reverted_landing", "reverted_at"],
      reverts.map((r) => [
        repository.repo,
        r.revertSha,
        r.revertedSha,
        r.revertLanding,
        r.revertedLanding,
        r.revertedAt,
      ]),
    );
    const { rows } = await tx.query<{ n: number }>(
      `SELECT count(DISTINCT p.id)::int AS n FROM quality_reverts r
         JOIN prs p ON p.repo = r.repo AND p.merge_sha = r.reverted_landing
        WHERE r.repo = $1 AND r.reverted_landing IS NOT NULL`,
      [repository.repo],
    );
    result.reverts.linkedToPrs = rows[0]?.n ?? 0;
    await recordImportRun(tx, {
      connector: "git",
      kind: "quality",
      scope: `${repository.repo}:${repository.branch}`,
      startedAt,
      finishedAt: new Date(),
      rowsRead: graph.parents.size,
      rowsWritten: landings.length + reverts.length,
      skipped: {
        ...(result.reverts.notInHistory > 0
          ? { revert_target_not_in_history: result.reverts.notInHistory }
          : {}),
        ...(result.reverts.sameLanding > 0 ? { revert_within_same_landing: result.reverts.sameLanding } : {}),
      },
      anomalies: result.landingsWindowOpen > 0 ? { rework_window_open: result.landingsWindowOpen } : {},
    });
  });
  result.durationMs = Math.round(performance.now() - started);
  log.info(
    { landings: result.landings, reworked: result.linesReworked, reverts: result.reverts.linked },
    "analysed rework and reverts",
  );
  return result;
}

async function readGraph(repoPath: string, tip: string): Promise<CommitGraph> {
  const git = streamGit(repoPath, graphLogArgs(tip));
  try {
    const graph = await readCommitGraph(git.stdout);
    await git.done;
    return graph;
  } catch (error) {
    git.kill();
    throw error;
  }
}

const MAX_EXAMPLES = 20;

function revertRows(
  graph: CommitGraph,
  landing: ReadonlyMap<string, string>,
  result: GitQualityResult,
): RevertRow[] {
  const rows = new Map<string, RevertRow>();
  for (const claim of graph.reverts) {
    result.reverts.found++;
    const reverted = resolveSha(graph.parents, claim.revertedRef);
    const revertLanding = landing.get(claim.revertSha) ?? null;
    const revertedLanding = reverted === undefined ? null : (landing.get(reverted) ?? null);
    if (reverted === undefined || revertedLanding === null) {
      result.reverts.notInHistory++;
      if (result.reverts.notInHistoryExamples.length < MAX_EXAMPLES)
        result.reverts.notInHistoryExamples.push({ revert: claim.revertSha, reverted: claim.revertedRef });
    } else if (revertedLanding === revertLanding) {
      result.reverts.sameLanding++;
      continue;
    } else {
      result.reverts.linked++;
    }
    const revertedSha = reverted ?? claim.revertedRef;
    rows.set(`${claim.revertSha} ${revertedSha}`, {
      revertSha: claim.revertSha,
      revertedSha,
      revertLanding,
      revertedLanding,
      revertedAt: new Date(Date.parse(claim.committedAt)).toISOString(),
    });
  }
  return [...rows.values()];
}
