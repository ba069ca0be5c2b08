import { NotFoundError } from "@uplift/core";
import type { Deployment } from "../records.js";
import { readImportCursor, writeImportCursor } from "../store/import-cursors.js";
import { collect, type GitHubImportContext } from "./context.js";
import { isDeploymentOpen, mapDeployment } from "./map-deployment.js";
import { type DeploymentPayload, deploymentSchema, deploymentStatusSchema } from "./payloads.js";
import { writeRecords } from "./record-writer.js";

/**
 * Where the newest-first deployment listing stopped. `through_id`: every deployment up to this
 * id is stored; `scan`: ids already stored by an interrupted walk (a contiguous range of the
 * listing); `pending`: deployments whose statuses may still change, read again on each run.
 */
export interface DeploymentsCursor {
  through_id?: number | undefined;
  scan?: { top: number; bottom: number } | undefined;
  pending: number[];
}

/** Pending deployments older than this are given up on (left as last seen). */
const PENDING_MAX_AGE_MS = 30 * 24 * 3600 * 1000;

/**
 * Imports deployments and their statuses. GitHub lists deployments newest first and cannot
 * filter by time, so the walk stops at the first deployment already stored (`through_id`) or
 * created before `since`; each page is stored with the cursor. Deployments not finished yet
 * are re-read on later runs until a terminal status (success, failure, error, inactive) arrives.
 */
export async function importDeployments(ctx: GitHubImportContext, production: RegExp): Promise<number> {
  const scope = `${ctx.repo}:deployments`;
  const stored = (await readImportCursor<DeploymentsCursor>(ctx.store, "github", scope)) ?? { pending: [] };
  let cursor: DeploymentsCursor = { ...stored, pending: [...stored.pending] };
  const since = ctx.since ? Date.parse(ctx.since) : undefined;
  const done = new Set<number>();
  let total = 0;

  const store = async (records: Deployment[], next: DeploymentsCursor) => {
    await ctx.store.transaction(async (tx) => {
      await writeRecords(tx, { deployments: records });
      await writeImportCursor(tx, "github", scope, next);
    });
    cursor = next;
    total += records.length;
    ctx.progress("deployments", records.length, total);
  };

  const listing = ctx.client.pages(
    "GET /repos/{owner}/{repo}/deployments",
    { owner: ctx.owner, repo: ctx.name },
    deploymentSchema,
  );
  for await (const page of listing) {
    let reachedStored = false;
    const todo: DeploymentPayload[] = [];
    for (const deployment of page.data) {
      const old =
        (cursor.through_id !== undefined && deployment.id <= cursor.through_id) ||
        (since !== undefined && Date.parse(deployment.created_at) < since);
      if (old) reachedStored = true;
      else if (!cursor.scan || deployment.id > cursor.scan.top || deployment.id < cursor.scan.bottom)
        todo.push(deployment);
    }
    if (todo.length > 0) {
      const { records, open } = await readAll(ctx, todo, production);
      for (const d of todo) done.add(d.id);
      const ids = todo.map((d) => d.id);
      await store(records, {
        ...cursor,
        scan: {
          top: Math.max(cursor.scan?.top ?? -Infinity, ...ids),
          bottom: Math.min(cursor.scan?.bottom ?? Infinity, ...ids),
        },
        pending: merge(cursor.pending, open),
      });
    }
    if (reachedStored) break;
  }

  const recheck = cursor.pending.filter((id) => !done.has(id));
  const stillOpen = cursor.pending.filter((id) => done.has(id));
  const rechecked: Deployment[] = [];
  for (const id of recheck) {
    const deployment = await readOne(ctx, id);
    if (!deployment) continue;
    const statuses = await readStatuses(ctx, id);
    rechecked.push(mapDeployment(ctx.repo, deployment, statuses, production));
    const young = ctx.now.getTime() - Date.parse(deployment.created_at) < PENDING_MAX_AGE_MS;
    if (isDeploymentOpen(statuses) && young) stillOpen.push(id);
  }
  const through = Math.max(cursor.through_id ?? -Infinity, cursor.scan?.top ?? -Infinity);
  await store(rechecked, {
    through_id: Number.isFinite(through) ? through : undefined,
    scan: undefined,
    pending: stillOpen,
  });
  return total;
}

async function readAll(
  ctx: GitHubImportContext,
  deployments: readonly DeploymentPayload[],
  production: RegExp,
) {
  const records: Deployment[] = [];
  const open: number[] = [];
  for (const deployment of deployments) {
    const statuses = await readStatuses(ctx, deployment.id);
    records.push(mapDeployment(ctx.repo, deployment, statuses, production));
    if (isDeploymentOpen(statuses)) open.push(deployment.id);
  }
  return { records, open };
}

function readStatuses(ctx: GitHubImportContext, id: number) {
  return collect(
    ctx.client.pages(
      "GET /repos/{owner}/{repo}/deployments/{deployment_id}/statuses",
      { owner: ctx.owner, repo: ctx.name, deployment_id: id },
      deploymentStatusSchema,
    ),
  );
}

/** A pending deployment, or undefined when it was deleted since (it leaves the pending list). */
async function readOne(ctx: GitHubImportContext, id: number): Promise<DeploymentPayload | undefined> {
  try {
    const page = await ctx.client.get(
      "GET /repos/{owner}/{repo}/deployments/{deployment_id}",
      { owner: ctx.owner, repo: ctx.name, deployment_id: id },
      deploymentSchema,
    );
    return page.data;
  } catch (error) {
    if (!(error instanceof NotFoundError)) throw error;
    ctx.logger.warn({ deployment: id }, "a pending GitHub deployment is gone; it stays as last imported");
    return undefined;
  }
}

function merge(a: readonly number[], b: readonly number[]): number[] {
  return [...new Set([...a, ...b])];
}
