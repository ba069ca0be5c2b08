import type { Deployment } from "../records.js";
import type { GitHubImportContext } from "./context.js";
import { mapRelease } from "./map-deployment.js";
import { commitOfRefSchema, releaseSchema } from "./payloads.js";
import { writeRecords } from "./record-writer.js";

/**
 * Imports published releases as deployments to `environment`. The listing is short and
 * conditional (unchanged pages cost a 304), so it is read whole each run; only releases not yet
 * stored have their tag resolved to a commit (`GET /commits/{tag}`). Drafts are skipped.
 */
export async function importReleases(ctx: GitHubImportContext, environment: string): Promise<number> {
  const since = ctx.since ? Date.parse(ctx.since) : undefined;
  let total = 0;
  const listing = ctx.client.pages(
    "GET /repos/{owner}/{repo}/releases",
    { owner: ctx.owner, repo: ctx.name },
    releaseSchema,
  );
  for await (const page of listing) {
    const published = page.data.filter(
      (r) => !r.draft && (since === undefined || Date.parse(r.published_at ?? r.created_at) >= since),
    );
    const ids = published.map((r) => `github:${ctx.repo}/release/${r.id}`);
    const { rows } = await ctx.store.query<{ id: string }>("SELECT id FROM deployments WHERE id = ANY($1)", [
      ids,
    ]);
    const known = new Set(rows.map((row) => row.id));
    const records: Deployment[] = [];
    for (const release of published) {
      if (known.has(`github:${ctx.repo}/release/${release.id}`)) continue;
      const commit = await ctx.client.get(
        "GET /repos/{owner}/{repo}/commits/{ref}",
        { owner: ctx.owner, repo: ctx.name, ref: release.tag_name },
        commitOfRefSchema,
      );
      records.push(mapRelease(ctx.repo, release, commit.data.sha, environment));
    }
    if (records.length === 0) continue;
    await ctx.store.transaction((tx) => writeRecords(tx, { deployments: records }));
    total += records.length;
    ctx.progress("releases", records.length, total);
  }
  return total;
}
