import { entryOf } from "./entry.js";
import { groupOf, inWindow, sortedGroups } from "./grouping.js";
import { linkIncidents, linkRuleText } from "./incident-links.js";
import { isProductionSuccess } from "./production.js";
import { ALL_GROUP, type MetricDefinition, type MetricRow } from "./types.js";

const definition =
  "Share of successful production deployments (finished in the window) linked to ≥ 1 incident: failed / n. " +
  "Deployments that did not succeed are not in n (they shipped nothing). The link rule is reported in `rule`; " +
  "linked_by counts the links of each rule; unlinked_incidents counts incidents tied to no deployment.";

/** change_failure_rate (DORA). */
export const changeFailureRate: MetricDefinition = {
  name: "change_failure_rate",
  unit: "ratio",
  definition,
  groupable: ["repo", "week"],
  compute(inputs, options) {
    const production = inputs.deployments.filter((d) => isProductionSuccess(d, options));
    const { links, unlinked } = linkIncidents(
      inputs.incidents,
      inputs.deployments,
      production,
      options.incidentWindowHours,
    );
    const linkedBy = new Map<string, Set<string>>();
    for (const link of links) {
      const rules = entryOf(linkedBy, link.deploymentId, () => new Set());
      rules.add(link.rule);
    }
    const groups = new Map<string, { n: number; failed: number; explicit: number; window: number }>();
    for (const deployment of production) {
      if (!inWindow(options, deployment.finished)) continue;
      const group = groupOf(options, { repo: deployment.repo }, deployment.finished) as string;
      const entry = entryOf(groups, group, () => ({ n: 0, failed: 0, explicit: 0, window: 0 }));
      entry.n++;
      const rules = linkedBy.get(deployment.id);
      if (rules) {
        entry.failed++;
        if (rules.has("explicit")) entry.explicit++;
        else entry.window++;
      }
    }
    if (!options.grouped && !groups.has(ALL_GROUP))
      groups.set(ALL_GROUP, { n: 0, failed: 0, explicit: 0, window: 0 });
    const rule = linkRuleText(options.incidentWindowHours);
    return sortedGroups(groups).map(
      ([group, entry]): MetricRow => ({
        name: "change_failure_rate",
        group,
        value: entry.n > 0 ? entry.failed / entry.n : null,
        unit: "ratio",
        n: entry.n,
        failed: entry.failed,
        linked_by: { explicit: entry.explicit, window: entry.window },
        unlinked_incidents: unlinked,
        rule,
        definition,
      }),
    );
  },
};
