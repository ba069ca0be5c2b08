import type { GitHubClient } from "@uplift/core";
import { z } from "zod";
import type { FlowMapping } from "../flow-mapping.js";
import type { WorkItem, WorkItemWithTransitions } from "../work-item-records.js";
import { type StatusEvent, transitionsOfEvents, typeOfLabels } from "./label-statuses.js";

const user = z.object({ login: z.string() }).nullish();
const label = z.union([z.object({ name: z.string() }), z.string()]);

/** The fields of a REST issue the work-item sources read. */
export const issueSchema = z.object({
  number: z.number().int(),
  title: z.string(),
  state: z.string(),
  created_at: z.string(),
  updated_at: z.string(),
  closed_at: z.string().nullish(),
  labels: z.array(label).default([]),
  assignee: user,
  type: z.object({ name: z.string() }).nullish(),
  html_url: z.string().optional(),
  state_reason: z.string().nullish(),
  pull_request: z.unknown().optional(),
});
export type GitHubIssue = z.output<typeof issueSchema>;

const timelineSchema = z.array(
  z
    .object({
      event: z.string().optional(),
      created_at: z.string().optional(),
      label: z.object({ name: z.string() }).optional(),
    })
    .passthrough(),
);

/** The work-item id of issue `number` of `repo` ("github:acme/web#7"). */
export function githubItemId(repo: string, number: number): string {
  return `github:${repo}#${number}`;
}

/**
 * One issue as a work item: its timeline (every page) read for `closed`, `reopened` and status
 * label events, which become transitions from "open"; the type is the first label a mapping
 * names as a type, else the issue's type, else "issue".
 */
export async function readIssueItem(
  gh: GitHubClient,
  repo: string,
  issue: GitHubIssue,
  mapping: FlowMapping,
): Promise<WorkItemWithTransitions> {
  const [owner, name] = repo.split("/") as [string, string];
  const events: StatusEvent[] = [];
  let timeline = await gh.get(
    "GET /repos/{owner}/{repo}/issues/{issue_number}/timeline",
    { owner, repo: name, issue_number: issue.number, per_page: 100 },
    timelineSchema,
  );
  for (;;) {
    for (const e of timeline.data)
      if (
        e.created_at &&
        (e.event === "closed" || e.event === "reopened" || e.event === "labeled" || e.event === "unlabeled")
      )
        events.push({ at: e.created_at, kind: e.event, label: e.label?.name });
    if (!timeline.next) break;
    timeline = await gh.getUrl(timeline.next, timelineSchema);
  }
  const id = githubItemId(repo, issue.number);
  const labels = issue.labels.map((l) => (typeof l === "string" ? l : l.name));
  const transitions = transitionsOfEvents(id, events, mapping);
  const item: WorkItem = {
    id,
    source: "github",
    type: typeOfLabels(labels, mapping, issue.type?.name),
    created_at: new Date(issue.created_at).toISOString(),
    ...(issue.state === "closed" && issue.closed_at
      ? { resolved_at: new Date(issue.closed_at).toISOString() }
      : {}),
    status: transitions.at(-1)?.to ?? issue.state,
    ...(issue.assignee ? { assignee: issue.assignee.login } : {}),
    project: repo,
    title: issue.title,
    linked_prs: [],
    attributes: {
      number: issue.number,
      labels,
      updated_at: issue.updated_at,
      ...(issue.html_url ? { url: issue.html_url } : {}),
      ...(issue.state_reason ? { state_reason: issue.state_reason } : {}),
    },
  };
  return { item, transitions };
}
