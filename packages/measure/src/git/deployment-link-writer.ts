import { insertRows, type Store } from "@uplift/core";
import type { ShippedCommit } from "./shipped-commits.js";

/** One successful production deployment and what linking found for it. */
export interface DeploymentLink {
  deployment: { id: string; sha: string };
  /** The full SHA, when the clone has the commit. */
  sha: string | undefined;
  previous: { id: string; sha: string } | undefined;
  status: "linked" | "unknown_sha" | "no_baseline";
  commits: ShippedCommit[];
}

const LINK_COLUMNS = [
  "deployment_id",
  "repo",
  "sha",
  "resolved_sha",
  "previous_deployment_id",
  "previous_sha",
  "status",
  "commits",
  "linked_at",
];

/** Replaces the links (and shipped commits) of these deployments, in one transaction. */
export async function writeDeploymentLinks(
  store: Store,
  repo: string,
  links: readonly DeploymentLink[],
): Promise<number> {
  if (links.length === 0) return 0;
  return store.transaction(async (tx) => {
    const ids = links.map((link) => link.deployment.id);
    await tx.query("DELETE FROM deployment_commits WHERE deployment_id = ANY($1::text[])", [ids]);
    const written = await insertRows(
      tx,
      "deployment_commits",
      ["deployment_id", "repo", "sha", "authored_at", "committed_at"],
      links.flatMap((link) =>
        link.commits.map((c) => [link.deployment.id, repo, c.sha, c.authoredAt, c.committedAt]),
      ),
    );
    const now = new Date().toISOString();
    await insertRows(
      tx,
      "git_deployment_links",
      LINK_COLUMNS,
      links.map((link) => [
        link.deployment.id,
        repo,
        link.deployment.sha,
        link.sha ?? null,
        link.previous?.id ?? null,
        link.previous?.sha ?? null,
        link.status,
        link.commits.length,
        now,
      ]),
      { onConflict: { columns: ["deployment_id"], action: "update" } },
    );
    return written;
  });
}

/** Drops the links of deployments that are no longer successful production deployments of the repo. */
export async function forgetRemovedDeployments(
  store: Store,
  repo: string,
  current: readonly string[],
): Promise<void> {
  await store.transaction(async (tx) => {
    const { rows } = await tx.query<{ deployment_id: string }>(
      "SELECT deployment_id FROM git_deployment_links WHERE repo = $1 AND NOT (deployment_id = ANY($2::text[]))",
      [repo, current],
    );
    const gone = rows.map((row) => row.deployment_id);
    if (gone.length === 0) return;
    await tx.query("DELETE FROM deployment_commits WHERE deployment_id = ANY($1::text[])", [gone]);
    await tx.query("DELETE FROM git_deployment_links WHERE deployment_id = ANY($1::text[])", [gone]);
  });
}
