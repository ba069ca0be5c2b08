import { entryOf } from "./entry.js";
import type { DeploymentFact, IncidentFact } from "./facts.js";
import { HOUR_MS } from "./span.js";

/** How an incident was tied to the deployment that caused it. */
export type LinkRule = "explicit" | "window";

export interface IncidentLink {
  incidentId: string;
  deploymentId: string;
  rule: LinkRule;
}

export interface IncidentLinks {
  links: IncidentLink[];
  /** Incidents tied to no deployment, by reason (`unknown_deployment_id`, `no_deployment_in_window`). */
  unlinked: Record<string, number>;
}

/** The rule, as reported beside change_failure_rate. */
export function linkRuleText(windowHours: number): string {
  return (
    "An incident is linked to the deployment named by its deployment_id; without one, to the latest successful " +
    `production deployment whose service (or repo) equals the incident's service and that finished within ${windowHours} h ` +
    "before the incident started (finished_at ∈ [started_at − window, started_at])."
  );
}

/**
 * Links incidents to deployments (DESIGN: explicit reference, else service and time window).
 * `production` are the successful production deployments; an explicit id may name any deployment.
 */
export function linkIncidents(
  incidents: readonly IncidentFact[],
  deployments: readonly DeploymentFact[],
  production: readonly DeploymentFact[],
  windowHours: number,
): IncidentLinks {
  const byId = new Map(deployments.map((d) => [d.id, d]));
  const byService = new Map<string, DeploymentFact[]>();
  for (const deployment of production) {
    for (const key of new Set([deployment.service, deployment.repo])) {
      const list = entryOf(byService, key, () => []);
      list.push(deployment);
    }
  }
  for (const list of byService.values()) list.sort((a, b) => a.finished - b.finished);
  const links: IncidentLink[] = [];
  const unlinked: Record<string, number> = {};
  const miss = (reason: string) => {
    unlinked[reason] = (unlinked[reason] ?? 0) + 1;
  };
  for (const incident of incidents) {
    if (incident.deploymentId !== undefined) {
      if (byId.has(incident.deploymentId))
        links.push({ incidentId: incident.id, deploymentId: incident.deploymentId, rule: "explicit" });
      else miss("unknown_deployment_id");
      continue;
    }
    const candidate = latestAtOrBefore(byService.get(incident.service) ?? [], incident.started);
    if (candidate && candidate.finished >= incident.started - windowHours * HOUR_MS)
      links.push({ incidentId: incident.id, deploymentId: candidate.id, rule: "window" });
    else miss("no_deployment_in_window");
  }
  return { links, unlinked };
}

/** The last deployment (sorted by finish) that finished at or before `ms`. */
function latestAtOrBefore(sorted: readonly DeploymentFact[], ms: number): DeploymentFact | undefined {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((sorted[mid] as DeploymentFact).finished <= ms) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 ? sorted[lo - 1] : undefined;
}
