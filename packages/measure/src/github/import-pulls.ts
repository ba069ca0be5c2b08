import { z } from "zod";
import type { PullRequest } from "../records.js";
import { type IdentityMapping, insertObservedIdentities, normalizeAlias } from "../store/identities.js";
import { readImportCursor, writeImportCursor } from "../store/import-cursors.js";
import { collect, type GitHubImportContext } from "./context.js";
import { mapPullRequest } from "./map-pull-request.js";
import {
  type IssuePayload,
  issueSchema,
  type PullCommitPayload,
  pullCommitSchema,
  pullSchema,
  reviewSchema,
  timelineEventSchema,
} from "./payloads.js";
import { writeRecords } from "./record-writer.js";
import { scanUpdatedSince, startCursor, type UpdatedSinceCursor } from "./updated-since-scan.js";

const issues = z.array(issueSchema);

/**
 * Imports the repository's pull requests updated since the cursor: the issues listing (sorted by
 * `updated_at`, filtered with `since`) finds them, then each one's detail, commits, reviews and
 * timeline are read and the page's records are stored with the cursor in one transaction.
 */
export async function importPulls(ctx: GitHubImportContext): Promise<number> {
  const scope = `${ctx.repo}:pulls`;
  const stored = await readImportCursor<UpdatedSinceCursor>(ctx.store, "github", scope);
  let total = 0;
  await scanUpdatedSince<IssuePayload>({
    cursor: startCursor(stored, ctx.since),
    fetchPage: (since, page) =>
      ctx.client.get(
        "GET /repos/{owner}/{repo}/issues",
        {
          owner: ctx.owner,
          repo: ctx.name,
          state: "all",
          sort: "updated",
          direction: "asc",
          per_page: 100,
          page,
          since,
        },
        issues,
      ),
    key: (issue) => String(issue.number),
    updatedAt: (issue) => issue.updated_at,
    commit: async (items, next) => {
      const prs: PullRequest[] = [];
      const identities: IdentityMapping[] = [];
      for (const issue of items) {
        if (!issue.pull_request) continue;
        const read = await readPull(ctx, issue.number);
        prs.push(read.pr);
        identities.push(...read.identities);
      }
      await ctx.store.transaction(async (tx) => {
        await writeRecords(tx, { prs });
        await insertObservedIdentities(tx, identities);
        await writeImportCursor(tx, "github", scope, next);
      });
      total += prs.length;
      ctx.progress("pulls", prs.length, total);
    },
  });
  return total;
}

async function readPull(
  ctx: GitHubImportContext,
  number: number,
): Promise<{ pr: PullRequest; identities: IdentityMapping[] }> {
  const params = { owner: ctx.owner, repo: ctx.name, pull_number: number };
  const pull = await ctx.client.get("GET /repos/{owner}/{repo}/pulls/{pull_number}", params, pullSchema);
  const commits = await collect(
    ctx.client.pages("GET /repos/{owner}/{repo}/pulls/{pull_number}/commits", params, pullCommitSchema),
  );
  const reviews = await collect(
    ctx.client.pages("GET /repos/{owner}/{repo}/pulls/{pull_number}/reviews", params, reviewSchema),
  );
  const timeline = await collect(
    ctx.client.pages(
      "GET /repos/{owner}/{repo}/issues/{issue_number}/timeline",
      { owner: ctx.owner, repo: ctx.name, issue_number: number },
      timelineEventSchema,
    ),
  );
  return {
    pr: mapPullRequest(ctx.repo, { pull: pull.data, commits, reviews, timeline }),
    identities: commitIdentities(ctx.repo, commits),
  };
}

/**
 * What GitHub knows and Git does not: the login behind a commit's author email. Stored as
 * observed mappings (source `github:OWNER/NAME`), so that the Git connector's commits and
 * lead times resolve to the same developer; a reviewed mapping is never re-pointed.
 */
function commitIdentities(repo: string, commits: readonly PullCommitPayload[]): IdentityMapping[] {
  return commits.flatMap((c) => {
    const email = c.commit.author?.email?.trim();
    const login = c.author?.login;
    if (!email || !login || email.toLowerCase() === login.toLowerCase()) return [];
    return [{ alias: normalizeAlias(email), login, source: `github:${repo}` }];
  });
}
