import type { CommitFact, DeploymentFact } from "./facts.js";
import { groupIndex } from "./group-index.js";
import { inWindow } from "./grouping.js";
import { IndexedValues } from "./indexed-values.js";
import { isProductionSuccess } from "./production.js";
import { measureSpan, type SpanExclusion } from "./span.js";
import { DURATION_LOG_FLOOR_HOURS } from "./summary.js";
import { ALL_GROUP, type MetricDefinition } from "./types.js";

const definition =
  "Commit authored → the successful production deployment that shipped it (finished_at − authored_at), in hours, one " +
  "value per (deployment, commit) link; the commits a deployment shipped are those between the previous successful " +
  "production deployment's SHA and this one's (table deployment_commits, filled from local Git). A deployment belongs " +
  "to the day it finished (UTC). value = median, with n, p75, p90, mean and mean_log.";

/** Lead times in hours of the commits one deployment shipped (a commit authored after the deploy is excluded). */
export function leadTimesForDeployment(
  deployment: DeploymentFact,
  commits: readonly CommitFact[],
): (number | SpanExclusion)[] {
  return commits.map((commit) => measureSpan(commit.authored, deployment.finished));
}

/** lead_time_for_change (DORA). Without any deployment↔commit link the row says so and has n = 0. */
export const leadTimeForChange: MetricDefinition = {
  name: "lead_time_for_change",
  unit: "hours",
  definition,
  groupable: ["author", "team", "repo", "week", "arm"],
  compute(inputs, options) {
    const linked = inputs.deploymentCommits;
    if (!linked) {
      return [
        {
          name: "lead_time_for_change",
          group: ALL_GROUP,
          value: null,
          unit: "hours",
          n: 0,
          note: "no deployment↔commit links yet: import the repositories' Git history (uplift measure import git --path REPO)",
          definition,
        },
      ];
    }
    // one item per (deployment, commit) link, grouped through one index (300k links by author-week)
    const shipped: DeploymentFact[] = [];
    const commitsOf: CommitFact[] = [];
    const times: (number | SpanExclusion)[] = [];
    for (const deployment of inputs.deployments) {
      if (!isProductionSuccess(deployment, options) || !inWindow(options, deployment.finished)) continue;
      const commits = linked.get(deployment.id) ?? [];
      for (const [i, hours] of leadTimesForDeployment(deployment, commits).entries()) {
        shipped.push(deployment);
        commitsOf.push(commits[i] as CommitFact);
        times.push(hours);
      }
    }
    const { names, ids } = groupIndex(
      options,
      times.length,
      (i, subject) => {
        subject.login = (commitsOf[i] as CommitFact).author;
        subject.repo = (shipped[i] as DeploymentFact).repo;
      },
      (i) => (shipped[i] as DeploymentFact).finished,
    );
    const values = new IndexedValues(names, times.length);
    for (let i = 0; i < times.length; i++) {
      const hours = times[i] as number | SpanExclusion;
      if (typeof hours === "number") values.add(ids[i] as number, hours);
      else values.exclude(ids[i] as number, hours);
    }
    return values.rows(
      { name: "lead_time_for_change", unit: "hours", definition },
      DURATION_LOG_FLOOR_HOURS,
      options.grouped,
    );
  },
};
