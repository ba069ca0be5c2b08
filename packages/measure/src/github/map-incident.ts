import { type Incident, incidentSchema } from "../records.js";
import type { IssuePayload } from "./payloads.js";
import { toInstant } from "./time.js";

export interface IncidentRules {
  /** The label that makes an issue an incident (default "incident"). */
  label: string;
  /** Labels `<prefix><service>` name the service (default "service:"); otherwise the repository's name. */
  servicePrefix: string;
}

/**
 * A line `Caused-by-deployment: <id>` in the issue body links the incident to a deployment
 * explicitly: a GitHub deployment id (`1002`) or a record id (`github:acme/web/deployment/1002`).
 */
const CAUSED_BY = /^\s*caused[- ]by[- ]deployment\s*:\s*(\S+)\s*$/im;

/** True when the issue carries the incident label (case-insensitive). */
export function isIncident(issue: IssuePayload, rules: IncidentRules): boolean {
  return labelNames(issue).some((name) => name.toLowerCase() === rules.label.toLowerCase());
}

/**
 * Maps an issue labelled as an incident: started when opened, resolved when closed (an issue
 * closed as "not planned" is kept, flagged in attributes, for the metrics to exclude).
 */
export function mapIncident(repo: string, issue: IssuePayload, rules: IncidentRules): Incident {
  const labels = labelNames(issue);
  const prefix = rules.servicePrefix.toLowerCase();
  const service = labels
    .find((l) => l.toLowerCase().startsWith(prefix) && l.length > prefix.length)
    ?.slice(prefix.length);
  const cause = CAUSED_BY.exec(issue.body ?? "")?.[1];
  return incidentSchema.parse({
    id: `github:${repo}#${issue.number}`,
    source: "github",
    service: service ?? repo.split("/").at(-1),
    started_at: toInstant(issue.created_at),
    resolved_at: issue.state === "closed" ? toInstant(issue.closed_at) : undefined,
    deployment_id:
      cause === undefined ? undefined : /^\d+$/.test(cause) ? `github:${repo}/deployment/${cause}` : cause,
    attributes: {
      repo,
      number: issue.number,
      title: issue.title,
      url: issue.html_url,
      labels,
      reporter: issue.user?.login,
      state_reason: issue.state_reason ?? undefined,
      link_rule: cause === undefined ? undefined : "explicit: Caused-by-deployment line",
    },
  });
}

function labelNames(issue: IssuePayload): string[] {
  return issue.labels.map((l) => (typeof l === "string" ? l : l.name));
}
