import type { FlowMappingEntry, FlowState } from "../flow-mapping.js";
import type { Transition, WorkItemWithTransitions } from "../work-item-records.js";
import type { JiraHistory, JiraIssue } from "./jira-payloads.js";

/** Custom field ids of this site (they differ per instance: read from `/rest/api/2/field`). */
export interface JiraFieldIds {
  sprint?: string | undefined;
  storyPoints?: string | undefined;
}

/** Jira status category keys → Flow states (Jira's "In Progress" category is `indeterminate`). */
const CATEGORY_STATES: Record<string, FlowState> = { new: "new", indeterminate: "active", done: "done" };

/** The Flow state a Jira status category implies, as a mapping row of origin "jira-category". */
export function categoryMapping(
  status: string,
  categoryKey: string | undefined,
): FlowMappingEntry | undefined {
  const flow = categoryKey ? CATEGORY_STATES[categoryKey] : undefined;
  return flow ? { kind: "status", name: status, flow, origin: "jira-category" } : undefined;
}

/** Jira's "2025-03-03T09:00:00.000+0100" → "2025-03-03T09:00:00.000+01:00" (ISO 8601 with offset). */
export function jiraInstant(value: string): string {
  return new Date(Date.parse(value.replace(/([+-]\d{2})(\d{2})$/, "$1:$2"))).toISOString();
}

/** The status changes of an issue's changelog, oldest first. */
export function statusTransitions(itemId: string, histories: readonly JiraHistory[]): Transition[] {
  const out: Transition[] = [];
  for (const history of histories)
    for (const change of history.items)
      if (change.field === "status" && change.toString)
        out.push({
          item_id: itemId,
          at: jiraInstant(history.created),
          from: change.fromString ?? "",
          to: change.toString,
        });
  return out.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
}

function sprintName(value: unknown): string | undefined {
  // Cloud: [{ id, name, state }]; Server: ["com.atlassian.greenhopper…Sprint@1[…,name=Sprint 4,…]"]
  const last = Array.isArray(value) ? value.at(-1) : value;
  if (last && typeof last === "object" && "name" in last) return String((last as { name: unknown }).name);
  if (typeof last === "string") return /name=([^,\]]+)/.exec(last)?.[1] ?? last;
  return undefined;
}

/** One Jira issue (with its complete changelog) as a work item with its transitions. */
export function mapJiraIssue(
  site: string,
  issue: JiraIssue,
  histories: readonly JiraHistory[],
  fields: JiraFieldIds,
  linkedPrs: readonly string[] = [],
): WorkItemWithTransitions {
  const f = issue.fields;
  const id = `jira:${issue.key}`;
  const assignee = f.assignee?.emailAddress ?? f.assignee?.name ?? f.assignee?.accountId ?? undefined;
  const points = fields.storyPoints ? f[fields.storyPoints] : undefined;
  const sprint = fields.sprint ? sprintName(f[fields.sprint]) : undefined;
  return {
    item: {
      id,
      source: "jira",
      type: f.issuetype.name,
      created_at: jiraInstant(f.created),
      ...(f.resolutiondate ? { resolved_at: jiraInstant(f.resolutiondate) } : {}),
      status: f.status.name,
      ...(assignee ? { assignee } : {}),
      ...(f.project ? { project: f.project.key } : {}),
      title: f.summary ?? "",
      ...(typeof points === "number" && points >= 0 ? { story_points: points } : {}),
      ...(sprint ? { sprint } : {}),
      linked_prs: [...linkedPrs],
      attributes: {
        key: issue.key,
        url: `${site}/browse/${issue.key}`,
        updated_at: jiraInstant(f.updated),
        ...(f.status.statusCategory ? { status_category: f.status.statusCategory.key } : {}),
        ...(f.assignee?.displayName ? { assignee_name: f.assignee.displayName } : {}),
      },
    },
    transitions: statusTransitions(id, histories),
  };
}

/** A pull request URL from Jira's development information → the PR id the forge connectors store. */
export function prIdOfUrl(url: string): string | undefined {
  const github = /github[^/]*\/([^/]+\/[^/]+)\/pull\/(\d+)/.exec(url);
  if (github) return `github:${github[1]}#${github[2]}`;
  const gitlab = /^https?:\/\/[^/]+\/(.+?)\/-\/merge_requests\/(\d+)/.exec(url);
  if (gitlab) return `gitlab:${gitlab[1]}!${gitlab[2]}`;
  return undefined;
}
