import { GroupedValues } from "./duration-rows.js";
import type { DeploymentFact, IncidentFact } from "./facts.js";
import { groupOf, inWindow } from "./grouping.js";
import { type LinkRule, linkIncidents, linkRuleText } from "./incident-links.js";
import { isProductionSuccess } from "./production.js";
import { measureSpan } from "./span.js";
import { DURATION_LOG_FLOOR_HOURS } from "./summary.js";
import type { MetricDefinition, MetricInputs, ResolvedOptions } from "./types.js";

const definition =
  "Incident started → resolved (resolved_at − started_at), in hours; an incident belongs to the day it was resolved " +
  "(UTC), unresolved ones are excluded as missing_end (counted in the window of their start). value = median, with n, " +
  "p75, p90, mean and mean_log. --group-by repo groups by the incident's service.";

/** time_to_restore (DORA). */
export const timeToRestore: MetricDefinition = {
  name: "time_to_restore",
  unit: "hours",
  definition,
  groupable: ["repo", "week"],
  compute(inputs, options) {
    const values = new GroupedValues();
    for (const incident of inputs.incidents) {
      const anchor = Number.isNaN(incident.resolved) ? incident.started : incident.resolved;
      if (!inWindow(options, anchor)) continue;
      const group = groupOf(options, { repo: incident.service }, anchor);
      const hours = measureSpan(incident.started, incident.resolved);
      if (typeof hours === "number") values.add(group, hours);
      else values.exclude(group, hours);
    }
    return values.rows(
      { name: "time_to_restore", unit: "hours", definition },
      DURATION_LOG_FLOOR_HOURS,
      options.grouped,
    );
  },
};

const fromDeployDefinition =
  "Causing deployment finished → incident resolved (resolved_at − the linked deployment's finished_at), in hours: " +
  "DORA's restore time counted from the change that failed, not from when the failure was noticed. Only incidents " +
  "linked to a deployment by the change_failure_rate rule (explicit deployment_id, else service and time window); " +
  "the rule is reported in `rule`, linked_by counts each rule and unlinked_incidents the others. An incident belongs " +
  "to the day it was resolved (UTC); unresolved ones are excluded as missing_end. value = median, with n, p75, p90, " +
  "mean and mean_log. --group-by repo groups by the incident's service.";

/** An incident in the window linked to the deployment that caused it (the change_failure_rate rule). */
export interface RestoreFromDeploy {
  incident: IncidentFact;
  deployment: DeploymentFact;
  rule: LinkRule;
  /** Resolution, else start: the instant that places the incident in a window and a week. */
  anchor: number;
}

/** The incidents of the window with their causing deployment, and the link rule's tallies. */
export function incidentsFromDeploys(
  inputs: MetricInputs,
  options: ResolvedOptions,
): { linked: RestoreFromDeploy[]; unlinked: Record<string, number> } {
  const production = inputs.deployments.filter((d) => isProductionSuccess(d, options));
  const { links, unlinked } = linkIncidents(
    inputs.incidents,
    inputs.deployments,
    production,
    options.incidentWindowHours,
  );
  const deploymentOf = new Map(inputs.deployments.map((d) => [d.id, d]));
  const linkOf = new Map(links.map((link) => [link.incidentId, link]));
  const linked: RestoreFromDeploy[] = [];
  for (const incident of inputs.incidents) {
    const link = linkOf.get(incident.id);
    const deployment = link && deploymentOf.get(link.deploymentId);
    if (!link || !deployment) continue;
    const anchor = Number.isNaN(incident.resolved) ? incident.started : incident.resolved;
    if (inWindow(options, anchor)) linked.push({ incident, deployment, rule: link.rule, anchor });
  }
  return { linked, unlinked };
}

/** time_to_restore_from_deploy (DORA, from the causing deployment). */
export const timeToRestoreFromDeploy: MetricDefinition = {
  name: "time_to_restore_from_deploy",
  unit: "hours",
  definition: fromDeployDefinition,
  groupable: ["repo", "week"],
  compute(inputs, options) {
    const { linked, unlinked } = incidentsFromDeploys(inputs, options);
    const values = new GroupedValues();
    const linkedBy: Record<string, number> = {};
    for (const { incident, deployment, rule, anchor } of linked) {
      linkedBy[rule] = (linkedBy[rule] ?? 0) + 1;
      const group = groupOf(options, { repo: incident.service }, anchor);
      const hours = measureSpan(deployment.finished, incident.resolved);
      if (typeof hours === "number") values.add(group, hours);
      else values.exclude(group, hours);
    }
    return values
      .rows(
        { name: "time_to_restore_from_deploy", unit: "hours", definition: fromDeployDefinition },
        DURATION_LOG_FLOOR_HOURS,
        options.grouped,
      )
      .map((row) => ({
        ...row,
        rule: linkRuleText(options.incidentWindowHours),
        linked_by: linkedBy,
        unlinked_incidents: unlinked,
      }));
  },
};
