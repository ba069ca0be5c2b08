import { insertRows, type Store } from "@uplift/core";
import { type PullRequest, pullRequestSchema } from "../records.js";
import { recordImportRun } from "../store/import-runs.js";
import { cursorScope, GIT_CONNECTOR, type GitCursor, writeCursor } from "./cursor.js";
import type { DetectedPullRequest } from "./detect-pull-requests.js";
import { toPullRequestRecord } from "./pull-request-record.js";
import type { ResolvedRepository } from "./repository.js";

/** The `prs` columns: exactly the fields of `pullRequestSchema`, in its order. */
export const PR_COLUMNS = Object.keys(pullRequestSchema.shape) as (keyof PullRequest)[];

export interface WritePullRequestsInput {
  repository: ResolvedRepository;
  pullRequests: readonly DetectedPullRequest[];
  /** Stored in the same transaction: the PRs and the cursor move together. */
  cursor: GitCursor;
  /**
   * After a re-walk: remove this branch's git PRs merged after `after` (all when undefined)
   * that the walk did not find (their landing commits were rewritten away).
   */
  removeMissingSince: { after: string | undefined } | undefined;
  /** The commits side of the run, for the data-quality report (`import_runs`). */
  commits: { startedAt: Date; read: number; written: number; skipped: number };
}

export interface WritePullRequestsResult {
  written: number;
  removed: number;
  byKind: Record<string, number>;
  /** PRs not written: the landing commit's time was not valid. */
  skipped: { sha: string; reason: string }[];
  /** Ids found on more than one landing (a number reused): the latest landing is kept. */
  duplicateIds: string[];
}

/** Upserts the detected PRs into `prs` and stores the cursor, in one transaction. */
export async function writePullRequests(
  store: Store,
  input: WritePullRequestsInput,
): Promise<WritePullRequestsResult> {
  const { repository } = input;
  const byId = new Map<string, PullRequest>();
  const duplicateIds: string[] = [];
  const skipped: WritePullRequestsResult["skipped"] = [];
  for (const pr of input.pullRequests) {
    const record = toPullRequestRecord(pr, repository.repo, repository.branch);
    if (typeof record === "string") {
      skipped.push({ sha: pr.landing.sha, reason: record });
      continue;
    }
    // Detection lists landings oldest first: a later landing of the same number wins.
    if (byId.has(record.id)) duplicateIds.push(record.id);
    byId.set(record.id, record);
  }
  const records = [...byId.values()];
  const byKind: Record<string, number> = {};
  for (const record of records) {
    const kind = String(record.attributes.kind);
    byKind[kind] = (byKind[kind] ?? 0) + 1;
  }

  return store.transaction(async (tx) => {
    const written = await insertRows(
      tx,
      "prs",
      PR_COLUMNS,
      records.map((record) => PR_COLUMNS.map((column) => record[column] ?? null)),
      { onConflict: { columns: ["id"], action: "update" } },
    );
    let removed = 0;
    if (input.removeMissingSince) {
      const { rows } = await tx.query<{ id: string }>(
        `SELECT id FROM prs WHERE source = 'git' AND repo = $1 AND base_branch = $2
           AND ($3::timestamptz IS NULL OR merged_at > $3::timestamptz)`,
        [repository.repo, repository.branch, input.removeMissingSince.after ?? null],
      );
      const missing = rows.map((row) => row.id).filter((id) => !byId.has(id));
      if (missing.length > 0) {
        removed = (await tx.query("DELETE FROM prs WHERE id = ANY($1::text[])", [missing])).rowCount;
      }
    }
    await writeCursor(tx, input.cursor);
    const scope = cursorScope(repository.repo, repository.branch);
    const finishedAt = new Date();
    await recordImportRun(tx, {
      connector: GIT_CONNECTOR,
      kind: "commits",
      scope,
      startedAt: input.commits.startedAt,
      finishedAt,
      rowsRead: input.commits.read,
      rowsWritten: input.commits.written,
      skipped: input.commits.skipped > 0 ? { invalid_time: input.commits.skipped } : {},
      anomalies: {},
    });
    await recordImportRun(tx, {
      connector: GIT_CONNECTOR,
      kind: "prs",
      scope,
      startedAt: input.commits.startedAt,
      finishedAt,
      rowsRead: input.pullRequests.length,
      rowsWritten: written,
      skipped: nonZero({ invalid_time: skipped.length, duplicate_number: duplicateIds.length }),
      anomalies: anomaliesOf(records),
    });
    return { written, removed, byKind, skipped, duplicateIds };
  });
}

/**
 * Spans metrics will exclude (DESIGN: metric definitions): merged before the first commit
 * (clock skew), and PRs whose creation Git cannot date (a squash without its head ref).
 */
function anomaliesOf(records: readonly PullRequest[]): Record<string, number> {
  let negative = 0;
  let unknownStart = 0;
  for (const record of records) {
    if (record.merged_at && Date.parse(record.merged_at) < Date.parse(record.created_at)) negative++;
    if (!record.first_commit_at) unknownStart++;
  }
  return nonZero({
    "negative_span:pr_merge_time": negative,
    "negative_span:pr_cycle_time": negative,
    "missing_span:pr_cycle_time": unknownStart,
    "unknown_created_at:pr_merge_time": unknownStart,
  });
}

function nonZero(counts: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(counts).filter(([, n]) => n > 0));
}
