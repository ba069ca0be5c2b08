import { GroupedValues } from "./duration-rows.js";
import type { CommitFact, DeploymentFact } from "./facts.js";
import { groupOf, inWindow } from "./grouping.js";
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
    const values = new GroupedValues();
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
    for (const deployment of inputs.deployments) {
      if (!isProductionSuccess(deployment, options) || !inWindow(options, deployment.finished)) continue;
      const commits = linked.get(deployment.id) ?? [];
      const times = leadTimesForDeployment(deployment, commits);
      for (const [i, hours] of times.entries()) {
        const commit = commits[i] as CommitFact;
        const group = groupOf(options, { login: commit.author, repo: deployment.repo }, deployment.finished);
        if (typeof hours === "number") values.add(group, hours);
        else values.exclude(group, hours);
      }
    }
    return values.rows(
      { name: "lead_time_for_change", unit: "hours", definition },
      DURATION_LOG_FLOOR_HOURS,
      options.grouped,
    );
  },
};
