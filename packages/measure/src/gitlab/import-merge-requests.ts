import { NotFoundError } from "@uplift/core";
import { z } from "zod";
import { collect } from "../github/context.js";
import { writeRecords } from "../github/record-writer.js";
import { scanUpdatedSince, startCursor, type UpdatedSinceCursor } from "../github/updated-since-scan.js";
import type { PullRequest } from "../records.js";
import { readImportCursor, writeImportCursor } from "../store/import-cursors.js";
import type { GitLabContext } from "./context.js";
import { mapMergeRequest } from "./map-merge-request.js";
import {
  approvalsSchema,
  diffSchema,
  type MergeRequestPayload,
  mergeRequestSchema,
  mrCommitSchema,
  noteSchema,
} from "./payloads.js";

/**
 * Imports merge requests updated since the cursor (`updated_after`, sorted by `updated_at`),
 * each with its commits, notes, diffs and approvals; a page of records and the cursor are
 * stored in one transaction.
 */
export async function importMergeRequests(ctx: GitLabContext): Promise<number> {
  const scope = `${ctx.project}:merge_requests`;
  const stored = await readImportCursor<UpdatedSinceCursor>(ctx.store, "gitlab", scope);
  let total = 0;
  await scanUpdatedSince<MergeRequestPayload>({
    cursor: startCursor(stored, ctx.since),
    fetchPage: (since, page) =>
      ctx.client.get(
        `${ctx.base}/merge_requests`,
        { state: "all", order_by: "updated_at", sort: "asc", updated_after: since, per_page: 100, page },
        z.array(mergeRequestSchema),
      ),
    key: (mr) => String(mr.iid),
    updatedAt: (mr) => mr.updated_at,
    commit: async (items, next) => {
      const prs: PullRequest[] = [];
      for (const mr of items) prs.push(await readMergeRequest(ctx, mr));
      await ctx.store.transaction(async (tx) => {
        await writeRecords(tx, { prs });
        await writeImportCursor(tx, "gitlab", scope, next);
      });
      total += prs.length;
      ctx.progress("merge_requests", prs.length, total);
    },
  });
  return total;
}

async function readMergeRequest(ctx: GitLabContext, mr: MergeRequestPayload): Promise<PullRequest> {
  const path = `${ctx.base}/merge_requests/${mr.iid}`;
  const commits = await collect(ctx.client.pages(`${path}/commits`, {}, mrCommitSchema));
  const notes = await collect(
    ctx.client.pages(`${path}/notes`, { sort: "asc", order_by: "created_at" }, noteSchema),
  );
  const diffs = await collect(ctx.client.pages(`${path}/diffs`, {}, diffSchema));
  let approvals: z.infer<typeof approvalsSchema> | undefined;
  try {
    approvals = (await ctx.client.get(`${path}/approvals`, {}, approvalsSchema)).data;
  } catch (error) {
    if (!(error instanceof NotFoundError)) throw error;
    ctx.logger.debug({ mr: mr.iid }, "no approvals endpoint: approval times come from system notes only");
  }
  return mapMergeRequest(ctx.project, { mr, commits, notes, approvals, diffs });
}
