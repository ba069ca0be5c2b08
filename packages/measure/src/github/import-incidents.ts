import { z } from "zod";
import { readImportCursor, writeImportCursor } from "../store/import-cursors.js";
import type { GitHubImportContext } from "./context.js";
import { type IncidentRules, isIncident, mapIncident } from "./map-incident.js";
import { type IssuePayload, issueSchema } from "./payloads.js";
import { writeRecords } from "./record-writer.js";
import { scanUpdatedSince, startCursor, type UpdatedSinceCursor } from "./updated-since-scan.js";

const issues = z.array(issueSchema);

/** Imports issues labelled as incidents (cursor per label: changing the label starts afresh). */
export async function importIncidents(ctx: GitHubImportContext, rules: IncidentRules): Promise<number> {
  const scope = `${ctx.repo}:incidents:${rules.label}`;
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
          labels: rules.label,
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
      const incidents = items
        .filter((i) => !i.pull_request && isIncident(i, rules))
        .map((i) => mapIncident(ctx.repo, i, rules));
      await ctx.store.transaction(async (tx) => {
        await writeRecords(tx, { incidents });
        await writeImportCursor(tx, "github", scope, next);
      });
      total += incidents.length;
      ctx.progress("incidents", incidents.length, total);
    },
  });
  return total;
}
