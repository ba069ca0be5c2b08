import { z } from "zod";
import { collect } from "../github/context.js";
import { writeRecords } from "../github/record-writer.js";
import { scanUpdatedSince, startCursor, type UpdatedSinceCursor } from "../github/updated-since-scan.js";
import { readImportCursor, writeImportCursor } from "../store/import-cursors.js";
import type { GitLabContext } from "./context.js";
import { mapGitLabDeployment } from "./map-deployment.js";
import { environmentSchema, type GitLabDeploymentPayload, gitlabDeploymentSchema } from "./payloads.js";

/**
 * Imports deployments updated since the cursor (a status change updates a deployment, so
 * running ones are picked up again when they finish), with the tiers of their environments.
 */
export async function importDeployments(ctx: GitLabContext, production: RegExp): Promise<number> {
  const tiers = new Map<number, string>();
  for (const env of await collect(ctx.client.pages(`${ctx.base}/environments`, {}, environmentSchema))) {
    if (env.tier) tiers.set(env.id, env.tier);
  }
  const scope = `${ctx.project}:deployments`;
  const stored = await readImportCursor<UpdatedSinceCursor>(ctx.store, "gitlab", scope);
  let total = 0;
  await scanUpdatedSince<GitLabDeploymentPayload>({
    cursor: startCursor(stored, ctx.since),
    fetchPage: (since, page) =>
      ctx.client.get(
        `${ctx.base}/deployments`,
        { order_by: "updated_at", sort: "asc", updated_after: since, per_page: 100, page },
        z.array(gitlabDeploymentSchema),
      ),
    key: (d) => String(d.id),
    updatedAt: (d) => d.updated_at,
    commit: async (items, next) => {
      const deployments = items.map((d) => mapGitLabDeployment(ctx.project, d, tiers, production));
      await ctx.store.transaction(async (tx) => {
        await writeRecords(tx, { deployments });
        await writeImportCursor(tx, "gitlab", scope, next);
      });
      total += deployments.length;
      ctx.progress("deployments", deployments.length, total);
    },
  });
  return total;
}
