import { StatsInputError } from "../errors.js";

/** A cluster label per observation (a developer id, a team…). */
export type ClusterLabels = readonly (string | number)[];

/** Row indices grouped by cluster label, clusters in order of first appearance. */
export function groupRows(clusters: ClusterLabels, n: number, fn: string): number[][] {
  if (clusters.length !== n) {
    throw new StatsInputError(`${fn}: got ${clusters.length} cluster labels for ${n} observations`);
  }
  const byLabel = new Map<string | number, number[]>();
  clusters.forEach((label, i) => {
    const rows = byLabel.get(label);
    if (rows) rows.push(i);
    else byLabel.set(label, [i]);
  });
  if (byLabel.size < 2)
    throw new StatsInputError(
      `${fn}: cluster-robust inference needs at least 2 clusters, got ${byLabel.size}`,
    );
  return [...byLabel.values()];
}
